import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runLocal } from '../../lambdas/local/run-local';
import { exportsFolder, FIXTURES, readCsv, readWorkbook, sheetTable } from './helpers';

// A81001 in October (test/fixtures/README.md): 11 registered, 4 without a preference, 3 SMS, 13 rows read.
// Suppressed (SPEC §3): 11 → 10, 4 → *, 3 → *, 13 → 15; the percentage of a * count is blank.
describe('--suppress-small-numbers: the CSVs of the run are suppressed as the workbook is', () => {
  let out: string;

  beforeAll(async () => {
    const { mkdtemp } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    out = await mkdtemp(join(tmpdir(), 'pcm-suppressed-'));
    await runLocal({
      exportsDir: await exportsFolder('systmone', 'emis-web'),
      practicesFile: join(FIXTURES, 'directory', 'practices.csv'),
      outDir: out,
      env: { SUPPRESS_SMALL_NUMBERS: 'true' },
    });
  }, 120_000);

  const expected = { registered: '10', no_preference: '*', no_preference_pct: '', pref_sms: '*', rows_read: '15' };

  it('writes the monthly tidy CSV with counts 1–7 as * and the rest rounded to 5', async () => {
    const rows = await readCsv(join(out, '2026-10', 'practice-metrics-2026-10.csv'));
    expect(rows.find((r) => r.practice_code === 'A81001')).toMatchObject(expected);
  });

  it('shows the same values in the workbook Practices sheet', async () => {
    const workbook = await readWorkbook(join(out, '2026-10', 'icb-report-2026-10.xlsx'));
    const sheet = workbook.getWorksheet('Practices');
    if (!sheet) throw new Error('no Practices sheet');
    const a = sheetTable(sheet, 'Practice code (ODS)').find((r) => r['Practice code (ODS)'] === 'A81001');
    expect([a?.['Registered patients'], a?.['No preference recorded']]).toEqual([10, '*']);
  });

  it('writes the history CSV suppressed too', async () => {
    const rows = await readCsv(join(out, 'practice-metrics-history.csv'));
    const a = rows.find((r) => r.period === '2026-10' && r.practice_code === 'A81001');
    expect(a).toMatchObject(expected);
  });
});
