import { SESv2Client } from '@aws-sdk/client-sesv2';
import { OutboxMailer } from '../adapters/outbox-mailer';
import { SesMailer } from '../adapters/ses-mailer';
import { SmtpMailer } from '../adapters/smtp-mailer';
import { type AwsConnection, loadPipelineConfig } from '../config';
import { isPeriod, londonDate, periodOf, previousPeriod } from '../core/period';
import { loadNotifyConfig, type NotifyConfig } from '../notify-config';
import { notifyPractices } from '../pipeline/notify-practices';
import type { Mailer } from '../ports';
import { createRuntime, type Runtime } from './runtime';

let runtime: Runtime | undefined;
let notify: { config: Readonly<NotifyConfig>; mailer: Mailer } | undefined;

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
 */
export async function handler(event: { period?: string } = {}): Promise<NotifyPracticesResult> {
  runtime ??= createRuntime(loadPipelineConfig(process.env), 'pcm-reporter-notify');
  if (!notify) {
    const config = loadNotifyConfig(process.env);
    notify = { config, mailer: createMailer(config, runtime.config.aws) };
  }
  const { objects, table, logger, config, now } = runtime;
  const period = event.period ?? previousPeriod(periodOf(londonDate(now())));
  if (!isPeriod(period)) throw new Error(`period "${period}" is not a month like 2026-10.`);
  const result = await notifyPractices(
    {
      snapshots: table,
      ledger: table,
      directory: table,
      notifications: table,
      objects,
      mailer: notify.mailer,
      link: (key, expiresInSeconds) => objects.link(config.reportsBucket, key, expiresInSeconds),
      config: { ...config, ...notify.config },
      logger: logger.child({ period }),
      now,
    },
    period,
  );
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
}

/** The transport the configuration chooses: SES v2 (AWS), an SMTP relay, or an outbox folder. */
export function createMailer(config: Readonly<NotifyConfig>, aws: Pick<AwsConnection, 'region'>): Mailer {
  switch (config.transport) {
    case 'ses':
      return new SesMailer(new SESv2Client({ region: config.sesRegion ?? aws.region }), {
        configurationSet: config.sesConfigurationSet,
      });
    case 'smtp':
      return new SmtpMailer(config.smtpUrl as string);
    case 'outbox':
      return new OutboxMailer(config.outboxDir as string);
  }
}
