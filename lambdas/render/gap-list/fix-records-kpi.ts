import type { GapList } from '../../core/report/gap-list';
import { UNRECOGNISED_PREFERENCE } from '../../core/tally/fix-record-codec';
import type { Kpi } from '../kpi-table';
import { NUM_FMT } from '../number-formats';

/** The Summary's line for the Fix records sheet: how many, and of which kind. */
export function fixRecordsKpi(gapList: GapList): Kpi {
  const rows = gapList.fixRecords?.rows ?? [];
  const more = gapList.fixRecords?.more ?? 0;
  const unrecognised = rows.filter((f) => f.reason === UNRECOGNISED_PREFERENCE).length;
  const listed = `${unrecognised} have a preference value that could not be read, ${rows.length - unrecognised} rows were left out of the counts (invalid NHS number or a row cut short)`;
  return {
    label: 'Records to fix',
    value: rows.length + more,
    numFmt: NUM_FMT.count,
    note: `On the Fix records sheet: ${listed}${more > 0 ? `, and ${more} more not listed` : ''}.`,
  };
}
