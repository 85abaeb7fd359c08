import { describe, expect, it } from 'vitest';
import { mapHeader } from '../../../../lambdas/core/fields/header-mapping';
import type { ExportRecord } from '../../../../lambdas/core/read/open-export';
import { type RowContext, rowLayout } from '../../../../lambdas/core/tally/interpret-row';
import { MemorySpillFile, type SpillExtent } from '../../../../lambdas/core/tally/spill-file';
import { tallyExportRows } from '../../../../lambdas/core/tally/tally-export-rows';
import { syntheticNhsNumbers } from '../../../support/synthetic-nhs-number';

const LAYOUT = rowLayout(mapHeader(['NHS Number', 'Practice Code', 'Preferred Contact Method', 'Date of Birth']));
const CONTEXT: RowContext = { practiceCodeFromKey: undefined, fileExtractDate: '2026-10-31' };

const records = (rows: string[][]): ExportRecord[] => rows.map((cells, i) => ({ line: i + 2, cells }));

/** Counts how often the tally writes to its spill file. */
class CountingSpillFile extends MemorySpillFile {
  writes = 0;
  override write(bytes: Uint8Array): SpillExtent {
    this.writes++;
    return super.write(bytes);
  }
}

describe('tallyExportRows', () => {
  it('counts each practice’s rows, duplicates and invalid NHS numbers, and the rows with no practice', async () => {
    // 9990000018, …26, …34, …42 are valid (Modulus 11); 9990000001 is not.
    const { tallies, unattributedRows } = await tallyExportRows(
      [
        records([
          ['9990000018', 'A81001', 'SMS', '01/01/1980'],
          ['9990000026', 'B82002', '', '01/01/1990'],
        ]),
        records([
          ['9990000018', 'A81001', 'SMS', '01/01/1980'],
          ['9990000001', 'A81001', 'Email', '01/01/1970'],
        ]),
        records([
          ['9990000034', '', 'Letter', '01/01/1960'],
          ['9990000042', 'B82002', 'Letter', '01/01/2015'],
        ]),
      ],
      LAYOUT,
      CONTEXT,
    );
    expect([...tallies.keys()]).toEqual(['A81001', 'B82002']);
    expect(unattributedRows).toBe(1);

    const a = tallies.get('A81001');
    expect(a?.counts).toMatchObject({ rowsRead: 3, rowsRejected: 1, duplicateRows: 1, registered: 1, prefSms: 1 });
    expect(a?.rejectedByReason).toEqual({ invalid_nhs_number: 1 });

    const b = tallies.get('B82002');
    expect(b?.counts).toMatchObject({ rowsRead: 2, rowsRejected: 0, registered: 2, noPreference: 1, prefLetter: 1 });
    expect(b?.counts.adults16plus).toBe(1);
    expect(b?.noPreference.map((p) => p.nhsNumber)).toEqual(['9990000026']);
  });

  it('rejects short rows by reason and counts patients read without trailing optional columns', async () => {
    // The header has 4 columns; Date of Birth (index 3) is required, so a 3-cell row is short.
    const layout = rowLayout(
      mapHeader(['NHS Number', 'Practice Code', 'Preferred Contact Method', 'Date of Birth', 'Mobile']),
      5,
    );
    const counted = await tallyExportRows(
      [
        records([
          ['9990000018', 'A81001', 'SMS', '01/01/1980', '07700 900123'],
          ['9990000026', 'A81001', 'Letter', '01/01/1990'],
          ['9990000034', 'A81001', ''],
          ['9990000042', 'A81001'],
          ['9.99E+09', 'A81001', 'SMS', '01/01/1980', ''],
        ]),
      ],
      layout,
      CONTEXT,
    );
    const a = counted.tallies.get('A81001');
    expect(a?.counts).toMatchObject({ rowsRead: 5, rowsRejected: 3, registered: 2, prefSms: 1, prefLetter: 1 });
    expect(a?.counts.noPreference).toBe(0);
    expect(a?.rejectedByReason).toEqual({ short_row: 2, invalid_nhs_number: 1 });
    expect(counted.rowsMissingOptionalColumns).toBe(1);
    expect(counted.nhsNumbersInScientificNotation).toBe(1);
  });

  it('keeps rows coded for another practice out of a named practice’s file, counted by code as foreign rows', async () => {
    const { tallies, foreignRows } = await tallyExportRows(
      [
        records([
          ['9990000018', 'D10009', 'SMS', '01/01/1980'],
          ['9990000026', 'D10008', '', '01/01/1990'],
          ['9990000034', '', 'Letter', '01/01/1960'],
          ['9990000042', 'D10008', 'Letter', '01/01/2015'],
        ]),
      ],
      LAYOUT,
      { ...CONTEXT, practiceCodeFromKey: 'D10009' },
    );
    // The empty cell falls back to the named practice; the two D10008 rows are nobody's.
    expect([...tallies.keys()]).toEqual(['D10009']);
    expect(tallies.get('D10009')?.counts).toMatchObject({ rowsRead: 2, registered: 2 });
    expect([...foreignRows]).toEqual([['D10008', 2]]);
  });

  it('returns no tallies when no row names a practice', async () => {
    const { tallies, unattributedRows } = await tallyExportRows(
      [records([['9990000018', '', 'SMS', '01/01/1980']]), records([['9990000026', 'ABC', '', '']])],
      LAYOUT,
      CONTEXT,
    );
    expect(tallies.size).toBe(0);
    expect(unattributedRows).toBe(2);
  });

  it('parks a large practice in the spill file when the file moves on to another, with the same counts', async () => {
    const numbers = syntheticNhsNumbers(1102);
    // 1,100 patients of A81001 (over the 1,024 a tally keeps in memory when parked), one of B82002, one more of A81001.
    const rows = [
      ...numbers.slice(0, 1100).map((n) => [n, 'A81001', 'SMS', '01/01/1980']),
      [numbers[1100] as string, 'B82002', '', '01/01/1990'],
      [numbers[1101] as string, 'A81001', '', '01/01/1990'],
    ];
    const spill = new CountingSpillFile();
    const spilled = await tallyExportRows([records(rows)], LAYOUT, CONTEXT, spill);
    const inMemory = await tallyExportRows([records(rows)], LAYOUT, CONTEXT);

    expect(spill.writes).toBeGreaterThan(0);
    expect(spilled.tallies.get('A81001')?.counts).toMatchObject({ registered: 1101, prefSms: 1100, noPreference: 1 });
    expect(spilled.tallies.get('A81001')?.counts).toEqual(inMemory.tallies.get('A81001')?.counts);
    expect(spilled.tallies.get('B82002')?.counts.registered).toBe(1);
  });
});
