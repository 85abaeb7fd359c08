/** CloudWatch Embedded Metric Format: the "no report this month" alarm watches this metric. */
export function emitReportProduced(period: string, at: Date): void {
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
