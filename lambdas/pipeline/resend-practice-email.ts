import { loadPeriodReport } from './load-period-report';
import { gapListFolder, type NotifyDeps, type NotifyResult, notifyPractice, record } from './notify-practices';
import { reportKeys } from './report-keys';

/**
 * Sends one practice's email for a period again, whatever the notification ledger says (an unknown delivery, a
 * practice that lost the email), and records the new send. The local `notify --resend` command calls it through
 * the notify handler; the report portal's admin page can call it with the deployed stores. The practice must
 * have reported in the period, be in the directory with an address and have a gap list, as for any email.
 */
export async function resendPracticeEmail(
  deps: NotifyDeps,
  practiceCode: string,
  period: string,
  options: { dryRun?: boolean } = {},
): Promise<NotifyResult> {
  const result: NotifyResult = { sent: [], skipped: [], failed: [], planned: [], unknownDelivery: [] };
  const { report, snapshots } = await loadPeriodReport(
    { ...deps, config: { ...deps.config, suppressSmallNumbers: false } },
    period,
  );
  if (!snapshots.some((s) => s.practiceCode === practiceCode)) {
    record(result, practiceCode, { kind: 'skipped', why: 'no export for this period' });
    return result;
  }
  const [entries, gapListKeys] = await Promise.all([
    deps.directory.listPractices(),
    deps.objects.list(deps.config.reportsBucket, gapListFolder(period)),
  ]);
  const outcome = await notifyPractice(deps, {
    report,
    period,
    practiceCode,
    dryRun: options.dryRun ?? false,
    entry: entries.find((entry) => entry.practiceCode === practiceCode),
    metrics: report.practices.find((row) => row.practice_code === practiceCode),
    hasGapList: gapListKeys.includes(reportKeys.gapList(practiceCode, period)),
    resend: true,
  });
  record(result, practiceCode, outcome);
  deps.logger.info(options.dryRun ? 'practice email resend planned (dry run)' : 'practice email resent', {
    period,
    practiceCode,
    outcome: outcome.kind,
  });
  return result;
}
