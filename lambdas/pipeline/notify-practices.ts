import type { PipelineConfig } from '../config';
import { attachmentAllowed } from '../core/notify/attachment-allowed';
import { MailSendError } from '../core/notify/mail-send-error';
import { resendCommand, STUCK_SENDING_MS } from '../core/notify/resend-command';
import { londonDate } from '../core/period';
import type { PeriodReport } from '../core/report/period-report';
import type { PracticeMetrics } from '../core/report/tidy-columns';
import type { Logger } from '../logger';
import type { NotifyConfig } from '../notify-config';
import type {
  DirectoryEntry,
  DirectoryStore,
  LedgerStore,
  Mailer,
  NotificationLedger,
  NotificationRecord,
  ObjectStore,
  OutgoingEmail,
  SnapshotStore,
} from '../ports';
import { composePracticeEmail } from '../render/email/compose-practice-email';
import { practiceEmailSubject } from '../render/email/practice-email-subject';
import { practicePageUrl } from '../render/email/practice-page-url';
import { inLanes } from './in-lanes';
import { loadPeriodReport } from './load-period-report';
import { readSmallObject } from './read-small-object';
import { reportKeys, XLSX_TYPE } from './report-keys';

export interface NotifyDeps {
  snapshots: SnapshotStore;
  ledger: LedgerStore;
  directory: DirectoryStore;
  notifications: NotificationLedger;
  /** Lists the period's gap lists and reads one for an attachment. */
  objects: Pick<ObjectStore, 'get' | 'list'>;
  mailer: Mailer;
  config: Pick<PipelineConfig, 'reportsBucket' | 'icbName' | 'assumptions'> &
    Pick<NotifyConfig, 'senderAddress' | 'attachmentDomains' | 'portalBaseUrl' | 'icbContactName' | 'icbContactEmail'>;
  logger: Logger;
  now: () => Date;
  /** Waits between send attempts (tests pass one that does not wait). */
  sleep?: (ms: number) => Promise<void>;
}

export interface PlannedEmail {
  practiceCode: string;
  to: string;
  subject: string;
  attach: boolean;
}

export interface NotifyResult {
  /** Practices emailed by this run. */
  sent: string[];
  /** Practices not emailed, and why (already sent, no address, no export…): nothing is left out silently. */
  skipped: { practiceCode: string; why: string }[];
  /** Practices whose email could not be sent; the ledger lets the next run try again. */
  failed: { practiceCode: string; error: string }[];
  /**
   * Practices whose send started over an hour ago and never recorded an outcome (a killed run): it may or may
   * not have arrived, so it is not sent again by itself. `resend` is the command that sends it again.
   */
  unknownDelivery: { practiceCode: string; since: string; resend: string }[];
  /** The emails this run sent or tried to send (with --dry-run: would send). */
  planned: PlannedEmail[];
}

/** Extra attempts after the first for a transient send failure, and the first back-off. */
const RETRIES = 3;
const FIRST_BACKOFF_MS = 500;
const MAX_ERROR_LENGTH = 500;

/**
 * Emails each practice that reported in the period its numbers and a link to its page in the report
 * portal (where it downloads its gap list), exactly
 * once (SPEC §4.4). The notification ledger is claimed before sending and records the outcome, so
 * re-runs and retries send nothing twice; a failed send is recorded, reported and tried again by
 * the next run. With `dryRun` nothing is sent and the ledger is not touched.
 */
export async function notifyPractices(
  deps: NotifyDeps,
  period: string,
  options: { dryRun?: boolean } = {},
): Promise<NotifyResult> {
  const dryRun = options.dryRun ?? false;
  const { report, snapshots } = await loadPeriodReport(
    { ...deps, config: { ...deps.config, suppressSmallNumbers: false } },
    period,
  );
  const [entries, gapListKeys] = await Promise.all([
    deps.directory.listPractices(),
    deps.objects.list(deps.config.reportsBucket, gapListFolder(period)),
  ]);
  const directory = new Map(entries.map((entry) => [entry.practiceCode, entry]));
  const metricsByCode = new Map(report.practices.map((row) => [row.practice_code, row]));
  const gapLists = new Set(gapListKeys);
  const result: NotifyResult = { sent: [], skipped: [], failed: [], planned: [], unknownDelivery: [] };

  const reporting = new Set(snapshots.map((s) => s.practiceCode));
  for (const entry of entries) {
    if (!reporting.has(entry.practiceCode)) {
      result.skipped.push({ practiceCode: entry.practiceCode, why: 'no export for this period' });
    }
  }
  // Several practices at a time when the mailer allows it (a local outbox: the ledger's round trips overlap);
  // outcomes are recorded in practice order whatever order they finish in.
  const codes = [...reporting].sort();
  const outcomes: Outcome[] = [];
  await inLanes(codes, deps.mailer.parallelSends ?? 1, async (practiceCode, index) => {
    outcomes[index] = await notifyPractice(deps, {
      report,
      period,
      practiceCode,
      dryRun,
      entry: directory.get(practiceCode),
      metrics: metricsByCode.get(practiceCode),
      hasGapList: gapLists.has(reportKeys.gapList(practiceCode, period)),
    });
  });
  for (const [index, practiceCode] of codes.entries()) {
    const outcome = outcomes[index] as Outcome;
    if (outcome.kind === 'failed') deps.logger.warn('practice email failed', { period, practiceCode });
    if (outcome.kind === 'unknown') {
      deps.logger.warn('practice email delivery unknown', {
        period,
        practiceCode,
        since: outcome.since,
        resend: resendCommand(practiceCode, period),
      });
    }
    record(result, practiceCode, outcome);
  }

  result.skipped.sort((a, b) => a.practiceCode.localeCompare(b.practiceCode));
  deps.logger.info(dryRun ? 'practice emails planned (dry run)' : 'practices notified', {
    period,
    planned: result.planned.length,
    sent: result.sent.length,
    skipped: result.skipped.length,
    failed: result.failed.length,
    unknownDelivery: result.unknownDelivery.length,
  });
  return result;
}

export interface Target {
  report: PeriodReport;
  period: string;
  practiceCode: string;
  dryRun: boolean;
  entry?: DirectoryEntry;
  metrics?: PracticeMetrics;
  hasGapList: boolean;
  /** Send whatever the ledger says (an explicit resend), and record the new send. */
  resend?: boolean;
}

/** What happened to one practice's email. */
export type Outcome =
  | { kind: 'sent'; planned: PlannedEmail }
  | { kind: 'planned'; planned: PlannedEmail }
  | { kind: 'skipped'; why: string }
  | { kind: 'failed'; error: string; planned?: PlannedEmail }
  | { kind: 'unknown'; period: string; since: string };

export function record(result: NotifyResult, practiceCode: string, outcome: Outcome): void {
  if ((outcome.kind === 'sent' || outcome.kind === 'planned' || outcome.kind === 'failed') && outcome.planned) {
    result.planned.push(outcome.planned);
  }
  if (outcome.kind === 'sent') result.sent.push(practiceCode);
  else if (outcome.kind === 'skipped') result.skipped.push({ practiceCode, why: outcome.why });
  else if (outcome.kind === 'failed') result.failed.push({ practiceCode, error: outcome.error });
  else if (outcome.kind === 'unknown') {
    const resend = resendCommand(practiceCode, outcome.period);
    result.unknownDelivery.push({ practiceCode, since: outcome.since, resend });
  }
}

/** One practice: check the ledger, claim, compose, send (with retries) and record the outcome. */
export async function notifyPractice(deps: NotifyDeps, target: Target): Promise<Outcome> {
  const { report, period, practiceCode, entry, metrics } = target;
  if (!entry) return { kind: 'skipped', why: 'not in the practice directory, so there is no address to send to' };
  if (!entry.email) return { kind: 'skipped', why: 'no email address in the practice directory' };
  if (!target.hasGapList)
    return { kind: 'skipped', why: 'no gap list for this period: build the monthly report first' };
  if (!metrics) {
    return {
      kind: 'failed',
      error: `The ${period} report has no row for ${practiceCode}; rebuild the report and run again.`,
    };
  }

  const previous = target.resend ? undefined : await deps.notifications.getNotification(period, practiceCode);
  if (previous?.status === 'sent') return { kind: 'skipped', why: alreadySent(previous) };
  if (previous?.status === 'sending') return sendingOutcome(deps, previous);

  const to = entry.email;
  const attach = attachmentAllowed(to, deps.config.attachmentDomains);
  const planned: PlannedEmail = { practiceCode, to, subject: practiceEmailSubject(entry.practiceName, period), attach };
  if (target.dryRun) return { kind: 'planned', planned };

  const claim: NotificationRecord = { period, practiceCode, status: 'sending', at: deps.now().toISOString() };
  if (target.resend) {
    await deps.notifications.putNotification(claim);
  } else if (!(await deps.notifications.claimNotification(claim))) {
    const current = await deps.notifications.getNotification(period, practiceCode);
    if (current?.status === 'sent') return { kind: 'skipped', why: alreadySent(current) };
    if (current?.status === 'sending') {
      const outcome = sendingOutcome(deps, current);
      return outcome.kind === 'failed' ? { ...outcome, planned } : outcome;
    }
    return { kind: 'failed', error: 'Another run claimed this email; run again to check it was sent.', planned };
  }

  let messageId: string;
  try {
    const message = await prepareEmail(deps, { report, period, entry: { ...entry, email: to }, metrics, attach });
    messageId = (await sendWithRetry(deps, message)).messageId;
  } catch (error) {
    const text = describeError(error);
    await recordFailure(deps, { ...claim, status: 'failed', at: deps.now().toISOString(), error: text });
    return { kind: 'failed', error: text, planned };
  }
  try {
    await deps.notifications.putNotification({ ...claim, status: 'sent', at: deps.now().toISOString(), messageId });
  } catch (error) {
    // The email went: leave the claim as it is ("sending") so that no run sends it again.
    const message =
      `The email was sent (${messageId}) but the ledger could not record it (${describeError(error)}). ` +
      'It is not sent again; later runs report its delivery as unknown (it arrived: do not resend it).';
    return { kind: 'failed', error: message, planned };
  }
  return { kind: 'sent', planned };
}

async function prepareEmail(
  deps: NotifyDeps,
  input: {
    report: PeriodReport;
    period: string;
    entry: DirectoryEntry & { email: string };
    metrics: PracticeMetrics;
    attach: boolean;
  },
): Promise<OutgoingEmail & { reference: string }> {
  const { report, period, entry, metrics, attach } = input;
  const key = reportKeys.gapList(entry.practiceCode, period);
  const email = composePracticeEmail({
    practice: entry,
    metrics,
    icbName: report.icbName,
    medianNoPreferencePct: report.medianNoPreferencePct,
    reportingPractices: report.completeness.reporting,
    period,
    portalLink: practicePageUrl(deps.config.portalBaseUrl, entry.practiceCode, period),
    contact: { name: deps.config.icbContactName, email: deps.config.icbContactEmail },
    attach,
  });
  const attachments = attach
    ? [
        {
          filename: reportKeys.gapListFile(entry.practiceCode, period),
          content: await readAll(deps, key),
          contentType: XLSX_TYPE,
        },
      ]
    : undefined;
  return {
    to: entry.email,
    from: deps.config.senderAddress,
    replyTo: deps.config.icbContactEmail,
    ...email,
    attachments,
    reference: `${entry.practiceCode}-${period}`,
  };
}

/** Transient failures (a busy relay, throttling) are tried again with exponential back-off. */
async function sendWithRetry(deps: NotifyDeps, message: OutgoingEmail): Promise<{ messageId: string }> {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 0; ; attempt++) {
    try {
      return await deps.mailer.send(message);
    } catch (error) {
      if (!(error instanceof MailSendError && error.transient) || attempt >= RETRIES) throw error;
      await sleep(FIRST_BACKOFF_MS * 2 ** attempt);
    }
  }
}

/** Records the failure so the next run tries again; if even that fails, the claim stays and is reported. */
async function recordFailure(deps: NotifyDeps, record: NotificationRecord): Promise<void> {
  try {
    await deps.notifications.putNotification(record);
  } catch (error) {
    deps.logger.error('could not record a failed practice email', {
      period: record.period,
      practiceCode: record.practiceCode,
      error: error instanceof Error ? error.name : 'unknown',
    });
  }
}

function readAll(deps: NotifyDeps, key: string): Promise<Uint8Array> {
  return readSmallObject(deps.objects, deps.config.reportsBucket, key);
}

/** `gap-lists/2026-10/`: the folder holding the period's gap lists. */
export function gapListFolder(period: string): string {
  const key = reportKeys.gapList('A00000', period);
  return key.slice(0, key.lastIndexOf('/') + 1);
}

function alreadySent(record: NotificationRecord): string {
  return `already sent on ${londonDate(new Date(record.at))}`;
}

/**
 * A claim with no outcome: within the hour another run may still be sending it (failed, so a retry looks again);
 * after that the run that claimed it was stopped, and whether it arrived is unknown (never sent again by itself).
 */
function sendingOutcome(deps: NotifyDeps, record: NotificationRecord): Outcome {
  const age = deps.now().getTime() - new Date(record.at).getTime();
  if (age >= STUCK_SENDING_MS) return { kind: 'unknown', period: record.period, since: record.at };
  return {
    kind: 'failed',
    error:
      `Another attempt started at ${record.at} and has not recorded whether the email was sent, so it is not sent ` +
      'again now. If no other run is sending, it is reported as an unknown delivery after an hour; to send it again ' +
      `now: ${resendCommand(record.practiceCode, record.period)}`,
  };
}

/** The error's class and our message: never a recipient address or patient data. */
function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}
