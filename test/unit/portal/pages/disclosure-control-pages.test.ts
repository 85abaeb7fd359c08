import { describe, expect, it } from 'vitest';
import type { PeriodReport } from '../../../../lambdas/core/report/period-report';
import type { PracticeMetrics } from '../../../../lambdas/core/report/tidy-columns';
import { monthPage } from '../../../../lambdas/portal/pages/month-page';
import { practicePage } from '../../../../lambdas/portal/pages/practice-page';
import { emptyRow, periodReportFixture } from '../../render/fixtures';

/*
 * Two synthetic practices, worked by hand (SPEC §3: 1–7 → *, others to the nearest 5, percentages from the rounded
 * counts). Each practice's categories add up to its registered patients, so nothing triggers secondary suppression.
 */

/** 143 registered (→ 145), 6 without a preference (→ *, so no percentage), QOF 13 of 52 (→ 15 of 50 = 30.0%). */
const BROOK: PracticeMetrics = {
  ...emptyRow({ practice_code: 'Y99001', practice_name: 'Brook Surgery', status: 'reported' }),
  registered: 143,
  no_preference: 6,
  no_preference_pct: (100 * 6) / 143,
  pref_sms: 97,
  pref_email: 20,
  pref_letter: 10,
  pref_telephone: 10,
  pref_nhs_app: 0,
  pref_other: 0,
  declined: 0,
  unrecognised: 0,
  qof_patients: 52,
  qof_no_preference: 13,
  qof_no_preference_pct: 25,
  ais_need_no_preference: 0,
  default_to_sms: 4,
  rows_read: 146,
  rows_rejected: 3,
  duplicate_rows: 0,
  dob_missing: 0,
  decile: 1,
  change_pct_points: -1.5,
};

/** 1022 registered (→ 1020), 212 without a preference (→ 210): 20.7% exact, 20.6% from the rounded counts. */
const ASH: PracticeMetrics = {
  ...emptyRow({ practice_code: 'Y99002', practice_name: 'Ash Tree Practice', status: 'reported' }),
  registered: 1022,
  no_preference: 212,
  no_preference_pct: (100 * 212) / 1022,
  pref_sms: 600,
  pref_email: 110,
  pref_letter: 50,
  pref_telephone: 50,
  pref_nhs_app: 0,
  pref_other: 0,
  declined: 0,
  unrecognised: 0,
  rows_read: 1022,
  rows_rejected: 0,
  duplicate_rows: 0,
  dob_missing: 0,
  decile: 10,
};

/** The ICB: 218 of 1165 exact (18.7%); published 220 of 1165 (18.9%). */
const ICB: PracticeMetrics = {
  ...emptyRow({ practice_code: 'ICB' }),
  registered: 1165,
  no_preference: 218,
  no_preference_pct: (100 * 218) / 1165,
  pref_sms: 697,
  pref_email: 130,
  pref_letter: 60,
  pref_telephone: 60,
  pref_nhs_app: 0,
  pref_other: 0,
  declined: 0,
  unrecognised: 0,
  rows_read: 1168,
  rows_rejected: 3,
  duplicate_rows: 0,
  dob_missing: 0,
};

function report(suppressSmallNumbers: boolean): PeriodReport {
  const base = periodReportFixture();
  return periodReportFixture({
    suppressSmallNumbers,
    practices: [BROOK, ASH],
    icb: { ...base.icb, metrics: ICB },
    completeness: { ...base.completeness, reporting: 2, expected: 2, missing: [], stale: [] },
    dataQuality: {
      ...base.dataQuality,
      rejectedRows: [{ practiceCode: 'Y99001', reason: 'invalid_nhs_number', count: 3 }],
    },
  });
}

const FRAME = { icbName: 'NHS Test ICB' };

/** The text of each cell in the table row whose header contains `label`. */
function rowCells(page: string, label: string): string[] {
  const row = page.split('<tr').find((r) => r.includes(label));
  if (row === undefined) throw new Error(`no row for ${label}`);
  return [...row.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => (m[1] as string).trim());
}

function practice(suppress: boolean): string {
  return practicePage(FRAME, { report: report(suppress), metrics: BROOK, mayDownloadGapList: true, otherPeriods: [] });
}

describe('disclosure control on the month page', () => {
  it('shows exact counts and percentages when it is off', () => {
    const page = monthPage(FRAME, report(false));
    expect(rowCells(page, 'Brook Surgery (Y99001)')).toEqual(['143', '4.2%', '1']);
    expect(rowCells(page, 'Ash Tree Practice (Y99002)')).toEqual(['1,022', '20.7%', '10']);
    expect(page).toContain('18.7% of 1,165 patients have no recorded communication preference');
    expect(rowCells(page, 'Rows rejected')).toEqual(['3']);
    expect(page).not.toContain('Disclosure control is applied');
  });

  it('shows * for 1–7, other counts to the nearest 5, percentages from the rounded counts, and says so', () => {
    const page = monthPage(FRAME, report(true));
    // 6 without a preference is *, so Brook's percentage is blank; the decile is from the exact counts.
    expect(rowCells(page, 'Brook Surgery (Y99001)')).toEqual(['145', '–', '1']);
    expect(rowCells(page, 'Ash Tree Practice (Y99002)')).toEqual(['1,020', '20.6%', '10']);
    expect(page).toContain('18.9% of 1,165 patients have no recorded communication preference');
    expect(rowCells(page, 'Rows rejected')).toEqual(['*']);
    // Numbers of practices are not counts of people.
    expect(rowCells(page, 'Practices reporting')).toEqual(['2']);
    expect(page).toContain('Disclosure control is applied: counts from 1 to 7 are shown as *');
  });
});

describe('disclosure control on the practice page', () => {
  it('shows the exact numbers when it is off', () => {
    const page = practice(false);
    expect(rowCells(page, 'Registered patients')).toEqual(['143']);
    expect(rowCells(page, '>No recorded preference')).toEqual(['6 (4.2%)']);
    expect(rowCells(page, 'On a QOF register')).toEqual(['13 of 52 (25.0%)']);
    expect(rowCells(page, 'Would be sent SMS by default')).toEqual(['4']);
    expect(page).not.toContain('Disclosure control is applied');
  });

  it('shows the numbers as the shared workbook does when it is on, the change unchanged', () => {
    const page = practice(true);
    expect(rowCells(page, 'Registered patients')).toEqual(['145']);
    expect(rowCells(page, '>No recorded preference')).toEqual(['*']);
    expect(rowCells(page, 'On a QOF register')).toEqual(['15 of 50 (30.0%)']);
    expect(rowCells(page, 'Would be sent SMS by default')).toEqual(['*']);
    expect(rowCells(page, 'Change since')).toEqual(['down 1.5 percentage points (the gap is closing)']);
    expect(page).toContain('Disclosure control is applied');
    // The gap list itself is never suppressed: its download is still offered.
    expect(page).toContain('/practice/Y99001/2026-10/gap-list');
  });
});
