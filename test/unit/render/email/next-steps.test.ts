import { describe, expect, it } from 'vitest';
import { nextSteps } from '../../../../lambdas/render/email/next-steps';
import { ALPHA, metricsRow } from './metrics-row';

const base = { practice_code: 'A81001', registered: 100, no_preference: 10 };

describe('nextSteps', () => {
  it('thanks a practice with no gap and keeps the step about contact details to fix', () => {
    expect(nextSteps(metricsRow({ ...base, no_preference: 0, dq_sms_no_mobile: 1 }))).toEqual([
      'Every registered patient has a recorded preference: thank you. Keep asking new patients how they would like ' +
        'to be contacted when they register.',
      'Correct the contact details of the 1 patient on the "Fix contact details" sheet: their recorded preference ' +
        'cannot be used as things stand (for example SMS with no valid mobile number).',
    ]);
  });

  it.each([
    {
      qof: 3,
      ais: 2,
      first: 'Start at the top of the "No preference" sheet: patients on a QOF register who also have',
    },
    { qof: 3, ais: 0, first: 'Start with the 3 patients on a QOF register at the top of the "No preference" sheet' },
    { qof: 1, ais: 0, first: 'Start with the 1 patient on a QOF register at the top' },
    { qof: 0, ais: 2, first: 'Start with the 2 patients with an accessible information need at the top' },
    {
      qof: 0,
      ais: 0,
      first: 'Work down the "No preference" sheet (10 patients), starting with patients aged 16 or over',
    },
  ])('starts with who is at the top of the list: QOF $qof, AIS need $ais', ({ qof, ais, first }) => {
    const steps = nextSteps(metricsRow({ ...base, qof_no_preference: qof, ais_need_no_preference: ais }));
    expect(steps[0]?.startsWith(first)).toBe(true);
  });

  it('gives every step that applies to Alpha Surgery, in order', () => {
    const steps = nextSteps(ALPHA);
    expect(steps).toHaveLength(4);
    expect(steps[1]).toBe(
      '2 patients would be sent SMS by default. Recording what they want avoids messages they may not want and an ' +
        'estimated £0.10 a year in SMS costs for QOF invitations.',
    );
    expect(steps[2]).toBe(
      '1 patient with no recorded preference has no valid mobile number or email address: ask at their next ' +
        'contact or by letter, and record letter or telephone if that is what they want.',
    );
    expect(steps[3]).toContain('contact details of the 3 patients on the "Fix contact details" sheet');
  });

  it('gives a leading practice (deciles 1–2) the short list: who to ask, keep asking, records to fix', () => {
    const steps = nextSteps({ ...ALPHA, change_pct_points: 1 }, { leading: true });
    expect(steps).toHaveLength(3);
    expect(steps[0]).toMatch(/^Start at the top of the "No preference" sheet/);
    expect(steps[1]).toBe('Keep asking new patients how they would like to be contacted when they register.');
    expect(steps[2]).toContain('contact details of the 3 patients on the "Fix contact details" sheet');
    // The full list for the same numbers has the SMS, unreachable and "gap grew" steps too.
    expect(nextSteps({ ...ALPHA, change_pct_points: 1 })).toHaveLength(5);
  });

  it('leaves the cost out when it rounds to nothing', () => {
    const steps = nextSteps(metricsRow({ ...base, default_to_sms: 1, est_annual_sms_cost_gbp: 0 }));
    expect(steps[1]).toBe(
      '1 patient would be sent SMS by default. Recording what they want avoids messages they may not want.',
    );
  });

  it.each([
    { change: 0.06, grew: true },
    { change: 0.04, grew: false },
    { change: -2, grew: false },
    { change: undefined, grew: false },
  ])('says the gap grew when the change of $change points shows as a rise: $grew', ({ change, grew }) => {
    const steps = nextSteps(metricsRow({ ...base, change_pct_points: change }));
    expect(steps.some((s) => s.startsWith('Your gap grew since last month'))).toBe(grew);
  });
});
