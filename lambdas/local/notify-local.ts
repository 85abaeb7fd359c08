import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { OutboxMailer } from '../adapters/outbox-mailer';
import { SmtpMailer } from '../adapters/smtp-mailer';
import { monthName } from '../core/period';
import { UsageError } from '../errors';
import { createLogger, logLevelFrom } from '../logger';
import { loadNotifyConfig, type MailTransport } from '../notify-config';
import { type NotifyResult, notifyPractices } from '../pipeline/notify-practices';
import { type LocalSession, withLocalSession } from './local-session';

export interface NotifySummary extends NotifyResult {
  period: string;
  dryRun: boolean;
  transport: MailTransport;
  /** Where the `.eml` files were written (outbox transport). */
  outboxDir?: string;
}

export interface LocalNotifyOptions {
  period: string;
  dryRun?: boolean;
  /** Settings from the config file or flags (SENDER_ADDRESS, ATTACHMENT_DOMAINS, MAIL_TRANSPORT…). */
  env?: Record<string, string>;
}

/**
 * What `run` calls at its end (SPEC §6): notifies the latest period only, writing the emails as
 * `.eml` files to `<outDir>/<period>/outbox/` with file:// links to the gap lists in
 * `<outDir>/<period>/gap-lists/`. Starts its own local servers on `<outDir>/.state`, so call it
 * after runLocal has returned (or use notifyInSession inside a session).
 */
export async function notifyLatestPeriod(options: {
  outDir: string;
  period: string;
  env: Record<string, string>;
}): Promise<NotifySummary> {
  return withLocalSession(options.outDir, options.env, (session) =>
    notifyInSession(session, { period: options.period, env: options.env }),
  );
}

/**
 * Local mode's notify step on running local servers: the same pipeline as the Lambda, with the
 * outbox (or an SMTP relay) as transport and file:// links, because the local S3 server is gone
 * once the command ends. The ledger in `<out>/.state` makes a re-run send nothing twice.
 */
export async function notifyInSession(session: LocalSession, options: LocalNotifyOptions): Promise<NotifySummary> {
  const { outDir, config, objects, table } = session;
  const { period } = options;
  const dryRun = options.dryRun ?? false;
  const periods = await table.listPeriods();
  if (!periods.includes(period)) {
    throw new UsageError(
      `No practice has an export for ${monthName(period)} in ${outDir}. ` +
        (periods.length > 0
          ? `Months with exports: ${periods.join(', ')}.`
          : 'Run `pcm-report run --out <dir>` first to ingest the exports and build the reports.'),
    );
  }
  const notifyConfig = loadNotifyConfig({ ...process.env, OUTBOX_DIR: join(outDir, period, 'outbox'), ...options.env });
  if (notifyConfig.transport === 'ses') {
    throw new UsageError(
      'MAIL_TRANSPORT=ses sends through Amazon SES and is for the deployed Lambdas. Locally, use outbox (the default) or smtp with SMTP_URL.',
    );
  }
  const mailer =
    notifyConfig.transport === 'smtp'
      ? new SmtpMailer(notifyConfig.smtpUrl as string)
      : new OutboxMailer(notifyConfig.outboxDir as string);

  const gapListDir = join(outDir, period, 'gap-lists');
  // The local S3 server stops with the command, so the link points at a copy in the output folder.
  const link = async (key: string) => {
    const target = join(gapListDir, basename(key));
    await mkdir(gapListDir, { recursive: true });
    const object = await objects.get(config.reportsBucket, key);
    await pipeline(Readable.from(object.body), createWriteStream(target));
    return pathToFileURL(target).href;
  };

  try {
    const result = await notifyPractices(
      {
        snapshots: table,
        ledger: table,
        directory: table,
        notifications: table,
        objects,
        mailer,
        link,
        config: { ...config, ...notifyConfig },
        logger: createLogger({ service: 'pcm-reporter-notify', level: logLevelFrom(process.env.LOG_LEVEL) }),
        now: () => new Date(),
      },
      period,
      { dryRun },
    );
    return {
      ...result,
      period,
      dryRun,
      transport: notifyConfig.transport,
      outboxDir: notifyConfig.transport === 'outbox' ? notifyConfig.outboxDir : undefined,
    };
  } finally {
    if (mailer instanceof SmtpMailer) mailer.close();
  }
}
