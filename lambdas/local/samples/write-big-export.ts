import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { exportFields, exportHeader, joinFields, SYSTMONE_LAYOUT } from './format-export';
import { generatePatient } from './generate-practice-patients';
import { NhsNumberSequence, TEST_RANGE_SIZE } from './nhs-number-sequence';
import type { SamplePatient } from './sample-patient';
import { SeededRandom } from './seeded-random';

/** SystmOne-like, one row per patient, with a practice column: how an ICB-wide extract of many practices looks. */
const BIG_LAYOUT = SYSTMONE_LAYOUT;

/** The extract date of the big export, ISO. */
export const BIG_EXPORT_EXTRACT_DATE = '2026-09-30';

/** Rows per chunk handed to the stream: large enough to be quick, small enough to keep memory flat. */
const ROWS_PER_CHUNK = 2000;

/** Low-rate problems in a big export, so the benchmark exercises the rejection and duplicate paths. */
function withRowProblems(patient: SamplePatient, random: SeededRandom): SamplePatient {
  const roll = random.next();
  if (roll < 0.002)
    return { ...patient, nhsNumberText: `${patient.nhsNumber.slice(0, 9)}${(Number(patient.nhsNumber[9]) + 1) % 10}` };
  if (roll < 0.004) return { ...patient, dateOfBirth: { kind: 'missing' } };
  if (roll < 0.006) return { ...patient, duplicate: { preferenceText: patient.preferenceText } };
  return patient;
}

function practiceCodeOf(index: number): string {
  return `Y${String(10000 + index).padStart(5, '0')}`;
}

/** The rows of the big export in chunks of text; the whole file never exists in memory. */
function* bigExportChunks(patients: number, practices: number, seed: number): Generator<string> {
  const root = new SeededRandom(seed);
  yield `${joinFields(exportHeader(BIG_LAYOUT), BIG_LAYOUT)}\n`;
  let chunk: string[] = [];
  for (let p = 0; p < practices; p++) {
    // Spread patients evenly; the first practices take the remainder.
    const size = Math.floor(patients / practices) + (p < patients % practices ? 1 : 0);
    const practiceCode = practiceCodeOf(p);
    const random = root.fork(`big-${practiceCode}`);
    const numbers = new NhsNumberSequence(0, TEST_RANGE_SIZE, random.int(0, TEST_RANGE_SIZE - 1));
    const noPreferenceShare = 0.05 + random.next() * 0.35;
    for (let key = 0; key < size; key++) {
      const clean = generatePatient(random, numbers, {
        key,
        referenceDate: BIG_EXPORT_EXTRACT_DATE,
        noPreferenceShare,
        spelling: p % 3 === 0 ? 'codes' : p % 3 === 1 ? 'systmone' : 'emis',
      });
      const patient = withRowProblems(clean, random);
      const line = joinFields(exportFields(BIG_LAYOUT, patient, practiceCode, BIG_EXPORT_EXTRACT_DATE), BIG_LAYOUT);
      chunk.push(line);
      if (patient.duplicate !== undefined) chunk.push(line);
      if (chunk.length >= ROWS_PER_CHUNK) {
        yield `${chunk.join('\n')}\n`;
        chunk = [];
      }
    }
  }
  if (chunk.length > 0) yield `${chunk.join('\n')}\n`;
}

/**
 * Streams one large SystmOne-like export of `patients` rows across `practices` practices to `path`
 * (for benchmarks). Deterministic for a seed; memory stays flat however many rows are written.
 * Each practice has at most about 909,000 distinct test NHS numbers.
 */
export async function writeBigExport(path: string, patients: number, practices: number, seed: number): Promise<void> {
  if (!Number.isInteger(patients) || patients < 1) {
    throw new RangeError(`writeBigExport: patients must be a whole number of at least 1 (got ${patients}).`);
  }
  if (!Number.isInteger(practices) || practices < 1 || practices > 89_999) {
    throw new RangeError(`writeBigExport: practices must be a whole number from 1 to 89,999 (got ${practices}).`);
  }
  if (patients / practices > 900_000) {
    throw new RangeError(
      `writeBigExport: ${patients} patients over ${practices} practices is more than the 999 test range holds ` +
        'per practice (about 909,000); use more practices.',
    );
  }
  await pipeline(Readable.from(bigExportChunks(patients, practices, seed)), createWriteStream(path));
}
