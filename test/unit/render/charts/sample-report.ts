import type { PracticeCounts } from '../../../../lambdas/core/metrics/practice-counts';
import type { PeriodReport } from '../../../../lambdas/core/report/period-report';
import { type PracticeMetrics, TIDY_COLUMNS } from '../../../../lambdas/core/report/tidy-columns';

/** A practice for a chart test: the columns the charts read, the rest blank. */
export interface SamplePractice {
  code: string;
  registered?: number;
  noPreference?: number;
  flag?: string;
  z?: number;
  decile?: number;
}

/** A blank practice row (every tidy column undefined) with the given values filled in. */
export function practiceRow(period: string, sample: SamplePractice): PracticeMetrics {
  const row: Record<string, unknown> = {};
  for (const { column } of TIDY_COLUMNS) row[column] = undefined;
  const { registered, noPreference } = sample;
  Object.assign(row, {
    period,
    practice_code: sample.code,
    practice_name: `Practice ${sample.code}`,
    registered,
    no_preference: noPreference,
    no_preference_pct:
      registered !== undefined && noPreference !== undefined && registered > 0
        ? (100 * noPreference) / registered
        : undefined,
    funnel_flag: sample.flag,
    funnel_z: sample.z,
    decile: sample.decile,
  });
  return row as PracticeMetrics;
}

function zeroCounts(): PracticeCounts {
  return {
    registered: 0,
    noPreference: 0,
    prefSms: 0,
    prefEmail: 0,
    prefLetter: 0,
    prefTelephone: 0,
    prefNhsApp: 0,
    prefOther: 0,
    declined: 0,
    unrecognised: 0,
    adults16plus: 0,
    adultsNoPreference: 0,
    qofPatients: 0,
    qofNoPreference: 0,
    aisNeedNoPreference: 0,
    defaultToSms: 0,
    qofDefaultToSms: 0,
    unreachableElectronic: 0,
    dqSmsNoMobile: 0,
    dqEmailNoAddress: 0,
    dqSmsDissent: 0,
    rowsRead: 0,
    rowsRejected: 0,
    duplicateRows: 0,
    dobMissing: 0,
  };
}

/** A period report holding just what the charts read: practice rows and the ICB trend. */
export function sampleReport(input: {
  period: string;
  practices: readonly SamplePractice[];
  trend?: { periods: string[]; icb: (number | undefined)[] };
  suppressSmallNumbers?: boolean;
}): PeriodReport {
  const practices = input.practices.map((p) => practiceRow(input.period, p));
  return {
    icbName: 'NHS Example ICB',
    period: input.period,
    generatedAt: '2026-11-05T07:00:00.000Z',
    practices,
    icb: { counts: zeroCounts(), metrics: practiceRow(input.period, { code: 'ICB' }) },
    completeness: {
      reporting: practices.length,
      expected: practices.length,
      missing: [],
      stale: [],
      notInDirectory: [],
    },
    pcns: [],
    registers: [],
    dataQuality: {
      rejectedRows: [],
      duplicates: [],
      dobMissing: [],
      unrecognisedValues: [],
      unknownRegisterCodes: [],
      ingestedFiles: [],
      quarantinedFiles: [],
    },
    trend: { periods: input.trend?.periods ?? [input.period], icb: input.trend?.icb ?? [undefined], practices: [] },
    assumptions: { invitesPerYear: 2, fragmentsPerInvite: 1, costPerFragmentGbp: 0.025, vatRate: 0 },
    suppressSmallNumbers: input.suppressSmallNumbers ?? false,
  };
}

/**
 * 150 synthetic practices from a fixed pseudo-random sequence (sizes 1,200–24,000, around 22% with real spread
 * between practices, and a handful made extreme), flagged with the core funnel so points and flags agree. For
 * looking at and smoke-testing a crowded chart, not for exact expectations.
 */
export function crowdedPractices(
  count: number,
  flagOf: (
    inputs: { practiceCode: string; noPreference: number; registered: number }[],
  ) => Map<string, { z: number; flag: string }>,
): SamplePractice[] {
  let seed = 20261031;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const inputs: { practiceCode: string; noPreference: number; registered: number }[] = [];
  for (let i = 0; i < count; i++) {
    const registered = Math.round(1200 + next() ** 1.6 * 22800);
    let p = 0.22 + (next() + next() + next() - 1.5) * 0.06;
    if (i % 23 === 5) p += 0.12;
    if (i % 31 === 7) p -= 0.1;
    const code = `${String.fromCharCode(65 + (i % 26))}${String(81001 + i * 7).padStart(5, '0')}`;
    inputs.push({ practiceCode: code, registered, noPreference: Math.round(registered * Math.max(0.01, p)) });
  }
  const flags = flagOf(inputs);
  return inputs.map((input) => ({
    code: input.practiceCode,
    registered: input.registered,
    noPreference: input.noPreference,
    flag: flags.get(input.practiceCode)?.flag,
    z: flags.get(input.practiceCode)?.z,
  }));
}
