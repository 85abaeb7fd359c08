import { percentage } from '../core/metrics/percentage';
import { disclosedCount, shareOfPublished } from '../core/metrics/suppress-small-numbers';
import type { PeriodReport } from '../core/report/period-report';
import { SETTING_DEFAULTS } from '../defaults';
import { loadPeriodReport } from '../pipeline/load-period-report';
import type { PortalDeps } from './portal-deps';

/** The headline numbers of the months list. */
export interface MonthHeadline {
  period: string;
  reportingPractices: number;
  /** Under disclosure control, as published (rounded to 5, or `*`). */
  patients: number | string;
  /** Unrounded, undefined when no patients were counted; under disclosure control, from the published totals. */
  noPreferencePct: number | undefined;
}

/**
 * The SMS cost assumptions do not change any figure the portal shows (only the workbook's cost
 * column), so the portal uses the pipeline's defaults rather than needing their settings.
 */
const PORTAL_ASSUMPTIONS = {
  costPerFragmentGbp: SETTING_DEFAULTS.smsCostPerFragmentGbp,
  invitesPerYear: SETTING_DEFAULTS.smsInvitesPerYear,
  fragmentsPerInvite: SETTING_DEFAULTS.smsFragmentsPerInvite,
  vatRate: SETTING_DEFAULTS.smsVatRate,
};
/** A month page asks for its report three times (page, funnel, trend): reuse it briefly. */
const REPORT_REUSE_MS = 60_000;

export type PortalReports = ReturnType<typeof portalReports>;

/** The report models behind the pages, read from the same stores the monthly job reads. */
export function portalReports(deps: PortalDeps) {
  const recent = new Map<string, { at: number; report: Promise<PeriodReport> }>();

  async function periods(): Promise<string[]> {
    return deps.snapshots.listPeriods();
  }

  async function headlines(): Promise<MonthHeadline[]> {
    const all = await periods();
    return Promise.all(
      all.map(async (period) => {
        const snapshots = await deps.snapshots.listSnapshots(period);
        const patients = snapshots.reduce((sum, s) => sum + s.counts.registered, 0);
        const noPreference = snapshots.reduce((sum, s) => sum + s.counts.noPreference, 0);
        if (!deps.config.suppressSmallNumbers) {
          return {
            period,
            reportingPractices: snapshots.length,
            patients,
            noPreferencePct: percentage(noPreference, patients),
          };
        }
        // As the workbook's Summary publishes the ICB's totals (SPEC §3): rounded, the share from the rounded ones.
        const shownPatients = disclosedCount(patients);
        return {
          period,
          reportingPractices: snapshots.length,
          patients: shownPatients,
          noPreferencePct: shareOfPublished(disclosedCount(noPreference), shownPatients),
        };
      }),
    );
  }

  /** The period's report model, or undefined when nothing was ingested for it. */
  async function report(period: string): Promise<PeriodReport | undefined> {
    if (!(await periods()).includes(period)) return undefined;
    const now = deps.now().getTime();
    const cached = recent.get(period);
    if (cached && now - cached.at < REPORT_REUSE_MS) return cached.report;
    const loaded = loadPeriodReport(
      {
        snapshots: deps.snapshots,
        ledger: deps.ledger,
        directory: deps.directory,
        config: {
          icbName: deps.config.icbName,
          assumptions: PORTAL_ASSUMPTIONS,
          suppressSmallNumbers: deps.config.suppressSmallNumbers,
        },
        now: deps.now,
      },
      period,
    ).then((r) => r.report);
    recent.set(period, { at: now, report: loaded });
    loaded.catch(() => recent.delete(period));
    return loaded;
  }

  return { periods, headlines, report };
}
