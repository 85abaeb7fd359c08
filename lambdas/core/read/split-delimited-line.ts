/**
 * Splits one line on `delimiter`, honouring double quotes: a field that starts with `"` may hold the
 * delimiter, and `""` inside it is one quote. Used to find the header line among preamble lines,
 * before the delimiter is known; the data rows themselves are parsed by csv-parse.
 * A quote inside an unquoted field is kept as written; an unclosed quote runs to the end of the line.
 */
export function splitDelimitedLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (line[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      wasQuoted = false;
    } else if (ch === '"' && !wasQuoted && cell.trim() === '') {
      quoted = true;
      wasQuoted = true;
      cell = '';
    } else {
      cell += ch;
    }
  }
  cells.push(cell);
  return cells;
}
