import type { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import { TIDY_COLUMNS } from '../../../lambdas/core/report/tidy-columns';
import { writeHistoryCsv } from '../../../lambdas/pipeline/write-history-csv';
import type { ObjectStore } from '../../../lambdas/ports';
import { MemoryStores, snapshot } from './notify-fakes';

/** Keeps what was put, reading a streamed body to the end. */
class PutRecorder {
  readonly bodies = new Map<string, string>();
  readonly types = new Map<string, string>();
  async put(bucket: string, key: string, body: Uint8Array | string | Readable, contentType: string): Promise<void> {
    let text = '';
    if (typeof body === 'string') text = body;
    else if (body instanceof Uint8Array) text = Buffer.from(body).toString('utf8');
    else for await (const chunk of body) text += Buffer.from(chunk as Uint8Array).toString('utf8');
    this.bodies.set(`${bucket}/${key}`, text);
    this.types.set(`${bucket}/${key}`, contentType);
  }
}

const ASSUMPTIONS = { invitesPerYear: 2, fragmentsPerInvite: 1, costPerFragmentGbp: 0.024, vatRate: 0.2 };
let stores: MemoryStores;
let objects: PutRecorder;

/**
 * Three months. A81001 reports every month: 2 of 10 without a preference (20.0%), then 3 of 10 (30.0%,
 * +10.0 points), then 4 of 20 (20.0%, −10.0 points). B82002 reports in August (1 of 5, 20.0%) and October
 * (2 of 8, 25.0%) but not September, so it is stale in September and has no change in October (none the
 * month before). C83003 is in the directory and never reports: missing every month.
 */
beforeEach(async () => {
  stores = new MemoryStores();
  await stores.upsertPractices([
    { practiceCode: 'A81001', practiceName: 'Alpha Surgery', pcn: 'North PCN' },
    { practiceCode: 'B82002', practiceName: 'Beta Medical Centre', pcn: 'South PCN' },
    { practiceCode: 'C83003', practiceName: 'Gamma Health Centre', pcn: 'South PCN' },
  ]);
  for (const [code, period, registered, noPreference] of [
    ['A81001', '2026-08', 10, 2],
    ['B82002', '2026-08', 5, 1],
    ['A81001', '2026-09', 10, 3],
    ['A81001', '2026-10', 20, 4],
    ['B82002', '2026-10', 8, 2],
  ] as const) {
    await stores.putSnapshot(snapshot(code, period, { registered, noPreference, rowsRead: registered }));
  }
  objects = new PutRecorder();
});

async function history(suppressSmallNumbers = false): Promise<Record<string, string>[]> {
  const key = await writeHistoryCsv({
    objects: objects as unknown as ObjectStore,
    snapshots: stores,
    directory: stores,
    config: {
      reportsBucket: 'reports',
      icbName: 'NHS Test ICB',
      assumptions: ASSUMPTIONS,
      suppressSmallNumbers,
    },
    now: () => new Date('2026-11-02T06:00:00Z'),
  });
  expect(key).toBe('reports/practice-metrics-history.csv');
  return parse(objects.bodies.get(`reports/${key}`) ?? '', { columns: true }) as Record<string, string>[];
}

describe('writeHistoryCsv', () => {
  it('writes one header with the tidy CSV columns, status last', async () => {
    await history();
    const text = objects.bodies.get('reports/reports/practice-metrics-history.csv') ?? '';
    expect(text.split('\n')[0]).toBe(TIDY_COLUMNS.map((c) => c.column).join(','));
    expect(text.split('\n')[0]?.endsWith(',est_annual_sms_cost_gbp,status')).toBe(true);
    expect(text.match(/^period,/gm)).toHaveLength(1);
    expect(objects.types.get('reports/reports/practice-metrics-history.csv')).toBe('text/csv; charset=utf-8');
  });

  it('holds every period, oldest first, each with a row per directory practice', async () => {
    const pick = (r: Record<string, string>) => [
      r.period,
      r.practice_code,
      r.status,
      r.extract_date,
      r.registered,
      r.no_preference,
      r.no_preference_pct,
      r.change_pct_points,
    ];
    expect((await history()).map(pick)).toEqual([
      // August: A and B tie at 20.0%, so by practice code; C after the reporting practices.
      ['2026-08', 'A81001', 'reported', '2026-08-28', '10', '2', '20.0', ''],
      ['2026-08', 'B82002', 'reported', '2026-08-28', '5', '1', '20.0', ''],
      ['2026-08', 'C83003', 'missing', '', '', '', '', ''],
      // September: B sent nothing (stale, numbers not carried forward).
      ['2026-09', 'A81001', 'reported', '2026-09-28', '10', '3', '30.0', '10.0'],
      ['2026-09', 'B82002', 'stale', '', '', '', '', ''],
      ['2026-09', 'C83003', 'missing', '', '', '', '', ''],
      // October: worst first; B has no change, having sent nothing in September.
      ['2026-10', 'B82002', 'reported', '2026-10-28', '8', '2', '25.0', ''],
      ['2026-10', 'A81001', 'reported', '2026-10-28', '20', '4', '20.0', '-10.0'],
      ['2026-10', 'C83003', 'missing', '', '', '', '', ''],
    ]);
  });

  it('gives the Wilson interval and leaves every metric of a stale row empty', async () => {
    const rows = await history();
    const aAugust = rows.find((r) => r.period === '2026-08' && r.practice_code === 'A81001');
    // 2 of 10, z = 1.96: centre (0.2 + 0.19207) / 1.38415 = 0.28326, half-width 1.41601 × √0.0256036 = 0.22658.
    expect([aAugust?.no_preference_ci_low, aAugust?.no_preference_ci_high]).toEqual(['5.7', '51.0']);
    const bSeptember = rows.find((r) => r.period === '2026-09' && r.practice_code === 'B82002');
    const identity = ['period', 'practice_code', 'practice_name', 'pcn', 'clinical_system', 'status'];
    const filled = Object.entries(bSeptember ?? {}).filter(
      ([column, value]) => value !== '' && !identity.includes(column),
    );
    expect(filled).toEqual([]);
    expect([bSeptember?.practice_name, bSeptember?.pcn]).toEqual(['Beta Medical Centre', 'South PCN']);
  });

  it('is rebuilt whole from the snapshots each time', async () => {
    await history();
    await stores.putSnapshot(snapshot('B82002', '2026-09', { registered: 5, noPreference: 0, rowsRead: 5 }));
    const rows = await history();
    expect(rows.find((r) => r.period === '2026-09' && r.practice_code === 'B82002')).toMatchObject({
      status: 'reported',
      no_preference_pct: '0.0',
    });
    expect(rows).toHaveLength(9);
  });

  it('is suppressed as the monthly CSV and workbook are, when the run suppresses small numbers', async () => {
    const pick = (r: Record<string, string>) => [
      r.period,
      r.practice_code,
      r.registered,
      r.no_preference,
      r.no_preference_pct,
    ];
    // 1–7 → *, others to the nearest 5 (8 → 10); a percentage with a * part is blank.
    expect((await history(true)).map(pick)).toEqual([
      ['2026-08', 'A81001', '10', '*', ''],
      ['2026-08', 'B82002', '*', '*', ''],
      ['2026-08', 'C83003', '', '', ''],
      ['2026-09', 'A81001', '10', '*', ''],
      ['2026-09', 'B82002', '', '', ''],
      ['2026-09', 'C83003', '', '', ''],
      ['2026-10', 'B82002', '10', '*', ''],
      ['2026-10', 'A81001', '20', '*', ''],
      ['2026-10', 'C83003', '', '', ''],
    ]);
  });
});
