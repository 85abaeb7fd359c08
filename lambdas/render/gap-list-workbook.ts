import type { GapList } from '../core/report/gap-list';
import { formatPeriod } from './format-period';
import { addFixContactDetailsSheet } from './gap-list/fix-contact-details-sheet';
import { addNoPreferenceSheet } from './gap-list/no-preference-sheet';
import { OFFICIAL_SENSITIVE } from './gap-list/official-sensitive';
import { addGapListSummarySheet } from './gap-list/summary-sheet';
import { streamWorkbook } from './stream-workbook';

/**
 * The gap list layout version. Bump it with any change to what a gap list shows or how, so that the next
 * monthly report re-renders lists stored by the older code (their fingerprint no longer matches).
 */
export const GAP_LIST_LAYOUT = 2;

/**
 * The practice gap list `gap-list-<ODS>-YYYY-MM.xlsx` (SPEC §4.2): Summary, No preference and Fix
 * contact details, each marked OFFICIAL-SENSITIVE. Only the minimum personal data needed to act.
 * Streamed (see streamWorkbook): a large practice's list has ~10,000 rows and many are rendered.
 */
export async function renderGapListWorkbook(gapList: GapList): Promise<Buffer> {
  return streamWorkbook((workbook) => {
    workbook.creator = 'pcm-reporter';
    workbook.title = `Gap list ${gapList.practiceCode} ${formatPeriod(gapList.period)}`;
    workbook.subject = OFFICIAL_SENSITIVE;
    workbook.keywords = 'OFFICIAL-SENSITIVE';
    addGapListSummarySheet(workbook, gapList);
    addNoPreferenceSheet(workbook, gapList);
    addFixContactDetailsSheet(workbook, gapList);
  });
}
