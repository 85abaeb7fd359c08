/** The metric's name, shared with its alarm (lib/constructs/operations-alarms.ts). */
export const UNKNOWN_DELIVERIES_METRIC = { namespace: 'PcmReporter', metricName: 'UnknownDeliveries' } as const;

/**
 * CloudWatch Embedded Metric Format: how many practice emails of a notify run have an unknown delivery (a send
 * claimed over an hour ago with no outcome). Published on every run, 0 included, so the alarm clears itself.
 */
export function emitUnknownDeliveries(count: number, period: string, at: Date): void {
  process.stdout.write(
    `${JSON.stringify({
      _aws: {
        Timestamp: at.getTime(),
        CloudWatchMetrics: [
          {
            Namespace: UNKNOWN_DELIVERIES_METRIC.namespace,
            Dimensions: [[]],
            Metrics: [{ Name: UNKNOWN_DELIVERIES_METRIC.metricName, Unit: 'Count' }],
          },
        ],
      },
      [UNKNOWN_DELIVERIES_METRIC.metricName]: count,
      period,
    })}\n`,
  );
}
