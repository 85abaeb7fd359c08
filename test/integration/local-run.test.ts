import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type LocalRunSummary, runLocal } from '../../lambdas/local/run-local';
import { exportsFolder, FIXTURES, readCsv, readWorkbook, sheetTable } from './helpers';

// The fixtures' numbers are counted by hand in test/fixtures/README.md.
describe('local run on the fixture exports (real handlers, in-process S3 and DynamoDB)', () => {
  let out: string;
  let summary: LocalRunSummary;

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'pcm-out-'));
    summary = await runLocal({
      exportsDir: await exportsFolder('systmone', 'emis-web', 'broken'),
      practicesFile: join(FIXTURES, 'directory', 'practices.csv'),
      outDir: out,
      env: { ICB_NAME: 'NHS Fixture ICB' },
    });
  });

  it('builds a report for each period found', () => {
    expect(summary.periods.map((p) => p.period)).toEqual(['2026-09', '2026-10']);
    expect(summary.practices).toEqual(['A81001', 'B82002', 'D84004']);
  });

  it('writes the ICB workbook, tidy CSV and one gap list per reporting practice', async () => {
    expect(existsSync(join(out, '2026-10', 'icb-report-2026-10.xlsx'))).toBe(true);
    expect(existsSync(join(out, '2026-10', 'practice-metrics-2026-10.csv'))).toBe(true);
    expect((await readdir(join(out, '2026-10', 'gap-lists'))).sort()).toEqual([
      'gap-list-A81001-2026-10-nhs-numbers.csv',
      'gap-list-A81001-2026-10.xlsx',
      'gap-list-B82002-2026-10-nhs-numbers.csv',
      'gap-list-B82002-2026-10.xlsx',
    ]);
    expect((await readdir(join(out, '2026-09', 'gap-lists'))).sort()).toEqual([
      'gap-list-A81001-2026-09-nhs-numbers.csv',
      'gap-list-A81001-2026-09.xlsx',
      'gap-list-D84004-2026-09-nhs-numbers.csv',
      'gap-list-D84004-2026-09.xlsx',
    ]);
  });

  it('writes practice-metrics-history.csv beside the month folders: both months, the same rows as each month', async () => {
    const history = await readCsv(join(out, 'practice-metrics-history.csv'));
    const september = await readCsv(join(out, '2026-09', 'practice-metrics-2026-09.csv'));
    const october = await readCsv(join(out, '2026-10', 'practice-metrics-2026-10.csv'));
    expect(history).toEqual([...september, ...october]);
    expect(history.map((r) => [r.period, r.practice_code, r.status])).toEqual([
      // September: A81001 2 of 4 (50.0%) before D84004 1 of 3 (33.3%); B82002 and C83003 had no export yet.
      ['2026-09', 'A81001', 'reported'],
      ['2026-09', 'D84004', 'reported'],
      ['2026-09', 'B82002', 'missing'],
      ['2026-09', 'C83003', 'missing'],
      ['2026-10', 'B82002', 'reported'],
      ['2026-10', 'A81001', 'reported'],
      ['2026-10', 'C83003', 'missing'],
      ['2026-10', 'D84004', 'stale'],
    ]);
  });

  it('puts the hand-counted numbers for A81001 in the tidy CSV', async () => {
    const rows = await readCsv(join(out, '2026-10', 'practice-metrics-2026-10.csv'));
    const a = rows.find((r) => r.practice_code === 'A81001');
    expect(a).toMatchObject({
      period: '2026-10',
      practice_name: 'Alpha Surgery',
      pcn: 'North PCN',
      clinical_system: 'SystmOne',
      extract_date: '2026-10-31',
      registered: '11',
      no_preference: '4',
      no_preference_pct: '36.4',
      no_preference_ci_low: '15.2',
      no_preference_ci_high: '64.6',
      pref_sms: '3',
      pref_email: '1',
      pref_letter: '1',
      pref_telephone: '0',
      pref_nhs_app: '0',
      pref_other: '0',
      declined: '1',
      unrecognised: '1',
      adults_16plus: '8',
      adults_no_preference: '2',
      adults_no_preference_pct: '25.0',
      qof_patients: '4',
      qof_no_preference: '2',
      qof_no_preference_pct: '50.0',
      ais_need_no_preference: '1',
      default_to_sms: '2',
      qof_default_to_sms: '2',
      unreachable_electronic: '1',
      dq_sms_no_mobile: '1',
      dq_email_no_address: '1',
      dq_sms_dissent: '1',
      rows_read: '13',
      rows_rejected: '1',
      duplicate_rows: '1',
      dob_missing: '2',
      // Two practices report: fewer than the 10 deciles need (SPEC §3).
      decile: '',
      funnel_z: '-0.08',
      funnel_flag: 'in_control',
      change_pct_points: '-13.6',
      est_annual_sms_cost_gbp: '0.12',
    });
  });

  it('reads the EMIS-style export with its preamble, register columns and SMS dissent', async () => {
    const rows = await readCsv(join(out, '2026-10', 'practice-metrics-2026-10.csv'));
    expect(rows.find((r) => r.practice_code === 'B82002')).toMatchObject({
      extract_date: '2026-10-30',
      registered: '5',
      no_preference: '2',
      no_preference_pct: '40.0',
      no_preference_ci_low: '11.8',
      no_preference_ci_high: '76.9',
      pref_sms: '1',
      pref_nhs_app: '1',
      pref_telephone: '1',
      adults_16plus: '4',
      adults_no_preference: '1',
      qof_patients: '2',
      qof_no_preference: '1',
      ais_need_no_preference: '1',
      default_to_sms: '1',
      qof_default_to_sms: '1',
      unreachable_electronic: '1',
      dq_sms_dissent: '1',
      rows_read: '5',
      decile: '',
      funnel_z: '0.12',
      change_pct_points: '',
    });
  });

  it('lists directory practices without an export: stale with a date, missing without', async () => {
    const rows = await readCsv(join(out, '2026-10', 'practice-metrics-2026-10.csv'));
    expect(rows.map((r) => r.practice_code)).toEqual(['B82002', 'A81001', 'C83003', 'D84004']);
    const d = rows.find((r) => r.practice_code === 'D84004');
    expect(d).toMatchObject({
      practice_name: 'Delta Practice',
      extract_date: '',
      registered: '',
      no_preference_pct: '',
      status: 'stale',
    });
    expect(rows.find((r) => r.practice_code === 'C83003')?.status).toBe('missing');
    expect(rows.find((r) => r.practice_code === 'A81001')?.status).toBe('reported');
  });

  it('writes exactly the SPEC §3 columns in order', async () => {
    const header = (await readFile(join(out, '2026-10', 'practice-metrics-2026-10.csv'), 'utf8')).split('\n')[0];
    expect(header).toBe(
      'period,practice_code,practice_name,pcn,clinical_system,extract_date,registered,no_preference,no_preference_pct,' +
        'no_preference_ci_low,no_preference_ci_high,pref_sms,pref_email,pref_letter,pref_telephone,pref_nhs_app,' +
        'pref_other,declined,unrecognised,adults_16plus,adults_no_preference,adults_no_preference_pct,qof_patients,' +
        'qof_no_preference,qof_no_preference_pct,ais_need_no_preference,default_to_sms,qof_default_to_sms,' +
        'unreachable_electronic,dq_sms_no_mobile,dq_email_no_address,dq_sms_dissent,rows_read,rows_rejected,' +
        'duplicate_rows,dob_missing,decile,funnel_z,funnel_flag,change_pct_points,est_annual_sms_cost_gbp,status',
    );
  });

  it('shows the same numbers in the workbook Practices sheet as in the CSV', async () => {
    const workbook = await readWorkbook(join(out, '2026-10', 'icb-report-2026-10.xlsx'));
    const sheet = workbook.getWorksheet('Practices');
    if (!sheet) throw new Error('no Practices sheet');
    const rows = sheetTable(sheet, 'Practice code (ODS)');
    const a = rows.find((r) => r['Practice code (ODS)'] === 'A81001');
    expect(a?.['Registered patients']).toBe(11);
    expect(a?.['No preference recorded']).toBe(4);
    expect(a?.['% no preference']).toBe(36.4);
    expect(a?.['Would default to SMS']).toBe(2);
    expect(rows[0]?.['Practice code (ODS)']).toBe('B82002');
  });

  it('quarantines the file with no recognisable header, with a JSON reason naming the expected columns', async () => {
    expect(summary.quarantined.map((q) => q.reason)).toEqual(['no_header']);
    const reasonFile = join(out, 'quarantine', 'broken', 'C83003_2026-10-31_wrong-columns.csv.error.json');
    const reason = JSON.parse(await readFile(reasonFile, 'utf8'));
    expect(reason.reason).toBe('no_header');
    expect(reason.hint).toMatch(/NHS Number/);
    expect(existsSync(join(out, 'quarantine', 'broken', 'C83003_2026-10-31_wrong-columns.csv'))).toBe(true);
  });

  it('orders the gap list by priority tier, then surname', async () => {
    const workbook = await readWorkbook(join(out, '2026-10', 'gap-lists', 'gap-list-A81001-2026-10.xlsx'));
    const sheet = workbook.getWorksheet('No preference');
    if (!sheet) throw new Error('no "No preference" sheet');
    const rows = sheetTable(sheet, 'Surname');
    expect(rows.map((r) => r.Surname)).toEqual(['Irwin', 'Adams', 'Baker', 'Green']);
    expect(rows[0]?.['NHS number']).toBe('999 000 0093');
  });

  it("writes beside the gap list exactly its No preference patients' NHS numbers, in the sheet's order", async () => {
    const text = await readFile(join(out, '2026-10', 'gap-lists', 'gap-list-A81001-2026-10-nhs-numbers.csv'), 'utf8');
    // Irwin, Adams, Baker, Green (test/fixtures/README.md): the four without a preference, tier by tier.
    const workbook = await readWorkbook(join(out, '2026-10', 'gap-lists', 'gap-list-A81001-2026-10.xlsx'));
    const sheet = workbook.getWorksheet('No preference');
    if (!sheet) throw new Error('no "No preference" sheet');
    const shown = sheetTable(sheet, 'Surname').map((r) => String(r['NHS number']).replaceAll(' ', ''));
    expect(text.split('\r\n')).toEqual([...shown, '']);
    expect(shown).toHaveLength(4);
    expect(shown[0]).toBe('9990000093');
    for (const line of shown) expect(line).toMatch(/^\d{10}$/);
  });

  it.runIf(process.platform !== 'win32')(
    'writes the patient-level files readable by their owner only (0600)',
    async () => {
      for (const name of ['gap-list-A81001-2026-10.xlsx', 'gap-list-A81001-2026-10-nhs-numbers.csv']) {
        expect((await stat(join(out, '2026-10', 'gap-lists', name))).mode & 0o777).toBe(0o600);
      }
    },
  );

  it('keeps history and ingests nothing twice when re-run into the same folder', async () => {
    const again = await runLocal({
      exportsDir: await exportsFolder('systmone', 'emis-web'),
      practicesFile: join(FIXTURES, 'directory', 'practices.csv'),
      outDir: out,
    });
    expect(again.patients).toBe(0);
    const rows = await readCsv(join(out, '2026-10', 'practice-metrics-2026-10.csv'));
    expect(rows.find((r) => r.practice_code === 'A81001')?.registered).toBe('11');
  });
});
