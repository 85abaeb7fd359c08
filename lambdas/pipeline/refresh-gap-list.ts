import { createHash } from 'node:crypto';
import type { GapList } from '../core/report/gap-list';
import { type GapListHeading, gapListHeading } from '../core/report/gap-list-heading';
import type { PeriodReport } from '../core/report/period-report';
import type { PracticeSnapshot } from '../core/snapshot';
import type { ObjectStore, SnapshotStore } from '../ports';
import { renderGapListNhsNumbers } from '../render/gap-list-nhs-numbers';
import { GAP_LIST_LAYOUT, renderGapListWorkbook } from '../render/gap-list-workbook';
import { previousGapList } from './previous-gap-list';
import { reportKeys, XLSX_TYPE } from './report-keys';
import { readStagedFixRows } from './staged-fix-rows';
import { type GapRows, readStagedGapRows } from './staged-gap-rows';

/** The S3 user-metadata key holding what a stored gap list was rendered from (see gapListFingerprint). */
export const GAP_LIST_FINGERPRINT_KEY = 'gap-list-fingerprint';

export interface GapListRefreshDeps {
  objects: ObjectStore;
  config: { reportsBucket: string };
  /** To find last month's list, for the "new this month" marker. */
  snapshots: Pick<SnapshotStore, 'getSnapshot'>;
}

/**
 * A hash of everything a gap list is rendered from: the heading (the practice's numbers and its place in
 * the ICB), the export its patient rows came from, the export of last month's list it is compared with (the
 * "new this month" marker), and the layout version. Equal fingerprints mean the
 * same workbook, so it need not be rendered again.
 */
export function gapListFingerprint(
  heading: GapListHeading,
  source: PracticeSnapshot['source'],
  previousSource?: PracticeSnapshot['source'],
): string {
  const what = {
    layout: GAP_LIST_LAYOUT,
    heading,
    source: sourceParts(source),
    previous: previousSource && sourceParts(previousSource),
  };
  return createHash('sha256').update(JSON.stringify(what)).digest('hex');
}

function sourceParts(source: PracticeSnapshot['source']): (string | undefined)[] {
  return [source.bucket, source.key, source.etag, source.member];
}

/**
 * Makes the practice's stored gap list match `report`: renders it from the staged rows of the snapshot's
 * export, unless the stored workbook was already rendered from the same heading and rows (its fingerprint
 * says so). The ingest renders each list with the ICB as known then; the monthly report re-renders only
 * those whose numbers or place in the ICB have changed since, so an ICB-wide export is rendered once.
 */
export async function refreshGapList(
  deps: GapListRefreshDeps,
  report: PeriodReport,
  snapshot: PracticeSnapshot,
): Promise<{ key: string; rendered: boolean }> {
  const bucket = deps.config.reportsBucket;
  const { period, practiceCode } = snapshot;
  const key = reportKeys.gapList(practiceCode, period);
  const heading = gapListHeading(report, snapshot);
  const previousList = await previousGapList(deps, snapshot);
  const fingerprint = gapListFingerprint(heading, snapshot.source, previousList?.source);
  const stored = await deps.objects.head(bucket, key);
  if (stored?.metadata[GAP_LIST_FINGERPRINT_KEY] === fingerprint) return { key, rendered: false };

  const rows = {
    ...(await readStagedGapRows(deps, snapshot)),
    fixRecords: await readStagedFixRows(deps, snapshot),
    previousList,
  };
  await writeGapList(deps, heading, rows, snapshot.source);
  return { key, rendered: true };
}

/**
 * Renders a gap list and stores it with its fingerprint, after the NHS-number file beside it: the workbook's
 * fingerprint then vouches for both, so a list found up to date never lacks its file. Returns the workbook's key.
 */
export async function writeGapList(
  deps: Pick<GapListRefreshDeps, 'objects' | 'config'>,
  heading: GapListHeading,
  rows: GapRows & Partial<Pick<GapList, 'fixRecords' | 'previousList'>>,
  source: PracticeSnapshot['source'],
  render: (gapList: GapList) => Promise<Buffer> = renderGapListWorkbook,
): Promise<string> {
  const key = reportKeys.gapList(heading.practiceCode, heading.period);
  // The NHS-number file is written while the workbook renders; the workbook goes only once both are done.
  const [, workbook] = await Promise.all([
    deps.objects.put(
      deps.config.reportsBucket,
      reportKeys.gapListNhsNumbers(heading.practiceCode, heading.period),
      renderGapListNhsNumbers(rows.noPreference),
      'text/csv; charset=utf-8',
    ),
    render({ ...heading, ...rows }),
  ]);
  const fingerprint = gapListFingerprint(heading, source, rows.previousList?.source);
  await deps.objects.put(deps.config.reportsBucket, key, workbook, XLSX_TYPE, {
    [GAP_LIST_FINGERPRINT_KEY]: fingerprint,
  });
  return key;
}
