import { type DateFormat, dateParts, formatDate } from './sample-dates';
import type { SampleDateOfBirth, SamplePatient, SmsConsent } from './sample-patient';

/** How one clinical-system export looks on disk: its columns, delimiter, encoding, quoting and extras. */
export interface ExportLayout {
  /** SystmOne-like, EMIS-like (per-register Yes/No columns, SMS Dissent) or an ICB-wide snake_case extract. */
  columns: 'systmone' | 'emis' | 'icb-wide';
  delimiter: ',' | '\t' | '|' | ';';
  encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252';
  lineEnding: '\n' | '\r\n';
  dateFormat: DateFormat;
  /** Quote every field (EMIS does); otherwise only fields that need it. */
  quoteAll: boolean;
  /** Between codes in a QOF registers column. */
  registerSeparator: ';' | ',' | '|';
  /** How EMIS per-register columns say "on the register" and "not on it". */
  registerFlags: readonly [onRegister: string, notOnRegister: string];
  /** Without it the reader must take the practice code from the file name or folder. */
  practiceColumn: boolean;
  /** EMIS search reports put a title and run date above the header. */
  preamble: 'none' | 'title-run-date-blank' | 'title-run-date';
  /** A summary line after the last patient (SPEC §2.2: not a patient). */
  trailer: 'none' | 'total' | 'blank-then-total' | 'count';
}

/** One block of rows in an export: a practice's patients, written with its code. */
export interface ExportSection {
  practiceCode: string;
  patients: readonly SamplePatient[];
}

/** Rows that belong to no valid practice (ICB-wide extracts): written with this practice code text. */
export interface UnattributedRow {
  practiceCodeText: string;
  patient: SamplePatient;
}

export interface ExportContext {
  /** What the Extract Date column (if any) says, ISO. */
  columnExtractDate: string;
  /** The report's run date, ISO (preamble). */
  runDate: string;
  /** The report title (preamble). */
  title: string;
  unattributed?: readonly UnattributedRow[];
}

const SYSTMONE_HEADER = [
  'NHS Number',
  'Surname',
  'First Name',
  'Date of Birth',
  'Registered Practice Code',
  'Preferred Contact Method',
  'Mobile Telephone',
  'Email Address',
  'SMS Consent',
  'QOF Registers',
  'AIS Need',
  'Extract Date',
];

const EMIS_REGISTER_COLUMNS: readonly (readonly [string, string])[] = [
  ['Diabetes Register', 'DM'],
  ['Hypertension Register', 'HYP'],
  ['Asthma Register', 'AST'],
  ['COPD', 'COPD'],
];

const ICB_WIDE_HEADER = [
  'practice_code',
  'nhs_number',
  'surname',
  'forename',
  'date_of_birth',
  'preferred_contact_method',
  'mobile',
  'email',
  'sms_consent',
  'qof_registers',
  'ais_need',
  'extract_date',
];

/** Consent and "no need" spellings by column set; a patient's `variant` picks one. */
const CONSENT_WORDS: Readonly<Record<ExportLayout['columns'], Readonly<Record<SmsConsent, readonly string[]>>>> = {
  systmone: {
    given: ['Yes', 'Yes', 'Yes', 'Yes', 'Y', 'Consented', 'Given'],
    withdrawn: ['No', 'Withdrawn', 'Declined', 'N'],
    unrecorded: [''],
  },
  // EMIS exports SMS *dissent*: the meaning is inverted (SPEC §2.1).
  emis: { given: ['No', 'No', 'N'], withdrawn: ['Yes', 'Y'], unrecorded: [''] },
  'icb-wide': { given: ['1', '1', 'Y', 'True'], withdrawn: ['0', 'N', 'False'], unrecorded: [''] },
};

const NO_AIS_NEED_WORDS: Readonly<Record<ExportLayout['columns'], readonly string[]>> = {
  systmone: ['No', 'No', 'No', '', 'None', 'Not recorded'],
  emis: ['', '', '', 'No need', 'N'],
  'icb-wide': ['0', '0', '', 'False'],
};

function variantOf(list: readonly string[], variant: number): string {
  return list[variant % list.length] as string;
}

function formatDateOfBirth(dateOfBirth: SampleDateOfBirth, format: DateFormat): string {
  switch (dateOfBirth.kind) {
    case 'date':
      return formatDate(dateParts(dateOfBirth.iso), format);
    case 'missing':
      return '';
    case 'impossible':
      return formatDate(dateOfBirth.date, format);
    case 'text':
      return dateOfBirth.text;
  }
}

function practiceCodeText(patient: SamplePatient, practiceCode: string): string {
  if (patient.practiceCodeCell === 'empty') return '';
  if (patient.practiceCodeCell === 'lower-case') return ` ${practiceCode.toLowerCase()}`;
  return practiceCode;
}

/** The column names of a layout, in order. */
export function exportHeader(layout: ExportLayout): string[] {
  switch (layout.columns) {
    case 'systmone':
      return layout.practiceColumn
        ? SYSTMONE_HEADER
        : SYSTMONE_HEADER.filter((name) => name !== 'Registered Practice Code');
    case 'emis':
      return [
        'Patient NHS No',
        'Family Name',
        'Given Name',
        'DOB',
        ...(layout.practiceColumn ? ['Organisation Code'] : []),
        'Preferred Method of Contact',
        'Mobile Number',
        'Email',
        'SMS Dissent',
        ...EMIS_REGISTER_COLUMNS.map(([name]) => name),
        'Communication Need',
      ];
    case 'icb-wide':
      return ICB_WIDE_HEADER;
  }
}

/** One patient's fields in header order; `preferenceText` overrides the value (a duplicate row). */
export function exportFields(
  layout: ExportLayout,
  patient: SamplePatient,
  codeText: string,
  columnExtractDate: string,
  preferenceText: string = patient.preferenceText,
): string[] {
  const dob = formatDateOfBirth(patient.dateOfBirth, layout.dateFormat);
  const consent = variantOf(CONSENT_WORDS[layout.columns][patient.smsConsent], patient.variant);
  const aisNeed =
    patient.aisNeed !== '' ? patient.aisNeed : variantOf(NO_AIS_NEED_WORDS[layout.columns], patient.variant);
  const registers = patient.qofRegisters.join(layout.registerSeparator);
  const extractDate = formatDate(dateParts(columnExtractDate), layout.dateFormat);
  switch (layout.columns) {
    case 'systmone': {
      const code = layout.practiceColumn ? [codeText] : [];
      return [
        patient.nhsNumberText,
        patient.surname,
        patient.forename,
        dob,
        ...code,
        preferenceText,
        patient.mobile,
        patient.email,
        consent,
        registers,
        aisNeed,
        extractDate,
      ];
    }
    case 'emis': {
      const [yes, no] = layout.registerFlags;
      return [
        patient.nhsNumberText,
        patient.surname,
        patient.forename,
        dob,
        ...(layout.practiceColumn ? [codeText] : []),
        preferenceText,
        patient.mobile,
        patient.email,
        consent,
        ...EMIS_REGISTER_COLUMNS.map(([, code]) => (patient.qofRegisters.includes(code) ? yes : no)),
        aisNeed,
      ];
    }
    case 'icb-wide':
      return [
        codeText,
        patient.nhsNumberText,
        patient.surname,
        patient.forename,
        dob,
        preferenceText,
        patient.mobile,
        patient.email,
        consent,
        registers,
        aisNeed,
        extractDate,
      ];
  }
}

/** Joins fields into one delimited line, quoting as the layout does (RFC 4180 doubling of quotes). */
export function joinFields(fields: readonly string[], layout: ExportLayout): string {
  const out: string[] = [];
  for (const raw of fields) {
    const field = raw.includes('\n') ? raw.replaceAll('\n', layout.lineEnding) : raw;
    const needsQuotes =
      layout.quoteAll ||
      field.includes(layout.delimiter) ||
      field.includes('"') ||
      field.includes('\n') ||
      field.includes('\r');
    out.push(needsQuotes ? `"${field.replaceAll('"', '""')}"` : field);
  }
  return out.join(layout.delimiter);
}

/** The preamble lines above the header (EMIS search reports). */
export function preambleLines(layout: ExportLayout, title: string, runDate: string): string[] {
  if (layout.preamble === 'none') return [];
  const runLine = `Run date: ${formatDate(dateParts(runDate), 'DD-Mon-YYYY')} 07:15`;
  return layout.preamble === 'title-run-date-blank' ? [title, runLine, ''] : [title, runLine];
}

/** The summary line(s) after the last patient. */
export function trailerLines(layout: ExportLayout, dataRows: number): string[] {
  switch (layout.trailer) {
    case 'none':
      return [];
    case 'total':
      return [`Total patients: ${dataRows}`];
    case 'blank-then-total':
      return ['', `Total patients: ${dataRows}`];
    case 'count':
      return [`Count${layout.delimiter}${dataRows}`];
  }
}

/**
 * The rows of one section in export order: each patient once, and each duplicate a little further down,
 * where a second copy of a record usually turns up.
 */
function sectionRows(section: ExportSection): { patient: SamplePatient; preferenceText: string }[] {
  const { patients } = section;
  const later = new Map<number, SamplePatient[]>();
  const rows: { patient: SamplePatient; preferenceText: string }[] = [];
  for (let i = 0; i < patients.length; i++) {
    const patient = patients[i] as SamplePatient;
    rows.push({ patient, preferenceText: patient.preferenceText });
    if (patient.duplicate !== undefined) {
      const at = Math.min(i + 5 + (patient.variant % 40), patients.length - 1);
      const queue = later.get(at) ?? [];
      queue.push(patient);
      later.set(at, queue);
    }
    for (const copy of later.get(i) ?? []) {
      rows.push({ patient: copy, preferenceText: copy.duplicate?.preferenceText ?? copy.preferenceText });
    }
  }
  return rows;
}

/**
 * The full text of an export: preamble, header, each section's rows (with duplicates and, for ICB-wide
 * extracts, unattributable rows spread through the file), trailer. Lines end with the layout's line ending.
 */
export function formatExport(layout: ExportLayout, sections: readonly ExportSection[], context: ExportContext): string {
  const lines = preambleLines(layout, context.title, context.runDate);
  lines.push(joinFields(exportHeader(layout), layout));
  const body: string[] = [];
  for (const section of sections) {
    for (const row of sectionRows(section)) {
      const code = practiceCodeText(row.patient, section.practiceCode);
      body.push(
        joinFields(exportFields(layout, row.patient, code, context.columnExtractDate, row.preferenceText), layout),
      );
    }
  }
  const unattributed = context.unattributed ?? [];
  const step = Math.floor(body.length / (unattributed.length + 1));
  for (let j = unattributed.length - 1; j >= 0; j--) {
    const { patient, practiceCodeText: codeText } = unattributed[j] as UnattributedRow;
    body.splice(
      (j + 1) * step,
      0,
      joinFields(exportFields(layout, patient, codeText, context.columnExtractDate), layout),
    );
  }
  lines.push(...body, ...trailerLines(layout, body.length));
  return `${lines.join(layout.lineEnding)}${layout.lineEnding}`;
}

/** A SystmOne report as most practices set it up: comma-separated UTF-8, UK dates, a practice column. */
export const SYSTMONE_LAYOUT: Readonly<ExportLayout> = {
  columns: 'systmone',
  delimiter: ',',
  encoding: 'utf-8',
  lineEnding: '\n',
  dateFormat: 'DD/MM/YYYY',
  quoteAll: false,
  registerSeparator: ';',
  registerFlags: ['Yes', 'No'],
  practiceColumn: true,
  preamble: 'none',
  trailer: 'none',
};
