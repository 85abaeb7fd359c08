import { describeWithheld } from './describe-withheld';
import { personalShapeOf } from './personal-shape';
import { quoteInputTexts } from './quote-input-texts';
import { noneWithheld } from './screen-input-values';

/**
 * The "Columns found" of a rejected header line (SPEC §8), before any name of the export is known. When no cell
 * has a personal shape, every header is quoted. When one has (the header line is merged with a data row, so any
 * cell may be a patient's name), only the known headers — those that matched a field — are quoted, the others
 * counted, and the personal-looking cells described by shape:
 * `"NHS Number", "Date of Birth" and 6 other columns, not quoted because … Withheld as possibly personal data: …`
 */
export function describeFoundColumns(header: readonly string[], known: ReadonlySet<number>): string {
  const withheld = noneWithheld();
  for (const cell of header) {
    const shape = personalShapeOf(cell);
    if (shape !== undefined) withheld[shape]++;
  }
  const shapes = describeWithheld(withheld);
  if (shapes === undefined) return quoteInputTexts(header);
  const quoted = header.filter((_, i) => known.has(i)).map((text) => `"${text}"`);
  const others = header.length - quoted.length;
  const list =
    quoted.length === 0
      ? `${others} columns`
      : `${quoted.join(', ')} and ${others} other column${others === 1 ? '' : 's'}`;
  return `${list}, not quoted because the header line looks like it holds a patient's details. ${shapes}`;
}
