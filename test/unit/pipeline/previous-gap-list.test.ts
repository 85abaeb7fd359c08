import { describe, expect, it } from 'vitest';
import type { PracticeSnapshot } from '../../../lambdas/core/snapshot';
import { GapRowBuffer } from '../../../lambdas/core/tally/gap-row-buffer';
import { writeNoPreference } from '../../../lambdas/core/tally/gap-row-codec';
import { nhsNumberKey } from '../../../lambdas/core/values/nhs-number-key';
import { previousGapList } from '../../../lambdas/pipeline/previous-gap-list';
import { reportKeys } from '../../../lambdas/pipeline/report-keys';
import { readStagedFixRows } from '../../../lambdas/pipeline/staged-fix-rows';
import { ObjectNotFoundError, type ObjectStore, type StoredObject } from '../../../lambdas/ports';

/** Just enough of an object store: get from a map, nothing else is called. */
function objectsOf(objects: Map<string, Buffer>): ObjectStore {
  return {
    get: async (bucket: string, key: string) => {
      const body = objects.get(`${bucket}/${key}`);
      if (!body) throw new ObjectNotFoundError(bucket, key);
      return { body: [body], etag: 'e', lastModified: new Date(0) } as unknown as StoredObject;
    },
  } as unknown as ObjectStore;
}

const SEPTEMBER = {
  period: '2026-09',
  practiceCode: 'A81001',
  source: { bucket: 'exports', key: 'exports/A81001_2026-09-30.csv', etag: 'sep' },
} as PracticeSnapshot;
const OCTOBER = { period: '2026-10', practiceCode: 'A81001' };
const config = { reportsBucket: 'reports' };

function stagedSeptember(): Map<string, Buffer> {
  const out = new GapRowBuffer();
  for (const nhs of ['9990000018', '9990000026']) {
    const row = { nhsKey: nhsNumberKey(nhs), dateOfBirth: 0, age: -1, qofRegisters: [], aisNeed: false };
    writeNoPreference(out, { ...row, hasMobile: false, hasEmail: false, surname: 'S', forename: 'F' }, false, 5);
  }
  return new Map([[`reports/${reportKeys.gapRows('A81001', '2026-09', SEPTEMBER.source)}`, out.bytes()]]);
}

describe('previousGapList', () => {
  it("reads last month's No preference NHS numbers and the export they came from", async () => {
    const snapshots = {
      getSnapshot: async (code: string, period: string) =>
        code === 'A81001' && period === '2026-09' ? SEPTEMBER : undefined,
    };
    const previous = await previousGapList({ objects: objectsOf(stagedSeptember()), snapshots, config }, OCTOBER);
    expect(previous).toEqual({
      period: '2026-09',
      source: SEPTEMBER.source,
      nhsNumbers: new Set(['9990000018', '9990000026']),
    });
  });

  it('has nothing to compare in a first month, or when last month’s staged rows have expired', async () => {
    const none = { getSnapshot: async () => undefined };
    expect(await previousGapList({ objects: objectsOf(stagedSeptember()), snapshots: none, config }, OCTOBER)).toBe(
      undefined,
    );
    const september = { getSnapshot: async () => SEPTEMBER };
    expect(await previousGapList({ objects: objectsOf(new Map()), snapshots: september, config }, OCTOBER)).toBe(
      undefined,
    );
  });
});

describe('readStagedFixRows', () => {
  it('reads a snapshot staged before Fix records existed as no records', async () => {
    expect(await readStagedFixRows({ objects: objectsOf(new Map()), config }, SEPTEMBER)).toEqual({
      rows: [],
      more: 0,
    });
  });
});
