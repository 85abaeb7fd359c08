import { describe, expect, it } from 'vitest';
import type { GapListPatient } from '../../../lambdas/core/report/gap-list';
import type { PracticeSnapshot } from '../../../lambdas/core/snapshot';
import { GapRowBuffer } from '../../../lambdas/core/tally/gap-row-buffer';
import { writeNoPreference } from '../../../lambdas/core/tally/gap-row-codec';
import { nhsNumberKey } from '../../../lambdas/core/values/nhs-number-key';
import { reportKeys } from '../../../lambdas/pipeline/report-keys';
import { readStagedGapRows, stageGapRows } from '../../../lambdas/pipeline/staged-gap-rows';
import { type ObjectHead, ObjectNotFoundError, type ObjectStore, type StoredObject } from '../../../lambdas/ports';

class Objects implements ObjectStore {
  readonly objects = new Map<string, Buffer>();
  async get(bucket: string, key: string): Promise<StoredObject> {
    const body = this.objects.get(`${bucket}/${key}`);
    if (!body) throw new ObjectNotFoundError(bucket, key);
    return { body: [body], etag: 'e', lastModified: new Date(0) } as unknown as StoredObject;
  }
  async head(): Promise<ObjectHead | undefined> {
    return undefined;
  }
  async put(bucket: string, key: string, body: Uint8Array | string): Promise<void> {
    this.objects.set(`${bucket}/${key}`, Buffer.from(body));
  }
  async copy(): Promise<void> {}
  async delete(): Promise<void> {}
  async list(): Promise<string[]> {
    return [];
  }
  async link(): Promise<string> {
    return '';
  }
}

const SNAPSHOT = {
  period: '2026-10',
  practiceCode: 'A81001',
  source: { bucket: 'exports', key: 'exports/A81001_2026-10-31.csv', etag: 'abc' },
} as PracticeSnapshot;

const patient = (nhsNumber: string, surname: string, tier: GapListPatient['tier']): GapListPatient => ({
  nhsNumber,
  surname,
  forename: 'Amy',
  dateOfBirth: '1980-01-01',
  age: 46,
  qofRegisters: tier <= 2 ? ['DM'] : [],
  aisNeed: tier === 1 || tier === 3,
  hasMobile: true,
  hasEmail: false,
  wouldDefaultToSms: true,
  tier,
});

describe('staged gap rows', () => {
  it('stage the binary records and read them back decoded, in priority order', async () => {
    const deps = { objects: new Objects(), config: { reportsBucket: 'reports' } };
    const buffer = new GapRowBuffer();
    const rows = [patient('9990000026', 'Young', 4), patient('9990000018', 'Ashby', 2)];
    for (const p of rows) {
      writeNoPreference(
        buffer,
        { ...p, nhsKey: nhsNumberKey(p.nhsNumber) as number, dateOfBirth: 19800101, age: 46 },
        true,
        p.tier,
      );
    }
    await stageGapRows(deps, SNAPSHOT, buffer.bytes());
    const key = reportKeys.gapRows('A81001', '2026-10', SNAPSHOT.source);
    expect(key).toBe('staging/gap-rows/2026-10/A81001/abc.gaprows');
    expect(deps.objects.objects.get(`reports/${key}`)?.length).toBeLessThan(120);

    const staged = await readStagedGapRows(deps, SNAPSHOT);
    expect(staged.noPreference.map((p) => p.surname)).toEqual(['Ashby', 'Young']);
    expect(staged.noPreference[0]).toEqual(rows[1]);
  });

  it('read the JSON an older release staged when there is no binary form', async () => {
    const deps = { objects: new Objects(), config: { reportsBucket: 'reports' } };
    const legacy = {
      noPreference: [patient('9990000026', 'Young', 4), patient('9990000018', 'Ashby', 1)],
      fixContactDetails: [],
    };
    await deps.objects.put(
      'reports',
      reportKeys.gapRowsJson('A81001', '2026-10', SNAPSHOT.source),
      JSON.stringify(legacy),
    );
    const staged = await readStagedGapRows(deps, SNAPSHOT);
    expect(staged.noPreference.map((p) => [p.surname, p.tier])).toEqual([
      ['Ashby', 1],
      ['Young', 4],
    ]);
  });

  it('pass on a failure that is not a missing object', async () => {
    const objects = new Objects();
    objects.get = async () => {
      throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });
    };
    await expect(readStagedGapRows({ objects, config: { reportsBucket: 'reports' } }, SNAPSHOT)).rejects.toThrow(
      'socket hang up',
    );
  });
});
