import { monthName } from '../core/period';
import { UsageError } from '../errors';
import { createNotifyHandler, PracticeEmailsFailedError } from '../handlers/notify-practices';
import type { MailTransport } from '../notify-config';
import type { NotifyResult } from '../pipeline/notify-practices';
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
  env: Readonly<Record<string, string | undefined>>;
}): Promise<NotifySummary> {
  return withLocalSession(options.outDir, options.env, (session) =>
    notifyInSession(session, { period: options.period }),
  );
}

/**
 * Local mode's notify step: the notify handler on the session's runtime, whose adapters write to the
 * outbox (or an SMTP relay) with file:// links, because the local S3 server is gone once the command
 * ends. The ledger in `<out>/.state` makes a re-run send nothing twice; failures are returned, not thrown.
 */
export async function notifyInSession(session: LocalSession, options: LocalNotifyOptions): Promise<NotifySummary> {
  const { outDir, runtime, table } = session;
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
  const { config } = runtime.notifyAdapters(period);
  let result: NotifyResult | undefined;
  const notify = createNotifyHandler(runtime, {
    onResult: (r) => {
      result = r;
    },
  });
  try {
    await notify({ period, dryRun });
  } catch (error) {
    // Local mode lists the failed practices in its summary (exit code 1) instead of retrying.
    if (!(error instanceof PracticeEmailsFailedError && result)) throw error;
  }
  if (!result) throw new Error('The notify handler returned without a result.');
  return {
    ...result,
    period,
    dryRun,
    transport: config.transport,
    outboxDir: config.transport === 'outbox' ? config.outboxDir : undefined,
  };
}
