import { relative, resolve } from 'node:path';
import { Command } from 'commander';
import { isPeriod, monthName } from '../../core/period';
import { UsageError } from '../../errors';
import { withLocalSession } from '../local-session';
import { type NotifySummary, notifyInSession } from '../notify-local';
import { commandEnvironment } from './command-environment';

/** `pcm-report notify --period YYYY-MM [--dry-run]`: email each practice once for that month. */
export function notifyCommand(): Command {
  return new Command('notify')
    .description(
      'Email each practice that reported in a month its numbers and a link to its gap list (once per practice and month)',
    )
    .requiredOption('--period <YYYY-MM>', 'the month to notify, e.g. 2026-10')
    .option('--dry-run', 'show what would be sent; send nothing and record nothing')
    .option('--out <dir>', 'the output folder of `run`; local state is kept in <out>/.state', 'out')
    .option(
      '--config <file>',
      'JSON settings: senderAddress, attachmentDomains, linkExpiryDays, icbName (see docs/email.md)',
    )
    .addHelpText(
      'after',
      '\nEmails are written as .eml files to <out>/YYYY-MM/outbox/ unless MAIL_TRANSPORT=smtp and SMTP_URL are set.\n' +
        'A practice that was already emailed for the month is skipped: re-running sends nothing twice.',
    )
    .action(async (options: { period: string; dryRun?: boolean; out: string; config?: string }) => {
      if (!isPeriod(options.period)) {
        throw new UsageError(`--period "${options.period}" is not a month: expected YYYY-MM, e.g. 2026-10.`);
      }
      const env = await commandEnvironment(options.config);
      const summary = await withLocalSession(resolve(options.out), env, (session) =>
        notifyInSession(session, { period: options.period, dryRun: options.dryRun }),
      );
      for (const line of formatNotifySummary(summary)) process.stdout.write(`${line}\n`);
      if (summary.failed.length > 0) process.exitCode = 1;
    });
}

/** The table `notify` prints: one row per directory or reporting practice, then the totals. */
export function formatNotifySummary(summary: NotifySummary, cwd = process.cwd()): string[] {
  const rows: { code: string; result: string; to: string; gapList: string; subject?: string }[] = [];
  const failed = new Map(summary.failed.map((f) => [f.practiceCode, f.error]));
  const sent = new Set(summary.sent);
  for (const p of summary.planned) {
    const result = summary.dryRun
      ? 'would send'
      : sent.has(p.practiceCode)
        ? 'sent'
        : failed.has(p.practiceCode)
          ? 'FAILED'
          : 'not sent';
    rows.push({
      code: p.practiceCode,
      result,
      to: p.to,
      gapList: p.attach ? 'attached + link' : 'link',
      subject: p.subject,
    });
  }
  const plannedCodes = new Set(summary.planned.map((p) => p.practiceCode));
  for (const code of failed.keys()) {
    if (!plannedCodes.has(code)) rows.push({ code, result: 'FAILED', to: '', gapList: '' });
  }
  for (const s of summary.skipped)
    rows.push({ code: s.practiceCode, result: `skipped: ${s.why}`, to: '', gapList: '' });
  rows.sort((a, b) => a.code.localeCompare(b.code));

  const lines = [
    `${monthName(summary.period)}: practice emails${summary.dryRun ? ' (dry run: nothing sent, nothing recorded)' : ''}`,
  ];
  const wide = (values: string[], header: string) => Math.max(header.length, ...values.map((v) => v.length));
  const toWidth = wide(
    rows.map((r) => r.to),
    'To',
  );
  const gapWidth = wide(
    rows.map((r) => r.gapList),
    'Gap list',
  );
  lines.push(`  ${'Practice'.padEnd(8)}  ${'To'.padEnd(toWidth)}  ${'Gap list'.padEnd(gapWidth)}  Result`);
  for (const r of rows) {
    lines.push(`  ${r.code.padEnd(8)}  ${r.to.padEnd(toWidth)}  ${r.gapList.padEnd(gapWidth)}  ${r.result}`.trimEnd());
    if (r.subject) lines.push(`  ${''.padEnd(8)}  Subject: ${r.subject}`);
    const error = failed.get(r.code);
    if (error) lines.push(`  ${''.padEnd(8)}  ${error}`);
  }
  const totals = summary.dryRun
    ? `${summary.planned.length} would be sent, ${summary.skipped.length} skipped.`
    : `${summary.sent.length} sent, ${summary.skipped.length} skipped, ${summary.failed.length} failed.`;
  lines.push(totals);
  if (!summary.dryRun && summary.outboxDir && summary.sent.length > 0) {
    lines.push(
      `Emails written to ${relative(cwd, summary.outboxDir) || '.'}/ (open the .eml files in any mail client).`,
    );
  }
  if (summary.failed.length > 0) lines.push('Failed emails are recorded and tried again when you run notify again.');
  return lines;
}
