/** First characters that make Excel, LibreOffice or Google Sheets treat a CSV field as a formula. */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * Makes a text value safe for spreadsheet users who open the tidy CSV (SPEC §2.4: values that
 * start with `=`, `+`, `-`, `@` are data, never formulas).
 *
 * A CSV has no cell types, so a spreadsheet decides from the first character whether a field is
 * a formula: `=HYPERLINK(...)` in a practice name or an unrecognised preference value would run
 * when the file is opened ("CSV injection", OWASP). A leading single quote is the convention
 * spreadsheets use for "this is text": Excel hides it, and Power BI and scripts see the quote and
 * the original text, which is unambiguous. Only text is passed through here: numbers (such as a
 * negative change) are never altered. The workbooks do not need this: their cells are typed.
 */
export function spreadsheetSafeText(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.has(text.charAt(0)) ? `'${text}` : text;
}
