import { splitDelimitedLine } from './split-delimited-line';

export type ExportDelimiter = ',' | '\t' | '|' | ';';

/** The delimiters exports use, in order of preference when two give the same number of cells. */
export const EXPORT_DELIMITERS: readonly ExportDelimiter[] = [',', '\t', '|', ';'];

/**
 * Tries the line as a header with each delimiter; returns the delimiter and trimmed cells for which
 * `isHeader` holds, preferring the delimiter that gives the most cells, or `undefined`.
 */
export function matchHeaderLine(
  line: string,
  isHeader: (cells: readonly string[]) => boolean,
): { delimiter: ExportDelimiter; cells: string[] } | undefined {
  let best: { delimiter: ExportDelimiter; cells: string[] } | undefined;
  for (const delimiter of EXPORT_DELIMITERS) {
    const cells = splitDelimitedLine(line, delimiter).map((cell) => cell.trim());
    if ((best === undefined || cells.length > best.cells.length) && isHeader(cells)) best = { delimiter, cells };
  }
  return best;
}
