import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapHeader } from '../../../../lambdas/core/fields/header-mapping';
import { addCounts, emptyCounts, type PracticeCounts } from '../../../../lambdas/core/metrics/practice-counts';
import { assemblePeriodReport } from '../../../../lambdas/core/report/assemble-period-report';
import { compareGapListPatients } from '../../../../lambdas/core/report/gap-list-order';
import type { PracticeSnapshot } from '../../../../lambdas/core/snapshot';
import { type RowContext, rowLayout } from '../../../../lambdas/core/tally/interpret-row';
import type { PracticeTally } from '../../../../lambdas/core/tally/practice-tally';
import { tallyExportRows } from '../../../../lambdas/core/tally/tally-export-rows';
import { EXPORT_HEADER } from '../../../support/practice-export';
import { syntheticNhsNumbers } from '../../../support/synthetic-nhs-number';

/*
 * Properties of aggregation (issue 6): a practice's numbers do not depend on the order of the rows,
 * nor on how one export is split into several files — per practice when each practice's rows stay
 * together, and in sum when patients are spread over files. ICB totals do not depend on the order
 * snapshots are read. Rows go through the pipeline's own tally step (tallyExportRows: RowInterpreter,
 * then one PracticeTally per practice), in batches of any size, as the reader hands them over.
 */

const SEED = 20261101;

const HEADER = [...EXPORT_HEADER, 'SMS Consent', 'QOF Registers', 'AIS Need'];
const LAYOUT = rowLayout(mapHeader(HEADER));
const CONTEXT: RowContext = { practiceCodeFromKey: undefined, fileExtractDate: '2026-10-31' };

const VALID = syntheticNhsNumbers(60, 5000);
const INVALID = ['9990000001', '12345', '', 'not known'];

/** One export row, with every field drawn from values exports really hold (good and bad). */
const row = fc
  .record({
    nhsNumber: fc.oneof(
      { weight: 9, arbitrary: fc.constantFrom(...VALID) },
      { weight: 1, arbitrary: fc.constantFrom(...INVALID) },
    ),
    surname: fc.constantFrom('Adams', 'adams', 'Zoë', 'Zoe', "O'Brien", 'Baker'),
    forename: fc.constantFrom('Amy', 'Ben', 'Émile', ''),
    dateOfBirth: fc.constantFrom('01/01/1980', '2015-06-15', '20-Feb-1975', '31/10/2010', '', '01/01/2031', 'soon'),
    practiceCode: fc.constantFrom('A81001', 'A81001', 'B82002', 'c83003 ', '', 'ABC'),
    preference: fc.constantFrom(
      '',
      'Unknown',
      'SMS',
      'text',
      'Email',
      'Letter',
      '09',
      'NHS App',
      'Declined',
      'Carrier pigeon',
      'N/A',
      'Minicom',
    ),
    mobile: fc.constantFrom('', '07700 900001', '+44 (0)7700 900009', '12345'),
    email: fc.constantFrom('', 'amy@example.com', 'ben@example'),
    smsConsent: fc.constantFrom('', 'Yes', 'No'),
    registers: fc.constantFrom('', 'DM', 'DM;HYP', 'AST|XYZ'),
    aisNeed: fc.constantFrom('', 'No', 'Large print'),
  })
  .map((r) => [
    r.nhsNumber,
    r.surname,
    r.forename,
    r.dateOfBirth,
    r.practiceCode,
    r.preference,
    r.mobile,
    r.email,
    r.smsConsent,
    r.registers,
    r.aisNeed,
  ]);

/** Rows with distinct NHS numbers (so which of two rows is "first" never matters), plus exact repeats of some. */
const rowsWithRepeats = fc
  .uniqueArray(row, { selector: (cells) => cells[0], minLength: 1, maxLength: 40 })
  .chain((rows) =>
    fc
      .array(fc.nat({ max: rows.length - 1 }), { maxLength: 6 })
      .map((repeats) => [...rows, ...repeats.map((i) => [...(rows[i] as string[])])]),
  );

/** A permutation of the rows, from one random key per row. */
const permuted = <T>(rows: T[]) =>
  fc.array(fc.double({ noNaN: true }), { minLength: rows.length, maxLength: rows.length }).map((keys) =>
    rows
      .map((r, i) => ({ r, k: keys[i] as number }))
      .sort((a, b) => a.k - b.k)
      .map(({ r }) => r),
  );

/** What the pipeline does with one file's rows, handed over in batches of `batchSize` (default: one batch). */
async function tallyFile(rows: readonly string[][], batchSize = rows.length): Promise<Map<string, PracticeTally>> {
  const records = rows.map((cells, i) => ({ line: i + 2, cells: [...cells] }));
  const batches: (typeof records)[] = [];
  for (let start = 0; start < records.length; start += Math.max(batchSize, 1)) {
    batches.push(records.slice(start, start + Math.max(batchSize, 1)));
  }
  return (await tallyExportRows(batches, LAYOUT, CONTEXT)).tallies;
}

/** Everything a tally produces, with the gap list rows in their report order. */
function summary(tally: PracticeTally | undefined) {
  if (!tally) return undefined;
  return {
    counts: tally.counts,
    registers: tally.registers,
    rejectedByReason: tally.rejectedByReason,
    unrecognisedValues: tally.unrecognisedValues,
    unknownRegisterCodes: tally.unknownRegisterCodes,
    extractDate: tally.extractDate,
    noPreference: [...tally.noPreference].sort(compareGapListPatients),
    fixContactDetails: [...tally.fixContactDetails].sort(
      (a, b) => compareGapListPatients(a, b) || a.problem.localeCompare(b.problem),
    ),
  };
}

function summaries(tallies: Map<string, PracticeTally>) {
  return Object.fromEntries([...tallies.keys()].sort().map((code) => [code, summary(tallies.get(code))]));
}

function snapshotOf(tally: PracticeTally): PracticeSnapshot {
  return {
    period: '2026-10',
    practiceCode: tally.practiceCode,
    extractDate: '2026-10-31',
    clinicalSystem: 'SystmOne',
    source: { bucket: 'b', key: `${tally.practiceCode}.csv`, etag: 'e' },
    ingestedAt: '2026-11-01T00:00:00.000Z',
    counts: tally.counts,
    registers: tally.registers,
    rejectedByReason: tally.rejectedByReason,
    unrecognisedValues: tally.unrecognisedValues,
    unknownRegisterCodes: tally.unknownRegisterCodes,
  };
}

/** Rounds every number in a value (floating-point sums may differ in the last bit with the order). */
function rounded(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_, v) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v)));
}

describe('aggregation properties', () => {
  it('gives the same counts, registers, values and gap list whatever the order of the rows and the batches', async () => {
    await fc.assert(
      fc.asyncProperty(
        rowsWithRepeats.chain((rows) => fc.tuple(fc.constant(rows), permuted(rows), fc.integer({ min: 1, max: 8 }))),
        async ([rows, shuffled, batchSize]) => {
          expect(summaries(await tallyFile(shuffled, batchSize))).toEqual(summaries(await tallyFile(rows)));
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('gives each practice the same numbers when one ICB-wide export is split into files by practice', async () => {
    await fc.assert(
      fc.asyncProperty(
        rowsWithRepeats,
        fc.array(fc.nat({ max: 3 }), { minLength: 8, maxLength: 8 }),
        async (rows, fileOf) => {
          const whole = summaries(await tallyFile(rows));
          const practiceIndex = new Map<string, number>();
          const files: string[][][] = [[], [], [], []];
          for (const cells of rows) {
            const code = (cells[4] as string).trim().toUpperCase();
            if (!practiceIndex.has(code)) practiceIndex.set(code, practiceIndex.size);
            files[fileOf[(practiceIndex.get(code) as number) % fileOf.length] as number]?.push(cells);
          }
          const split: Record<string, unknown> = {};
          for (const file of files) Object.assign(split, summaries(await tallyFile(file)));
          expect(Object.fromEntries(Object.entries(split).sort(([a], [b]) => a.localeCompare(b)))).toEqual(whole);
        },
      ),
      { seed: SEED + 1, numRuns: 300 },
    );
  });

  it('sums to the same counts when a practice’s patients are spread over several files', async () => {
    const distinctRows = fc.uniqueArray(row, { selector: (cells) => cells[0], minLength: 1, maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(
        distinctRows,
        fc.array(fc.nat({ max: 2 }), { minLength: 40, maxLength: 40 }),
        async (rows, fileOf) => {
          const files: string[][][] = [[], [], []];
          rows.forEach((cells, i) => {
            files[fileOf[i] as number]?.push(cells);
          });
          const summed = new Map<string, PracticeCounts>();
          for (const file of files) {
            for (const [code, tally] of await tallyFile(file))
              summed.set(code, addCounts(summed.get(code) ?? emptyCounts(), tally.counts));
          }
          const whole = await tallyFile(rows);
          expect(new Map([...summed].sort())).toEqual(
            new Map([...whole].map(([code, t]) => [code, t.counts] as const).sort()),
          );
        },
      ),
      { seed: SEED + 2, numRuns: 300 },
    );
  });

  it('gives the same ICB totals and practice rows whatever order the snapshots are read in', async () => {
    await fc.assert(
      fc.asyncProperty(
        rowsWithRepeats.chain((rows) => fc.tuple(fc.constant(rows), fc.nat())),
        async ([rows, rotate]) => {
          const snapshots = [...(await tallyFile(rows)).values()].map(snapshotOf);
          const reordered = [
            ...snapshots.slice(rotate % snapshots.length),
            ...snapshots.slice(0, rotate % snapshots.length),
          ].reverse();
          const build = (list: PracticeSnapshot[]) =>
            assemblePeriodReport({
              icbName: 'NHS Property ICB',
              period: '2026-10',
              generatedAt: '2026-11-01T06:00:00Z',
              directory: [],
              snapshots: list,
              history: new Map(),
              fileRecords: [],
              assumptions: { invitesPerYear: 2, fragmentsPerInvite: 1, costPerFragmentGbp: 0.025, vatRate: 0 },
              suppressSmallNumbers: false,
            });
          const a = build(snapshots);
          const b = build(reordered);
          expect(b.icb.counts).toEqual(a.icb.counts);
          const byCode = (report: typeof a) =>
            rounded(
              Object.fromEntries(
                report.practices
                  .map((p) => [p.practice_code, p])
                  .sort(([x], [y]) => String(x).localeCompare(String(y))),
              ),
            );
          expect(byCode(b)).toEqual(byCode(a));
        },
      ),
      { seed: SEED + 3, numRuns: 200 },
    );
  });
});
