import { describeWithheld } from './describe-withheld';
import { type ScreenOptions, screenInputValues } from './screen-input-values';

/**
 * A list of texts read from an export (such as the headers of a rejected file) for a message: the
 * quotable ones in double quotes, then one sentence counting the others by shape. Ends with a full stop.
 * `"NHS Number", "Surname". Withheld as possibly personal data: 1 value that looks like a date.`
 */
export function quoteInputTexts(texts: readonly string[], options: ScreenOptions = {}): string {
  const screened = screenInputValues(
    texts.map((text) => [text, 1] as const),
    options,
  );
  const quoted = screened.quotable.map(({ value }) => `"${value}"`).join(', ');
  const withheld = describeWithheld(screened.withheld);
  if (withheld === undefined) return quoted === '' ? 'none.' : `${quoted}.`;
  return quoted === '' ? withheld : `${quoted}. ${withheld}`;
}
