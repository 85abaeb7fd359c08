import { relative } from 'node:path';
import { monthName } from '../core/period';
import { practiceSummary } from './practice-summary';
import type { LocalRunSummary, ProgressEvent } from './run-local';
import { unknownDeliveryText } from './unknown-delivery-text';

const number = new Intl.NumberFormat('en-GB');

/** "[ 3/37]": which file of how many. */
export function filePosition(index: number, total: number): string {
  return `[${String(index).padStart(String(total).length)}/${total}]`;
}

/** One line per step, on stderr, so stdout stays the summary (the live row count is progress-printer.ts's). */
export function printProgress(
  event: ProgressEvent,
  write: (line: string) => unknown = (line) => process.stderr.write(`${line}\n`),
): void {
  switch (event.kind) {
    case 'directory':
      write(`Practice directory: ${event.practices} practices loaded.`);
      for (const r of event.rejected) write(`  ! line ${r.line}, ${r.field}: ${r.message}`);
      break;
    case 'reading':
      write(`${filePosition(event.index, event.total)} ${event.file}: ${number.format(event.rows)} rows read…`);
      break;
    case 'ingest': {
      const position = filePosition(event.index, event.total);
      const { outcome } = event;
      if (outcome.status === 'already_ingested') {
        write(`${position} ${event.file}: already ingested, skipped`);
        break;
      }
      const practices = practiceSummary(outcome.practices);
      if (practices) write(`${position} ${event.file}: ${practices}`);
      for (const r of outcome.rejections) write(`${position} ${r.file}: QUARANTINED (${r.reason}) ${r.message}`);
      break;
    }
    case 'report':
      write(`Report ${event.period}: ${event.reporting} of ${event.expected} practices reported.`);
      break;
  }
}

/** The one-screen summary at the end of `run`. */
export function printSummary(
  summary: LocalRunSummary,
  elapsedMs: number,
  write = (line: string) => process.stdout.write(`${line}\n`),
): void {
  const here = (path: string) => relative(process.cwd(), path) || '.';
  write('');
  write(
    `Done in ${(elapsedMs / 1000).toFixed(1)} s: ${summary.exports} export file(s), ${summary.practices.length} practices, ${number.format(summary.patients)} patients.`,
  );
  for (const p of summary.periods) {
    write(`  ${monthName(p.period)}: ${p.reporting} of ${p.expected} practices reported, ${p.gapLists} gap lists`);
    write(`    ${here(p.dir)}/icb-report-${p.period}.xlsx`);
    write(`    ${here(p.dir)}/practice-metrics-${p.period}.csv`);
    write(`    ${here(p.dir)}/gap-lists/`);
  }
  if (summary.quarantined.length > 0) {
    write(
      `  ${summary.quarantined.length} file(s) quarantined (kept, with the reason beside them in ${here(summary.outDir)}/quarantine/):`,
    );
    for (const q of summary.quarantined) write(`    ${q.file}: ${q.reason}. ${q.message}`);
  }
  if (summary.refused.length > 0) {
    write(`  ${summary.refused.length} file(s) not read:`);
    for (const r of summary.refused) write(`    ${r.message}`);
  }
  const notify = summary.notify;
  if (notify) {
    const where = notify.outboxDir ? ` to ${here(notify.outboxDir)}/` : '';
    const skipped =
      notify.skipped.length > 0
        ? `, ${notify.skipped.length} skipped (${[...new Set(notify.skipped.map((s) => s.why))].join('; ')})`
        : '';
    write(`  Practice emails for ${monthName(notify.period)}: ${notify.sent.length} written${where}${skipped}.`);
    for (const f of notify.failed) write(`    ! ${f.practiceCode}: ${f.error}`);
    for (const u of notify.unknownDelivery) write(`    ? ${u.practiceCode}: ${unknownDeliveryText(u)}`);
  }
  if (summary.periods.length === 0) write('No report was built: no export could be ingested. See the messages above.');
  else write(`Open them in the report portal: npm start -- serve --out ${here(summary.outDir)}`);
}
