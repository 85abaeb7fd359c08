import { describe, expect, it } from 'vitest';
import { headlineNumbers } from '../../../../lambdas/render/email/headline-numbers';
import { ALPHA, metricsRow } from './metrics-row';

describe('headlineNumbers', () => {
  it('gives the rows of the "Your numbers" table in order', () => {
    expect(
      headlineNumbers({ metrics: ALPHA, period: '2026-10', medianNoPreferencePct: 38.18, reportingPractices: 24 }),
    ).toEqual([
      { label: 'Registered patients', value: '11' },
      { label: 'No recorded preference', value: '4 (36.4%)' },
      { label: 'Change since September 2026', value: 'down 13.6 percentage points (the gap is closing)' },
      { label: 'Your position in the ICB', value: 'decile 5 of 10 (1 = fewest gaps), among 24 reporting practices' },
      { label: 'ICB median, no recorded preference', value: '38.2%' },
      { label: 'Would be sent SMS by default (no preference, a mobile, SMS consent not withdrawn)', value: '2' },
      { label: 'On a QOF register with no recorded preference', value: '2 of 4 (50.0%)' },
      { label: 'Accessible information need with no recorded preference', value: '1' },
      { label: 'Estimated yearly SMS cost of QOF invitations sent by default', value: '£0.10' },
    ]);
  });

  it('leaves out what could not be computed rather than showing 0', () => {
    const rows = headlineNumbers({
      metrics: metricsRow({
        practice_code: 'A81001',
        registered: 0,
        no_preference: 0,
        qof_patients: 0,
        qof_no_preference: 0,
      }),
      period: '2026-01',
      reportingPractices: 12,
    });
    expect(rows).toEqual([
      { label: 'Registered patients', value: '0' },
      { label: 'No recorded preference', value: '0' },
      {
        label: 'On a QOF register with no recorded preference',
        value: '0 (no patients on a QOF register in the export)',
      },
    ]);
  });

  it.each([
    {
      reporting: 1,
      why: 'not shown this month: only 1 practice reported, and a decile needs at least 10 to compare fairly',
    },
    {
      reporting: 9,
      why: 'not shown this month: only 9 practices reported, and a decile needs at least 10 to compare fairly',
    },
  ])('says why there is no decile when $reporting practice(s) reported (fewer than 10)', ({ reporting, why }) => {
    const rows = headlineNumbers({
      metrics: metricsRow({ practice_code: 'A81001' }),
      period: '2026-10',
      reportingPractices: reporting,
    });
    expect(rows).toEqual([{ label: 'Your position in the ICB', value: why }]);
  });
});
