import { describe, expect, it } from 'vitest';
import { MemoryTable } from '../../../bench/memory-table';
import { emptyCounts } from '../../../lambdas/core/metrics/practice-counts';
import type { PracticeSnapshot } from '../../../lambdas/core/snapshot';

function snapshot(extractDate: string, ingestedAt: string, registered: number): PracticeSnapshot {
  return {
    period: '2026-10',
    practiceCode: 'A81001',
    extractDate,
    clinicalSystem: 'SystmOne',
    source: { bucket: 'exports', key: 'exports/A81001.csv', etag: 'e' },
    ingestedAt,
    counts: { ...emptyCounts(), registered },
    registers: {},
    rejectedByReason: {},
    unrecognisedValues: {},
    unknownRegisterCodes: {},
  };
}

describe('MemoryTable', () => {
  it.each([
    { name: 'a later extract', second: snapshot('2026-10-31', '2026-11-01T09:00:00Z', 2), result: 'written', kept: 2 },
    {
      name: 'an earlier extract',
      second: snapshot('2026-10-02', '2026-11-02T09:00:00Z', 2),
      result: 'superseded',
      kept: 1,
    },
    {
      name: 'the same date, ingested later',
      second: snapshot('2026-10-15', '2026-11-02T09:00:00Z', 2),
      result: 'written',
      kept: 2,
    },
    {
      name: 'the same date, ingested earlier',
      second: snapshot('2026-10-15', '2026-10-31T09:00:00Z', 2),
      result: 'superseded',
      kept: 1,
    },
  ])('keeps the latest extract in the month: $name is $result', async ({ second, result, kept }) => {
    const table = new MemoryTable();
    await table.putSnapshot(snapshot('2026-10-15', '2026-11-01T09:00:00Z', 1));
    expect(await table.putSnapshot(second)).toBe(result);
    expect((await table.getSnapshot('A81001', '2026-10'))?.counts.registered).toBe(kept);
    expect(await table.listPeriods()).toEqual(['2026-10']);
  });

  it('hands out copies, so changing a listed snapshot changes nothing stored', async () => {
    const table = new MemoryTable();
    await table.putSnapshot(snapshot('2026-10-15', '2026-11-01T09:00:00Z', 1));
    const [listed] = await table.listSnapshots('2026-10');
    if (listed) listed.counts.registered = 99;
    expect((await table.getSnapshot('A81001', '2026-10'))?.counts.registered).toBe(1);
  });

  it('lists the file records of one period, or of all', async () => {
    const table = new MemoryTable();
    const note = {
      practiceCodes: [],
      unattributedRows: 0,
      preambleLines: 0,
      trailingSummaryLines: 0,
      ignoredHeaders: [],
      notes: [],
    };
    await table.putFileRecord({ kind: 'ingested', period: '2026-09', file: 'a.csv', ...note });
    await table.putFileRecord({ kind: 'ingested', period: '2026-10', file: 'b.csv', ...note });
    expect((await table.listFileRecords('2026-10')).map((r) => r.file)).toEqual(['b.csv']);
    expect(await table.listFileRecords()).toHaveLength(2);
  });
});
