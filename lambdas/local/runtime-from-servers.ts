import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { OutboxMailer } from '../adapters/outbox-mailer';
import { SmtpMailer } from '../adapters/smtp-mailer';
import { loadPipelineConfig, type PipelineConfig } from '../config';
import { ConfigError, UsageError } from '../errors';
import { createStores, type NotifyAdapters, type Runtime } from '../handlers/runtime';
import { createLogger, logLevelFrom } from '../logger';
import { loadNotifyConfig } from '../notify-config';
import type { ObjectStore } from '../ports';
import type { LocalServers } from './local-servers';

const WHERE = 'Set these in the --config file (README) or in your shell.';

/** A runtime on local servers; `close` ends what it opened (an SMTP connection). */
export interface LocalRuntime extends Runtime {
  close(): void;
}

export interface LocalRuntimeOptions {
  /** Settings as Lambda environment variables: the shell's, then the --config file's and flags' (CLI). */
  env: Readonly<Record<string, string | undefined>>;
  /** The output folder: emails go to <outDir>/YYYY-MM/outbox, gap-list copies to <outDir>/YYYY-MM/gap-lists. */
  outDir: string;
  /** Where zip archives are spooled. */
  tmpDir: string;
}

/**
 * Local mode's runtime: the same handlers as in AWS, on the in-process S3/DynamoDB servers. The
 * settings are checked with the Lambda's own rules; only the adapters differ: email to an outbox
 * folder (or an SMTP relay), file:// links, no CloudWatch metric, and quiet logs unless LOG_LEVEL says.
 */
export function runtimeFromServers(servers: LocalServers, options: LocalRuntimeOptions): LocalRuntime {
  const env = {
    ...options.env,
    ...servers.env,
    TMP_DIR: options.tmpDir,
    LOG_LEVEL: options.env.LOG_LEVEL ?? 'error',
  };
  const outboxFor = (period: string) => ({ ...env, OUTBOX_DIR: join(options.outDir, period, 'outbox') });
  // The email settings are checked now too, though only notify sends: a wrong one must not surface after a long run.
  const [pipeline] = checkAll(
    () => loadPipelineConfig(env),
    () => loadNotifyConfig(outboxFor('YYYY-MM')),
  );
  const config: Readonly<PipelineConfig> = Object.freeze({ ...pipeline, aws: servers.connection });
  const stores = createStores(config);
  const notify = new Map<string, NotifyAdapters>();
  return {
    config,
    ...stores,
    logger: createLogger({ service: 'pcm-reporter-local', level: logLevelFrom(env.LOG_LEVEL) }),
    now: () => new Date(),
    reportProduced: () => {},
    notifyAdapters: (period) => {
      let adapters = notify.get(period);
      if (!adapters) {
        adapters = localNotifyAdapters(outboxFor(period), {
          objects: stores.objects,
          bucket: config.reportsBucket,
          gapListDir: join(options.outDir, period, 'gap-lists'),
        });
        notify.set(period, adapters);
      }
      return adapters;
    },
    close: () => {
      for (const { mailer } of notify.values()) if (mailer instanceof SmtpMailer) mailer.close();
    },
  };
}

/** Runs every check and throws one ConfigError listing all their problems, so one run shows them all. */
function checkAll<A, B>(first: () => A, second: () => B): [A, B] {
  const problems: string[] = [];
  const attempt = <T>(load: () => T): T | undefined => {
    try {
      return load();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  };
  const a = attempt(first);
  const b = attempt(second);
  if (problems.length > 0 || a === undefined || b === undefined) throw new ConfigError(problems, WHERE);
  return [a, b];
}

function localNotifyAdapters(
  env: Readonly<Record<string, string | undefined>>,
  gapLists: { objects: ObjectStore; bucket: string; gapListDir: string },
): NotifyAdapters {
  const config = loadNotifyConfig(env);
  if (config.transport === 'ses') {
    throw new UsageError(
      'MAIL_TRANSPORT=ses sends through Amazon SES and is for the deployed Lambdas. Locally, use outbox (the default) or smtp with SMTP_URL.',
    );
  }
  const mailer =
    config.transport === 'smtp'
      ? new SmtpMailer(config.smtpUrl as string)
      : new OutboxMailer(config.outboxDir as string);
  return { config, mailer, link: (key) => copyGapList(gapLists, key) };
}

/** The local S3 server stops with the command, so a link points at a copy in the output folder. */
async function copyGapList(
  { objects, bucket, gapListDir }: { objects: ObjectStore; bucket: string; gapListDir: string },
  key: string,
): Promise<string> {
  const target = join(gapListDir, basename(key));
  await mkdir(gapListDir, { recursive: true });
  const object = await objects.get(bucket, key);
  await pipeline(Readable.from(object.body), createWriteStream(target));
  return pathToFileURL(target).href;
}
