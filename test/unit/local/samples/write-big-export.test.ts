import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { parseNhsNumber } from '../../../../lambdas/core/values/nhs-number';
import { writeBigExport } from '../../../../lambdas/local/samples/write-big-export';

const dir = mkdtempSync(join(tmpdir(), 'big-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

describe('writeBigExport', () => {
  it('writes one row per patient (plus a few duplicates) across the practices, under a SystmOne header', async () => {
    const path = join(dir, 'big.csv');
    await writeBigExport(path, 10_001, 4, 1);
    const rows: Record<string, string>[] = parse(readFileSync(path), { columns: true });
    const byPractice = new Map<string, Set<string>>();
    let duplicates = 0;
    let invalid = 0;
    for (const row of rows) {
      const code = row['Registered Practice Code'] as string;
      const nhs = parseNhsNumber(row['NHS Number'] as string);
      if (nhs === undefined) {
        invalid += 1;
        continue;
      }
      const seen = byPractice.get(code) ?? new Set<string>();
      if (seen.has(nhs)) duplicates += 1;
      seen.add(nhs);
      byPractice.set(code, seen);
    }
    expect([...byPractice.keys()]).toEqual(['Y10000', 'Y10001', 'Y10002', 'Y10003']);
    // 10,001 patients: the first practice takes the remainder.
    expect(rows.length - duplicates).toBe(10_001);
    expect(duplicates).toBeGreaterThan(0);
    expect(invalid).toBeGreaterThan(0);
    expect(invalid).toBeLessThan(100);
  });

  it('writes byte-identical files for the same seed', async () => {
    await writeBigExport(join(dir, 'a.csv'), 3000, 2, 9);
    await writeBigExport(join(dir, 'b.csv'), 3000, 2, 9);
    await writeBigExport(join(dir, 'c.csv'), 3000, 2, 10);
    expect(sha256(join(dir, 'a.csv'))).toBe(sha256(join(dir, 'b.csv')));
    expect(sha256(join(dir, 'a.csv'))).not.toBe(sha256(join(dir, 'c.csv')));
  });

  it.each([
    { patients: 0, practices: 1, message: /patients must be a whole number/ },
    { patients: 10, practices: 0, message: /practices must be a whole number/ },
    { patients: 2_000_000, practices: 2, message: /more than the 999 test range holds/ },
  ])('refuses $patients patients over $practices practices', async ({ patients, practices, message }) => {
    await expect(writeBigExport(join(dir, 'refused.csv'), patients, practices, 1)).rejects.toThrow(message);
  });
});
