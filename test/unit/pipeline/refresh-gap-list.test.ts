import { describe, expect, it } from 'vitest';
import type { GapListHeading } from '../../../lambdas/core/report/gap-list-heading';
import { gapListFingerprint } from '../../../lambdas/pipeline/refresh-gap-list';
import { gapListFixture } from '../render/fixtures';

const { noPreference: _n, fixContactDetails: _f, ...HEADING } = gapListFixture();
const SOURCE = { bucket: 'exports', key: 'exports/D83001_2026-10-31.csv', etag: 'e1' };

describe('gapListFingerprint', () => {
  it('is the same for the same heading and export, however the objects were built', () => {
    const copy = JSON.parse(JSON.stringify(HEADING)) as GapListHeading;
    expect(gapListFingerprint(copy, { ...SOURCE })).toBe(gapListFingerprint(HEADING, SOURCE));
  });

  it.each([
    ['the decile', { ...HEADING, metrics: { ...HEADING.metrics, decile: 9 } }, SOURCE],
    ['the ICB median', { ...HEADING, icbPosition: { icbName: 'NHS Example ICB', reportingPractices: 3 } }, SOURCE],
    ['the practice name', { ...HEADING, practiceName: 'Riverside Health Centre' }, SOURCE],
    ['the export (a new etag)', HEADING, { ...SOURCE, etag: 'e2' }],
    ['the zip member', HEADING, { ...SOURCE, member: 'D83001.csv' }],
  ] as const)('changes with %s', (_what, heading, source) => {
    expect(gapListFingerprint(heading as GapListHeading, source)).not.toBe(gapListFingerprint(HEADING, SOURCE));
  });
});
