import { isPeriod, londonDate, periodOf, previousPeriod } from '../core/period';
import { buildPeriodReport } from '../pipeline/build-period-report';
import { onFirstInvocation } from './on-first-invocation';
import type { Runtime } from './runtime';
import { runtimeFromEnvironment } from './runtime-from-environment';

export interface MonthlyReportResult {
  period: string;
  reportKey: string;
  csvKey: string;
  practices: string[];
  gapListKeys: string[];
  reporting: number;
  expected: number;
}

/**
 * Scheduled monthly (Europe/London): builds the ICB workbook, tidy CSV and final gap lists.
 * Without a period it reports the previous calendar month.
 */
export function createMonthlyReportHandler(
  runtime: Runtime,
): (event?: { period?: string }) => Promise<MonthlyReportResult> {
  const { objects, table, logger, config, now } = runtime;
  return async (event = {}) => {
    const period = event.period ?? previousPeriod(periodOf(londonDate(now())));
    if (!isPeriod(period)) throw new Error(`period "${period}" is not a month like 2026-10.`);
    const result = await buildPeriodReport(
      { objects, snapshots: table, ledger: table, directory: table, config, logger, now },
      period,
    );
    runtime.reportProduced(period, now());
    const { report: _report, quarantinedFiles: _q, ...summary } = result;
    return summary;
  };
}

/** The Lambda entry. */
export const handler = onFirstInvocation((): ((event: { period?: string }) => Promise<MonthlyReportResult>) =>
  createMonthlyReportHandler(runtimeFromEnvironment(process.env, 'pcm-reporter-report')),
);
