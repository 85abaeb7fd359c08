import { loadPipelineConfig } from '../config';
import { isPeriod, londonDate, periodOf, previousPeriod } from '../core/period';
import { buildPeriodReport } from '../pipeline/build-period-report';
import { cachedRuntime } from './runtime';

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
export async function handler(event: { period?: string } = {}): Promise<MonthlyReportResult> {
  const { objects, table, logger, config, now } = cachedRuntime(loadPipelineConfig(process.env), 'pcm-reporter-report');
  const period = event.period ?? previousPeriod(periodOf(londonDate(now())));
  if (!isPeriod(period)) throw new Error(`period "${period}" is not a month like 2026-10.`);
  const result = await buildPeriodReport(
    { objects, snapshots: table, ledger: table, directory: table, config, logger, now },
    period,
  );
  // CloudWatch Embedded Metric Format: the "no report this month" alarm watches this metric.
  if (process.env.AWS_LAMBDA_FUNCTION_NAME) emitReportProduced(period, now());
  const { report: _report, quarantinedFiles: _q, ...summary } = result;
  return summary;
}

function emitReportProduced(period: string, at: Date): void {
  process.stdout.write(
    `${JSON.stringify({
      _aws: {
        Timestamp: at.getTime(),
        CloudWatchMetrics: [
          { Namespace: 'PcmReporter', Dimensions: [[]], Metrics: [{ Name: 'ReportProduced', Unit: 'Count' }] },
        ],
      },
      ReportProduced: 1,
      period,
    })}\n`,
  );
}
