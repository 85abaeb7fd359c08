import type { SeenNames } from './seen-names';
import { withheldShape } from './withheld-shape';

/** Header texts listed in Data quality ("Columns ignored"); the rest are one "N other columns" entry. */
export const MAX_LISTED_HEADERS = 50;

/**
 * Header texts read from an export (e.g. the columns it ignored) as they may be stored and shown: those that
 * cannot be personal data (no personal shape, not a name of the export), at most MAX_LISTED_HEADERS, in their
 * order, then `(N other columns)` for the rest, so 100,000 columns cannot fill an item (or a sheet).
 */
export function screenHeaderList(headers: readonly string[], names?: SeenNames): string[] {
  const listed: string[] = [];
  let others = 0;
  for (const header of headers) {
    if (listed.length < MAX_LISTED_HEADERS && withheldShape(header, names) === undefined) listed.push(header);
    else others++;
  }
  if (others > 0) listed.push(`(${others} other column${others === 1 ? '' : 's'})`);
  return listed;
}
