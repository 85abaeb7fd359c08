import { describe, expect, it } from 'vitest';
import type { GapListHeading } from '../../../lambdas/core/report/gap-list-heading';
import { GAP_LIST_FINGERPRINT_KEY, gapListFingerprint, writeGapList } from '../../../lambdas/pipeline/refresh-gap-list';
import type { ObjectStore } from '../../../lambdas/ports';
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

describe('writeGapList', () => {
  it("stores the NHS-number file beside the workbook, first, with exactly the No preference patients' numbers", async () => {
    const puts: { key: string; body: string; contentType: string; metadata?: Record<string, string> }[] = [];
    const objects = {
      async put(
        _bucket: string,
        key: string,
        body: Uint8Array | string,
        contentType: string,
        metadata?: Record<string, string>,
      ) {
        puts.push({ key, body: typeof body === 'string' ? body : `${body.length} bytes`, contentType, metadata });
      },
    } as unknown as ObjectStore;
    const { noPreference, fixContactDetails } = gapListFixture();
    const key = await writeGapList(
      { objects, config: { reportsBucket: 'reports' } },
      HEADING,
      { noPreference, fixContactDetails },
      SOURCE,
    );
    expect(key).toBe('gap-lists/2026-10/gap-list-D83001-2026-10.xlsx');
    expect(puts.map((p) => p.key)).toEqual([
      'gap-lists/2026-10/gap-list-D83001-2026-10-nhs-numbers.csv',
      'gap-lists/2026-10/gap-list-D83001-2026-10.xlsx',
    ]);
    // Riverside's six No preference patients, tier order; the Fix contact details patients are not in it.
    expect(puts[0]?.body).toBe('9990000018\r\n9990000026\r\n9990000034\r\n9990000042\r\n9990000050\r\n9990000069\r\n');
    expect(puts[0]?.contentType).toBe('text/csv; charset=utf-8');
    expect(puts[1]?.metadata?.[GAP_LIST_FINGERPRINT_KEY]).toBe(gapListFingerprint(HEADING, SOURCE));
  });
});
