import { isPeriod, londonDate, periodOf, previousPeriod } from '../core/period';
import { type NotifyResult, notifyPractices } from '../pipeline/notify-practices';
import { onFirstInvocation } from './on-first-invocation';
import type { Runtime } from './runtime';
import { runtimeFromEnvironment } from './runtime-from-environment';

export interface NotifyPracticesEvent {
  period?: string;
  /** Show what would be sent; send and record nothing (local `notify --dry-run`; Step Functions never sets it). */
  dryRun?: boolean;
}

export interface NotifyPracticesResult {
  period: string;
  sent: number;
  skipped: number;
  failed: number;
}

/** Some practices could not be emailed: thrown so Step Functions retries (the ledger makes that safe). */
export class PracticeEmailsFailedError extends Error {
  override readonly name = 'PracticeEmailsFailedError';
  constructor(
    readonly period: string,
    readonly practiceCodes: string[],
  ) {
    super(
      `${practiceCodes.length} practice email(s) for ${period} could not be sent (${practiceCodes.join(', ')}). ` +
        'Each is recorded as failed in the notification ledger and is tried again on the next run; see the log for why.',
    );
  }
}

/**
 * After the monthly report: emails each reporting practice its numbers and a presigned link to its
 * gap list, once per practice and period. Without a period it notifies the previous calendar month.
 * `onResult` receives each run's practice-by-practice result before any failure is thrown (local
 * mode prints it); the Lambda returns only the counts.
 */
export function createNotifyHandler(
  runtime: Runtime,
  options: { onResult?: (result: NotifyResult) => void } = {},
): (event?: NotifyPracticesEvent) => Promise<NotifyPracticesResult> {
  const { objects, table, logger, config, now } = runtime;
  return async (event = {}) => {
    const period = event.period ?? previousPeriod(periodOf(londonDate(now())));
    if (!isPeriod(period)) throw new Error(`period "${period}" is not a month like 2026-10.`);
    const notify = runtime.notifyAdapters(period);
    const result = await notifyPractices(
      {
        snapshots: table,
        ledger: table,
        directory: table,
        notifications: table,
        objects,
        mailer: notify.mailer,
        link: notify.link,
        config: { ...config, ...notify.config },
        logger: logger.child({ period }),
        now,
      },
      period,
      { dryRun: event.dryRun },
    );
    options.onResult?.(result);
    if (result.failed.length > 0) {
      for (const failure of result.failed) {
        logger.error('practice email not sent', { period, practiceCode: failure.practiceCode, error: failure.error });
      }
      throw new PracticeEmailsFailedError(
        period,
        result.failed.map((f) => f.practiceCode),
      );
    }
    return { period, sent: result.sent.length, skipped: result.skipped.length, failed: 0 };
  };
}

/** The Lambda entry. */
export const handler = onFirstInvocation((): ((event: NotifyPracticesEvent) => Promise<NotifyPracticesResult>) =>
  createNotifyHandler(runtimeFromEnvironment(process.env, 'pcm-reporter-notify')),
);
