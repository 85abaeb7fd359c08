import type { DirectoryEntry } from '../directory/directory-entry';
import { changePctPoints } from '../metrics/change';
import { deciles } from '../metrics/decile';
import { funnelPlot } from '../metrics/funnel';
import { median } from '../metrics/median';
import { percentage } from '../metrics/percentage';
import { addCounts, emptyCounts, type PracticeCounts } from '../metrics/practice-counts';
import { periodsEndingWith, previousPeriod } from '../period';
import type { PracticeSnapshot, RegisterCounts } from '../snapshot';
import { QOF_REGISTERS } from '../values/qof-registers';
import type { FileRecord } from './file-record';
import { pcnRows } from './pcn-rows';
import type { CompletenessEntry, PeriodReport, SmsCostAssumptions } from './period-report';
import { type PracticeIdentity, practiceRow } from './practice-row';
import type { PracticeMetrics, PracticeStatus } from './tidy-columns';

export interface PeriodReportInput {
  icbName: string;
  period: string;
  generatedAt: string;
  directory: readonly DirectoryEntry[];
  /** Snapshots of `period`, one per reporting practice. */
  snapshots: readonly PracticeSnapshot[];
  /** Snapshots of earlier periods, keyed by period (for change, trend and stale exports). */
  history: ReadonlyMap<string, readonly PracticeSnapshot[]>;
  fileRecords: readonly FileRecord[];
  assumptions: SmsCostAssumptions;
  suppressSmallNumbers: boolean;
}

function noPreferencePct(counts: PracticeCounts): number | undefined {
  return percentage(counts.noPreference, counts.registered);
}

/** Builds the ICB's report for one period from stored snapshots: every number of SPEC §3. */
export function assemblePeriodReport(input: PeriodReportInput): PeriodReport {
  const { period, snapshots, assumptions } = input;
  const directory = new Map(input.directory.map((entry) => [entry.practiceCode, entry]));
  const counted = snapshots.filter((s) => s.counts.registered > 0);

  const funnel = funnelPlot(
    counted.map((s) => ({
      practiceCode: s.practiceCode,
      noPreference: s.counts.noPreference,
      registered: s.counts.registered,
    })),
  );
  const pcts = new Map(counted.map((s) => [s.practiceCode, noPreferencePct(s.counts) as number]));
  const decileOf = deciles(pcts);
  const previous = new Map(
    (input.history.get(previousPeriod(period)) ?? []).map((s) => [s.practiceCode, noPreferencePct(s.counts)]),
  );

  const identity = (practiceCode: string, status: PracticeStatus, snapshot?: PracticeSnapshot): PracticeIdentity => {
    const entry = directory.get(practiceCode);
    return {
      status,
      period,
      practiceCode,
      practiceName: entry?.practiceName,
      pcn: entry?.pcn,
      clinicalSystem: entry?.clinicalSystem ?? snapshot?.clinicalSystem,
      extractDate: snapshot?.extractDate,
    };
  };

  const rows: PracticeMetrics[] = snapshots.map((s) => {
    const funnelResult = funnel.byPractice.get(s.practiceCode);
    const status = directory.has(s.practiceCode) ? 'reported' : 'not_in_directory';
    return practiceRow(identity(s.practiceCode, status, s), s.counts, assumptions, {
      decile: decileOf.get(s.practiceCode),
      funnelZ: funnelResult?.z,
      funnelFlag: funnelResult?.flag,
      changePctPoints: changePctPoints(pcts.get(s.practiceCode), previous.get(s.practiceCode)),
    });
  });

  const reportingCodes = new Set(snapshots.map((s) => s.practiceCode));
  const lastExtract = latestEarlierExtracts(input.history);
  const missing: CompletenessEntry[] = [];
  const stale: CompletenessEntry[] = [];
  for (const entry of input.directory) {
    if (reportingCodes.has(entry.practiceCode)) continue;
    const lastExtractDate = lastExtract.get(entry.practiceCode);
    rows.push(practiceRow(identity(entry.practiceCode, lastExtractDate ? 'stale' : 'missing'), undefined, assumptions));
    const item = { practiceCode: entry.practiceCode, practiceName: entry.practiceName, lastExtractDate };
    (lastExtractDate ? stale : missing).push(item);
  }
  rows.sort(worstFirst);

  const icbCounts = snapshots.reduce((sum, s) => addCounts(sum, s.counts), emptyCounts());
  const periods = periodsEndingWith(period, 12).filter((p) => p === period || input.history.has(p));

  return {
    icbName: input.icbName,
    period,
    generatedAt: input.generatedAt,
    practices: rows,
    icb: {
      counts: icbCounts,
      metrics: practiceRow({ period, practiceCode: 'ICB', practiceName: input.icbName }, icbCounts, assumptions),
    },
    medianNoPreferencePct: median([...pcts.values()]),
    completeness: {
      reporting: snapshots.length,
      expected: new Set([...directory.keys(), ...reportingCodes]).size,
      missing,
      stale,
      notInDirectory: snapshots
        .filter((s) => !directory.has(s.practiceCode))
        .map((s) => ({ practiceCode: s.practiceCode })),
    },
    pcns: pcnRows(period, snapshots, input.directory, assumptions),
    registers: registerTable(snapshots),
    dataQuality: dataQuality(snapshots, input.fileRecords),
    trend: trend(periods, period, snapshots, input.history, directory),
    assumptions,
    suppressSmallNumbers: input.suppressSmallNumbers,
  };
}

/** Highest % no preference first; practices without an export last; then by practice code. */
function worstFirst(a: PracticeMetrics, b: PracticeMetrics): number {
  const pa = a.no_preference_pct;
  const pb = b.no_preference_pct;
  if (pa !== pb) {
    if (pa === undefined) return 1;
    if (pb === undefined) return -1;
    return pb - pa;
  }
  return a.practice_code.localeCompare(b.practice_code);
}

function latestEarlierExtracts(history: ReadonlyMap<string, readonly PracticeSnapshot[]>): Map<string, string> {
  const latest = new Map<string, string>();
  for (const snapshots of history.values()) {
    for (const s of snapshots) {
      const seen = latest.get(s.practiceCode);
      if (!seen || s.extractDate > seen) latest.set(s.practiceCode, s.extractDate);
    }
  }
  return latest;
}

function registerTable(snapshots: readonly PracticeSnapshot[]): PeriodReport['registers'] {
  const table: PeriodReport['registers'] = [];
  for (const [code, name] of QOF_REGISTERS) {
    const icb: RegisterCounts = { patients: 0, noPreference: 0 };
    const byPractice: Record<string, RegisterCounts> = {};
    for (const s of snapshots) {
      const counts = s.registers[code];
      if (!counts) continue;
      icb.patients += counts.patients;
      icb.noPreference += counts.noPreference;
      byPractice[s.practiceCode] = counts;
    }
    if (icb.patients > 0) table.push({ code, name, icb, byPractice });
  }
  return table;
}

function tallyValues(
  snapshots: readonly PracticeSnapshot[],
  pick: (s: PracticeSnapshot) => Record<string, number>,
): { value: string; count: number; practiceCodes: string[] }[] {
  const merged = new Map<string, { value: string; count: number; practiceCodes: string[] }>();
  for (const s of snapshots) {
    for (const [value, count] of Object.entries(pick(s))) {
      const item = merged.get(value) ?? { value, count: 0, practiceCodes: [] };
      item.count += count;
      item.practiceCodes.push(s.practiceCode);
      merged.set(value, item);
    }
  }
  return [...merged.values()].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

function dataQuality(
  snapshots: readonly PracticeSnapshot[],
  records: readonly FileRecord[],
): PeriodReport['dataQuality'] {
  return {
    rejectedRows: snapshots.flatMap((s) =>
      Object.entries(s.rejectedByReason).map(([reason, count]) => ({
        practiceCode: s.practiceCode,
        reason,
        count: count ?? 0,
      })),
    ),
    duplicates: snapshots
      .filter((s) => s.counts.duplicateRows > 0)
      .map((s) => ({ practiceCode: s.practiceCode, count: s.counts.duplicateRows })),
    dobMissing: snapshots
      .filter((s) => s.counts.dobMissing > 0)
      .map((s) => ({ practiceCode: s.practiceCode, count: s.counts.dobMissing })),
    unrecognisedValues: tallyValues(snapshots, (s) => s.unrecognisedValues),
    unknownRegisterCodes: tallyValues(snapshots, (s) => s.unknownRegisterCodes).map(({ value, ...rest }) => ({
      code: value,
      ...rest,
    })),
    ingestedFiles: records.flatMap(({ kind, period: _period, ...rest }) =>
      kind === 'ingested' ? [rest as Extract<FileRecord, { kind: 'ingested' }>] : [],
    ),
    quarantinedFiles: records.flatMap((record) =>
      record.kind === 'quarantined'
        ? [{ file: record.file, reason: record.reason, hint: record.hint, quarantinedAt: record.quarantinedAt }]
        : [],
    ),
  };
}

function trend(
  periods: readonly string[],
  period: string,
  current: readonly PracticeSnapshot[],
  history: ReadonlyMap<string, readonly PracticeSnapshot[]>,
  directory: ReadonlyMap<string, DirectoryEntry>,
): PeriodReport['trend'] {
  const byPeriod = periods.map((p) => (p === period ? current : (history.get(p) ?? [])));
  const codes = new Set<string>([...directory.keys(), ...current.map((s) => s.practiceCode)]);
  return {
    periods: [...periods],
    icb: byPeriod.map((snapshots) => {
      const total = snapshots.reduce((sum, s) => addCounts(sum, s.counts), emptyCounts());
      return noPreferencePct(total);
    }),
    practices: [...codes].sort().map((practiceCode) => ({
      practiceCode,
      practiceName: directory.get(practiceCode)?.practiceName,
      values: byPeriod.map((snapshots) => {
        const s = snapshots.find((x) => x.practiceCode === practiceCode);
        return s ? noPreferencePct(s.counts) : undefined;
      }),
    })),
  };
}
