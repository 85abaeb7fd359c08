import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { PracticeMetrics } from '../../../lambdas/core/report/tidy-columns';
import { renderTidyCsv } from '../../../lambdas/render/tidy-csv';
import { HILLTOP, MEADOW_VIEW, RIVERSIDE } from './fixtures';

const HEADER =
  'period,practice_code,practice_name,pcn,clinical_system,extract_date,' +
  'registered,no_preference,no_preference_pct,no_preference_ci_low,no_preference_ci_high,' +
  'pref_sms,pref_email,pref_letter,pref_telephone,pref_nhs_app,pref_other,declined,unrecognised,' +
  'adults_16plus,adults_no_preference,adults_no_preference_pct,' +
  'qof_patients,qof_no_preference,qof_no_preference_pct,' +
  'ais_need_no_preference,default_to_sms,qof_default_to_sms,unreachable_electronic,' +
  'dq_sms_no_mobile,dq_email_no_address,dq_sms_dissent,' +
  'rows_read,rows_rejected,duplicate_rows,dob_missing,' +
  'decile,funnel_z,funnel_flag,change_pct_points,est_annual_sms_cost_gbp,status';

/** The fields of the first data row, read back with a real CSV parser. */
function fieldsOf(row: PracticeMetrics): Record<string, string> {
  const [record] = parse(renderTidyCsv([row]), { columns: true }) as Record<string, string>[];
  if (record === undefined) throw new Error('no data row in the CSV');
  return record;
}

describe('renderTidyCsv', () => {
  it('writes exactly the tidy columns of SPEC §3 as the header line', () => {
    expect(renderTidyCsv([]).split('\n')[0]).toBe(HEADER);
  });

  it('writes only the header and a final line break when there are no practices', () => {
    expect(renderTidyCsv([])).toBe(`${HEADER}\n`);
  });

  it('writes a reporting practice with every number rounded as the spec says', () => {
    const line = renderTidyCsv([RIVERSIDE]).split('\n')[1];
    expect(line).toBe(
      '2026-10,D83001,Riverside Surgery,North Riverside PCN,SystmOne,2026-10-15,' +
        '2000,247,12.4,11.0,13.9,900,300,200,150,100,50,23,30,1600,200,12.5,700,70,10.0,' +
        '12,150,40,50,5,3,2,2010,6,4,3,5,1.96,high_warning,0.1,2.00,reported',
    );
  });

  it('writes the shareable copy when small numbers are suppressed: the row read back is the workbook row', () => {
    const [record] = parse(renderTidyCsv([RIVERSIDE], { suppressSmallNumbers: true }), {
      columns: true,
    }) as Record<string, string>[];
    // Counts of 1–7 are *, the others rounded to the nearest 5: 247 → 245, 23 → 25, 12 → 10, 2010 stays.
    expect(record).toMatchObject({
      registered: '2000',
      no_preference: '245',
      declined: '25',
      ais_need_no_preference: '10',
      dq_sms_no_mobile: '*',
      dq_email_no_address: '*',
      dq_sms_dissent: '*',
      rows_read: '2010',
      rows_rejected: '*',
      duplicate_rows: '*',
      dob_missing: '*',
    });
    // Percentages and the Wilson interval from the rounded counts: 245 / 2000 = 12.25% → 12.3 (exact 247 gave
    // 12.4); Wilson 95% for 245 of 2000 = 10.885–13.760 (worked in Python) → 10.9, 13.8.
    expect([record?.no_preference_pct, record?.no_preference_ci_low, record?.no_preference_ci_high]).toEqual([
      '12.3',
      '10.9',
      '13.8',
    ]);
    // Ranks and change stay as computed from exact counts; the cost scales with qof_default_to_sms (40 → 40).
    expect([record?.decile, record?.funnel_z, record?.change_pct_points, record?.est_annual_sms_cost_gbp]).toEqual([
      '5',
      '1.96',
      '0.1',
      '2.00',
    ]);
  });

  it('quotes and neutralises formula-like text but leaves negative numbers alone', () => {
    const line = renderTidyCsv([HILLTOP]).split('\n')[1];
    expect(line).toBe(
      `2026-10,D83002,"'=HYPERLINK(""http://example.com"",""Hilltop"")",'-South PCN,EMIS Web,2026-10-20,` +
        '1000,250,25.0,22.4,27.8,400,100,100,80,40,10,10,10,800,200,25.0,300,60,20.0,' +
        '5,100,30,40,1,0,0,1003,2,1,0,10,3.50,high_outlier,-2.3,1.50,reported',
    );
  });

  it('writes a practice without an export with its identity, its status and every other field empty', () => {
    const line = renderTidyCsv([MEADOW_VIEW]).split('\n')[1];
    expect(line).toBe(`2026-10,D83003,Meadow View Medical Centre,South PCN,EMIS Web${','.repeat(37)}stale`);
  });

  it('puts one row per practice, in the order given, each with 42 fields (41 and status)', () => {
    const records = parse(renderTidyCsv([RIVERSIDE, HILLTOP, MEADOW_VIEW]), {
      relax_column_count: false,
    }) as string[][];
    expect(records.map((r) => r.length)).toEqual([42, 42, 42, 42]);
    expect(records.slice(1).map((r) => r[1])).toEqual(['D83001', 'D83002', 'D83003']);
  });

  it.each([
    { column: 'no_preference_pct' as const, value: 12.25, expected: '12.3' },
    { column: 'no_preference_pct' as const, value: 0.05, expected: '0.1' },
    { column: 'change_pct_points' as const, value: -0.05, expected: '-0.1' },
    { column: 'change_pct_points' as const, value: -0.04, expected: '0.0' },
    { column: 'no_preference_ci_low' as const, value: 12.35, expected: '12.4' },
    { column: 'funnel_z' as const, value: -1.955, expected: '-1.96' },
    { column: 'funnel_z' as const, value: 2, expected: '2.00' },
    { column: 'est_annual_sms_cost_gbp' as const, value: 1234.565, expected: '1234.57' },
    { column: 'registered' as const, value: 8412, expected: '8412' },
    { column: 'decile' as const, value: 10, expected: '10' },
    { column: 'no_preference_pct' as const, value: undefined, expected: '' },
    { column: 'funnel_z' as const, value: Number.NaN, expected: '' },
  ])('writes $column $value as "$expected"', ({ column, value, expected }) => {
    expect(fieldsOf({ ...RIVERSIDE, [column]: value })[column]).toBe(expected);
  });

  it.each([
    { text: '=1+1', expected: "'=1+1" },
    { text: '+44 7700 900123', expected: "'+44 7700 900123" },
    { text: '-South PCN', expected: "'-South PCN" },
    { text: '@SUM(A1:A9)', expected: "'@SUM(A1:A9)" },
    { text: '\tTabbed', expected: "'\tTabbed" },
    { text: '\rReturn', expected: "'\rReturn" },
    { text: 'St Mary=s', expected: 'St Mary=s' },
    { text: '', expected: '' },
  ])('makes the text $text safe for spreadsheets as $expected', ({ text, expected }) => {
    expect(fieldsOf({ ...RIVERSIDE, practice_name: text }).practice_name).toBe(expected);
  });

  it.each([
    { text: 'Smith, Jones and Partners', field: '"Smith, Jones and Partners"' },
    { text: 'The "Old" Forge', field: '"The ""Old"" Forge"' },
    { text: 'Line one\nline two', field: '"Line one\nline two"' },
    { text: 'Plain name', field: 'Plain name' },
  ])('quotes $text per RFC 4180 as $field', ({ text, field }) => {
    const csv = renderTidyCsv([{ ...RIVERSIDE, practice_name: text }]);
    expect(csv).toContain(`,D83001,${field},North Riverside PCN,`);
  });

  it('keeps non-ASCII names as UTF-8 text', () => {
    expect(fieldsOf({ ...RIVERSIDE, practice_name: 'Ynys Môn Surgery' }).practice_name).toBe('Ynys Môn Surgery');
  });
});
