import { CsvError } from 'csv-parse';
import { describe, expect, it } from 'vitest';
import { type CsvRecordWithInfo, eachCsvRecord } from '../../../../lambdas/core/read/each-csv-record';

function records(text: string): { cells: string[]; line: number }[] {
  const seen: { cells: string[]; line: number }[] = [];
  eachCsvRecord(text, { bom: true, relax_column_count: true, skip_empty_lines: true }, (r: CsvRecordWithInfo) => {
    seen.push({ cells: [...r.record], line: r.info.lines });
  });
  return seen;
}

describe('eachCsvRecord', () => {
  it('hands over each record with the line it ends on, skipping empty lines and a BOM', () => {
    expect(records('\ufeffname,text\n\nreminder,"Two\nlines"\nshort\n')).toEqual([
      { cells: ['name', 'text'], line: 1 },
      { cells: ['reminder', 'Two\nlines'], line: 4 },
      { cells: ['short'], line: 5 },
    ]);
  });

  it("throws csv-parse's own error for a quote that never closes", () => {
    expect(() => records('name,text\nreminder,"never closed\n')).toThrow(CsvError);
  });
});
