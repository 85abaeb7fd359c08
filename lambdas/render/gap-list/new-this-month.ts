import { previousPeriod } from '../../core/period';
import type { GapList, GapListPatient } from '../../core/report/gap-list';
import { formatPeriod } from '../format-period';
import type { Kpi } from '../kpi-table';
import { NUM_FMT } from '../number-formats';

/** The No preference sheet's marker: "New" when the patient was not on last month's list; blank otherwise. */
export function newThisMonthMark(gapList: GapList, patient: Pick<GapListPatient, 'nhsNumber'>): string | null {
  const previous = gapList.previousList;
  return previous !== undefined && !previous.nhsNumbers.has(patient.nhsNumber) ? 'New' : null;
}

/** How many No preference patients were not on last month's list; undefined with no list to compare. */
export function newThisMonthCount(gapList: GapList): number | undefined {
  const previous = gapList.previousList;
  if (previous === undefined) return undefined;
  let count = 0;
  for (const patient of gapList.noPreference) if (!previous.nhsNumbers.has(patient.nhsNumber)) count++;
  return count;
}

/** The Summary's line for the marker: the count, or why nobody is marked. */
export function newThisMonthKpi(gapList: GapList): Kpi {
  const count = newThisMonthCount(gapList);
  const lastMonth = formatPeriod(previousPeriod(gapList.period));
  if (count === undefined) {
    return {
      label: 'New on the list this month',
      value: 'None marked',
      note: `First month: nothing to compare. There is no list for ${lastMonth}, so no patient is marked "New".`,
    };
  }
  return {
    label: 'New on the list this month',
    value: count,
    numFmt: NUM_FMT.count,
    note: `Marked "New" on the No preference sheet: not on the list for ${lastMonth}.`,
  };
}
