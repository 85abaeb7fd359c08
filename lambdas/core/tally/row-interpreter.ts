import { NO_VALUE_MAPPING, type ValueMapping } from '../fields/value-mapping';
import { readAisNeed } from '../values/ais-need';
import type { AisContactBy, AisNeedMeaning } from '../values/coded-entries';
import { isValidEmail } from '../values/email-address';
import { nhsNumberKey } from '../values/nhs-number-key';
import { parseOdsCode } from '../values/ods-code';
import { type PreferenceCategory, preferenceCategory, preferenceReader } from '../values/preference-category';
import { isRegisterFlagSet, parseQofRegisters } from '../values/qof-registers';
import { isSmsConsentWithdrawn } from '../values/sms-consent';
import { parseUkDate } from '../values/uk-date';
import { ageFromDateNumbers, isoToDateNumber, ukDateNumber } from '../values/uk-date-number';
import { isValidUkMobile } from '../values/uk-mobile';
import type { RejectedRowFields } from './fix-record-codec';
import type { RowContext, RowLayout } from './interpret-row';

/**
 * One data row, normalised, in the form the tally counts: numbers where the row has numbers, so that
 * reading a million rows allocates no objects of its own. `RowInterpreter.read` overwrites it for each
 * row; copy what must outlive the next row.
 */
export interface InterpretedRow {
  practiceCode: string;
  /** First nine digits of the NHS number (see nhsNumberKey). */
  nhsKey: number;
  /** `yyyymmdd`; 0 when missing, invalid or after the extract date. */
  dateOfBirth: number;
  /** Whole years at the extract date; -1 without a usable date of birth. */
  age: number;
  /** ISO date this row was extracted (the column, else the file-level date). */
  extractDate: string;
  /** The same date as `yyyymmdd`. */
  extractDateNumber: number;
  category: PreferenceCategory;
  /** The preference as written (trimmed); kept only to list unrecognised values. */
  preferenceRaw: string;
  hasMobile: boolean;
  hasEmail: boolean;
  smsConsentWithdrawn: boolean;
  aisNeed: boolean;
  /** The X of an AIS "Requires contact by X" entry (SPEC §2.3b), for the gap list; undefined for any other. */
  aisContactBy: AisContactBy | undefined;
  /** Shared between rows: never modify. */
  qofRegisters: readonly string[];
  /** Shared between rows: never modify. */
  unknownRegisters: readonly string[];
  surname: string;
  forename: string;
}

/** `ok`: `row` holds the patient. Otherwise why the row cannot be counted (SPEC §2.4); see RowOutcome. */
export type RowStatus = 'ok' | 'invalid_nhs_number' | 'short_row' | 'unattributed';

const NONE: readonly string[] = [];
/** Distinct values remembered per column; free text in a broken column cannot grow memory past this. */
const CACHE_LIMIT = 4096;

/**
 * Reads data rows into an InterpretedRow (SPEC §2.4), one after another, for one file's layout. The rules
 * are those of the value functions (parseOdsCode, nhsNumberKey, parseUkDate…); what this adds is speed:
 * cells that repeat across rows (practice code, extract date, SMS consent, AIS need, QOF registers) are
 * interpreted once per distinct value, and nothing is allocated per row but what the cells themselves need.
 */
export class RowInterpreter {
  readonly row: InterpretedRow;
  private readonly f: RowLayout['fields'];
  /** Fewest cells a row needs to reach every required column (SPEC §2.4 short rows). */
  private readonly requiredCells: number;
  private lastPracticeCell: string | undefined;
  private lastPracticeCode: string | undefined;
  private lastExtractCell: string | undefined;
  private lastExtractDate: string;
  private lastExtractNumber: number;
  private readonly fileExtractNumber: number;
  private readonly consent = new Map<string, boolean>();
  private readonly dissent = new Map<string, boolean>();
  private readonly aisNeed = new Map<string, AisNeedMeaning>();
  private readonly preferenceCategory: (raw: string) => PreferenceCategory;
  private readonly registers = new Map<string, { codes: string[]; unknown: string[] }>();

  constructor(
    private readonly layout: RowLayout,
    private readonly context: RowContext,
    /** The ICB's own vocabulary (SPEC §2.3c); its values win over the built-in ones. */
    private readonly valueMapping: ValueMapping = NO_VALUE_MAPPING,
  ) {
    this.f = layout.fields;
    this.requiredCells = requiredCellCount(layout.fields);
    // The shared reader keeps its cache warm across files; a mapping needs a reader (and cache) of its own.
    this.preferenceCategory =
      valueMapping.preferredContactMethod.size === 0
        ? preferenceCategory
        : preferenceReader(valueMapping.preferredContactMethod);
    this.fileExtractNumber = isoToDateNumber(context.fileExtractDate);
    this.lastExtractDate = context.fileExtractDate;
    this.lastExtractNumber = this.fileExtractNumber;
    this.row = {
      practiceCode: '',
      nhsKey: -1,
      dateOfBirth: 0,
      age: -1,
      extractDate: context.fileExtractDate,
      extractDateNumber: this.fileExtractNumber,
      category: 'none',
      preferenceRaw: '',
      hasMobile: false,
      hasEmail: false,
      smsConsentWithdrawn: false,
      aisNeed: false,
      aisContactBy: undefined,
      qofRegisters: NONE,
      unknownRegisters: NONE,
      surname: '',
      forename: '',
    };
  }

  /** Interprets one record's cells (as written, untrimmed) into `row`. */
  read(cells: readonly string[]): RowStatus {
    const f = this.f;
    const row = this.row;
    const practiceCode = this.practiceCode(cell(cells, f.practiceCode));
    if (practiceCode === undefined) return 'unattributed';
    row.practiceCode = practiceCode;
    // A row cut short before a required column would read as "no preference": it is rejected instead.
    if (cells.length < this.requiredCells) return 'short_row';

    const nhsKey = f.nhsNumber === undefined ? -1 : nhsNumberKey(cells[f.nhsNumber] ?? '');
    if (nhsKey < 0) return 'invalid_nhs_number';
    row.nhsKey = nhsKey;

    // Cells passed as written (`raw`) go to functions that trim them themselves: a copy per cell saved.
    if (f.extractDate !== undefined) this.extractDate(raw(cells, f.extractDate));
    row.extractDate = this.lastExtractDate;
    const extractNumber = this.lastExtractNumber;
    row.extractDateNumber = extractNumber;
    let dateOfBirth = f.dateOfBirth === undefined ? 0 : ukDateNumber(raw(cells, f.dateOfBirth));
    if (dateOfBirth > extractNumber) dateOfBirth = 0;
    row.dateOfBirth = dateOfBirth;
    row.age = dateOfBirth === 0 ? -1 : ageFromDateNumbers(dateOfBirth, extractNumber);

    const preferenceRaw = cell(cells, f.preferredContactMethod);
    row.preferenceRaw = preferenceRaw;
    row.category = this.preferenceCategory(preferenceRaw);

    let qofRegisters = NONE;
    let unknownRegisters = NONE;
    if (f.qofRegisters !== undefined) {
      const parsed = this.qofRegisters(raw(cells, f.qofRegisters));
      qofRegisters = parsed.codes;
      unknownRegisters = parsed.unknown;
    }
    const registerColumns = this.layout.registerColumns;
    for (let i = 0; i < registerColumns.length; i++) {
      const { index, code } = registerColumns[i] as { index: number; code: string };
      if (!isRegisterFlagSet(cell(cells, index)) || qofRegisters.includes(code)) continue;
      qofRegisters = [...qofRegisters, code];
    }
    row.qofRegisters = qofRegisters;
    row.unknownRegisters = unknownRegisters;

    row.smsConsentWithdrawn =
      (f.smsConsent !== undefined && this.withdrawn(this.consent, raw(cells, f.smsConsent), 'consent')) ||
      (f.smsDissent !== undefined && this.withdrawn(this.dissent, raw(cells, f.smsDissent), 'dissent'));
    row.hasMobile = f.mobile !== undefined && isValidUkMobile(cell(cells, f.mobile));
    row.hasEmail = f.email !== undefined && isValidEmail(raw(cells, f.email));
    const ais = f.aisNeed === undefined ? NO_AIS_COLUMN : this.readAisNeed(raw(cells, f.aisNeed));
    row.aisNeed = ais.need;
    row.aisContactBy = ais.contactBy;
    row.surname = cell(cells, f.surname);
    row.forename = cell(cells, f.forename);
    return 'ok';
  }

  /**
   * What the practice needs to find a row the tally rejected (Fix records): its NHS number cell as written,
   * name and date of birth. Read only for rejected rows, so it allocates freely.
   */
  identify(cells: readonly string[]): RejectedRowFields {
    const f = this.f;
    return {
      nhsNumberAsWritten: cell(cells, f.nhsNumber),
      dateOfBirth: f.dateOfBirth === undefined ? 0 : ukDateNumber(raw(cells, f.dateOfBirth)),
      surname: cell(cells, f.surname),
      forename: cell(cells, f.forename),
    };
  }

  /** An empty cell falls back to the code from the file name or key; the last value is remembered. */
  private practiceCode(text: string): string | undefined {
    if (text === this.lastPracticeCell) return this.lastPracticeCode;
    const code = text === '' ? this.context.practiceCodeFromKey : parseOdsCode(text);
    this.lastPracticeCell = text;
    this.lastPracticeCode = code;
    return code;
  }

  /** The row's extract date: the column when it holds a date, else the file's. */
  private extractDate(text: string): void {
    if (text === this.lastExtractCell) return;
    this.lastExtractCell = text;
    const iso = parseUkDate(text);
    this.lastExtractDate = iso ?? this.context.fileExtractDate;
    this.lastExtractNumber = iso === undefined ? this.fileExtractNumber : isoToDateNumber(iso);
  }

  private qofRegisters(text: string): { codes: string[]; unknown: string[] } {
    if (text === '') return EMPTY_REGISTERS;
    let parsed = this.registers.get(text);
    if (parsed === undefined) {
      parsed = parseQofRegisters(text);
      if (this.registers.size < CACHE_LIMIT) this.registers.set(text, parsed);
    }
    return parsed;
  }

  private withdrawn(cache: Map<string, boolean>, text: string, column: 'consent' | 'dissent'): boolean {
    if (text === '') return false;
    let value = cache.get(text);
    if (value === undefined) {
      value = isSmsConsentWithdrawn(text, column, this.valueMapping.smsConsent);
      if (cache.size < CACHE_LIMIT) cache.set(text, value);
    }
    return value;
  }

  private readAisNeed(text: string): AisNeedMeaning {
    let value = this.aisNeed.get(text);
    if (value === undefined) {
      value = readAisNeed(text, this.valueMapping.aisNeed);
      if (this.aisNeed.size < CACHE_LIMIT) this.aisNeed.set(text, value);
    }
    return value;
  }
}

/**
 * One more than the last required column: NHS number, date of birth, preferred contact method and, when it
 * is a column, practice code (a row too short to reach it falls back to the file name's code, if any).
 */
function requiredCellCount(fields: RowLayout['fields']): number {
  let last = -1;
  for (const index of [fields.nhsNumber, fields.dateOfBirth, fields.preferredContactMethod, fields.practiceCode]) {
    if (index !== undefined && index > last) last = index;
  }
  return last + 1;
}

const NO_AIS_COLUMN: AisNeedMeaning = { need: false };
const EMPTY_REGISTERS = { codes: [] as string[], unknown: [] as string[] };

/** The trimmed cell, or '' for a column the layout lacks or the row is too short for. */
function cell(cells: readonly string[], index: number | undefined): string {
  if (index === undefined) return '';
  const value = cells[index];
  return value === undefined ? '' : value.trim();
}

/**
 * The cell as written, for the value functions that trim it themselves (parseUkDate, parseQofRegisters,
 * isSmsConsentWithdrawn, isValidEmail, readAisNeed) and so give the same answer either way.
 */
function raw(cells: readonly string[], index: number): string {
  return cells[index] ?? '';
}
