import { CsvError } from 'csv-parse';
import { describe, expect, it } from 'vitest';
import { smallCsvRecords } from '../../../../lambdas/core/read/small-csv-records';

const OPTIONS = { bom: true, relax_column_count: true, skip_empty_lines: true };

describe('smallCsvRecords', () => {
  it('gives each record with the line it ends on, skipping empty lines and a BOM', () => {
    expect(smallCsvRecords('\ufeffname,text\n\nreminder,"Two\nlines"\nshort\n', OPTIONS)).toEqual([
      { cells: ['name', 'text'], line: 1 },
      { cells: ['reminder', 'Two\nlines'], line: 4 },
      { cells: ['short'], line: 5 },
    ]);
  });

  it("throws csv-parse's own error for a quote that never closes", () => {
    expect(() => smallCsvRecords('name,text\nreminder,"never closed\n', OPTIONS)).toThrow(CsvError);
  });
});
