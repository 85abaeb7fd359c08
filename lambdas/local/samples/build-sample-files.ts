import { encodeText } from './encode-text';
import {
  type ExportLayout,
  exportFields,
  exportHeader,
  formatExport,
  joinFields,
  preambleLines,
} from './format-export';
import { generatePatient, generatePracticePatients } from './generate-practice-patients';
import { NhsNumberSequence, TEST_RANGE_SIZE } from './nhs-number-sequence';
import { dateParts, formatDate } from './sample-dates';
import type { SamplePatient } from './sample-patient';
import {
  type DirectoryRow,
  type ExportFileSpec,
  type QuarantineFileSpec,
  type SampleMonth,
  type SamplePlan,
  type SamplePractice,
  writtenIn,
} from './sample-plan';
import { SeededRandom } from './seeded-random';
import { zipFiles } from './zip-files';

/** A file of the sample set: its path under the output folder and its bytes. */
export interface SampleFile {
  /** `/`-separated, e.g. `exports/2026-09/Y01234_2026-09-30_systmone.csv` or `practices.csv`. */
  path: string;
  bytes: Uint8Array;
}

type PatientsByPractice = ReadonlyMap<string, readonly SamplePatient[][]>;

function extractDateOf(month: SampleMonth, day: number | undefined): string {
  return day === undefined ? month.monthEnd : `${month.period}-${String(day).padStart(2, '0')}`;
}

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Rows no practice can claim (ICB-wide extracts): patients from their own block of the 999 range. */
function unattributedPatients(plan: SamplePlan, month: SampleMonth, count: number): SamplePatient[] {
  const random = new SeededRandom(plan.seed).fork(`unattributed-${month.index}`);
  const blockSize = Math.floor(TEST_RANGE_SIZE / (plan.practices.length + 1));
  const numbers = new NhsNumberSequence(blockSize * plan.practices.length, blockSize, month.index * 1000);
  const patients: SamplePatient[] = [];
  for (let key = 0; key < count; key++) {
    patients.push(
      generatePatient(random, numbers, {
        key,
        referenceDate: month.monthEnd,
        noPreferenceShare: 0.3,
        spelling: 'codes',
      }),
    );
  }
  return patients;
}

function renderExport(
  spec: ExportFileSpec,
  plan: SamplePlan,
  month: SampleMonth,
  patients: PatientsByPractice,
): Uint8Array {
  const extractDate = extractDateOf(month, spec.extractDay);
  const listMonth = spec.previousMonthsList ? Math.max(0, month.index - 1) : month.index;
  const sections = spec.practiceCodes.map((practiceCode) => ({
    practiceCode,
    patients: patients.get(practiceCode)?.[listMonth] ?? [],
  }));
  const offset = month.index === 0 ? (spec.firstMonthColumnDateOffset ?? 0) : 0;
  const { empty = 0, invalid = 0 } = spec.unattributedRows ?? {};
  const unattributed = unattributedPatients(plan, month, empty + invalid).map((patient, i) => ({
    patient,
    practiceCodeText: i < empty ? '' : 'Y8901',
  }));
  const text = formatExport(spec.layout, sections, {
    columnExtractDate: addDays(extractDate, offset),
    runDate: extractDate,
    title: spec.title ?? 'Patient communication preferences',
    unattributed,
  });
  return encodeText(text, spec.layout.encoding);
}

/** The text of a file the pipeline must quarantine. */
function renderQuarantine(spec: QuarantineFileSpec, month: SampleMonth, patients: PatientsByPractice): Uint8Array {
  const extractDate = extractDateOf(month, spec.extractDay);
  const layout: ExportLayout = spec.layout;
  const eol = layout.lineEnding;
  let lines: string[];
  switch (spec.problem) {
    case 'wrong-columns': {
      // An appointments report saved where the export should be: no NHS number column at all.
      const day = formatDate(dateParts(extractDate), 'DD/MM/YYYY');
      lines = [
        'Appointment Date,Start Time,Clinician,Slot Type,Status',
        `${day},08:30,Dr A Example,Routine,Booked`,
        `${day},08:40,Dr A Example,Routine,Did not attend`,
        `${day},09:00,Nurse B Example,Blood test,Booked`,
        `${day},09:10,Nurse B Example,Blood test,Cancelled`,
      ];
      break;
    }
    case 'no-data-rows':
      // The search was run with a filter that matched nobody: header and a zero total only.
      lines = [
        ...preambleLines(layout, 'Communication preferences – all registered patients', extractDate),
        joinFields(exportHeader(layout), layout),
        'Total patients: 0',
      ];
      break;
    case 'missing-required-column': {
      // A demographics report: patients, but no preferred contact method column.
      const header = exportHeader(layout);
      const keep = [
        'NHS Number',
        'Surname',
        'First Name',
        'Date of Birth',
        'Registered Practice Code',
        'Mobile Telephone',
      ];
      const columns = keep.map((name) => header.indexOf(name));
      const list = (patients.get(spec.practiceCode)?.[month.index] ?? []).filter((p) => p.problems.length === 0);
      lines = [joinFields(keep, layout)];
      for (const patient of list.slice(0, 5)) {
        const fields = exportFields(layout, patient, spec.practiceCode, extractDate);
        lines.push(
          joinFields(
            columns.map((i) => fields[i] ?? ''),
            layout,
          ),
        );
      }
      break;
    }
  }
  return encodeText(`${lines.join(eol)}${eol}`, layout.encoding);
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** samples/practices.csv (SPEC §6 columns), UTF-8, LF. */
export function formatDirectory(rows: readonly DirectoryRow[]): string {
  const lines = ['practice_code,practice_name,pcn,clinical_system,email'];
  for (const row of rows) {
    lines.push([row.practiceCode, row.practiceName, row.pcn, row.clinicalSystem, row.email].map(csvField).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Every practice's patients for every month, each practice from its own seeded stream and NHS number block. */
export function generatePlanPatients(plan: SamplePlan): Map<string, SamplePatient[][]> {
  const root = new SeededRandom(plan.seed);
  const blockSize = Math.floor(TEST_RANGE_SIZE / (plan.practices.length + 1));
  const referenceDates = plan.months.map((m) => m.monthEnd);
  const byPractice = new Map<string, SamplePatient[][]>();
  plan.practices.forEach((practice: SamplePractice, index) => {
    const random = root.fork(`practice-${practice.practiceCode}`);
    const numbers = new NhsNumberSequence(index * blockSize, blockSize, random.int(0, blockSize - 1));
    byPractice.set(practice.practiceCode, generatePracticePatients(practice, referenceDates, random, numbers));
  });
  return byPractice;
}

/**
 * Every file of a sample set, sorted by path: the exports of each month, zips and files made to be
 * quarantined, and the practice directory. Pure apart from node:zlib; nothing touches the disk.
 */
export function buildSampleFiles(plan: SamplePlan): SampleFile[] {
  const patients = generatePlanPatients(plan);
  const files: SampleFile[] = [];
  for (const month of plan.months) {
    for (const spec of plan.files) {
      if (!writtenIn(spec.months, month, plan.months.length)) continue;
      const date = extractDateOf(month, spec.kind === 'zip' ? undefined : spec.extractDay);
      const path = `exports/${spec.path(month, date)}`;
      if (spec.kind === 'export') {
        files.push({ path, bytes: renderExport(spec, plan, month, patients) });
      } else if (spec.kind === 'quarantine') {
        files.push({ path, bytes: renderQuarantine(spec, month, patients) });
      } else {
        const entries = spec.members.map((member) => ({
          name: member.path(month, extractDateOf(month, member.extractDay)),
          data: renderExport(member, plan, month, patients),
        }));
        files.push({ path, bytes: zipFiles(entries, new Date(`${date}T07:15:00Z`)) });
      }
    }
  }
  files.push({ path: 'practices.csv', bytes: new TextEncoder().encode(formatDirectory(plan.directory)) });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return files;
}
