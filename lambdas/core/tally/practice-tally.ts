import { emptyCounts, type PracticeCounts } from '../metrics/practice-counts';
import type { SeenNames } from '../privacy/seen-names';
import type { ContactFix, FixRecords, GapListPatient, GapListTier } from '../report/gap-list';
import type { RegisterCounts, RowRejection } from '../snapshot';
import { nhsNumberKey } from '../values/nhs-number-key';
import { isoToDateNumber } from '../values/uk-date-number';
import { BoundedValueCounts } from './bounded-value-counts';
import {
  decodeFixRecords,
  type RejectedRowFields,
  withMoreCount,
  writeRejected,
  writeUnrecognised,
} from './fix-record-codec';
import { GapRowBuffer } from './gap-row-buffer';
import { decodeGapRows, writeContactFix, writeNoPreference } from './gap-row-codec';
import { NhsNumberSet } from './nhs-number-set';
import type { PatientRow } from './patient-row';
import type { InterpretedRow } from './row-interpreter';
import type { SpillExtent, SpillFile } from './spill-file';

/** Below this many patients a practice's NHS numbers stay in memory when parked: not worth a write. */
const PARK_MIN_PATIENTS = 1024;
/** A practice whose rows came back this often keeps its NHS numbers in memory (see park). */
const MAX_UNPARKS = 3;
/** Fix records listed per practice and export; beyond this the sheet says "and N more" (the export is broken). */
export const MAX_FIX_RECORDS = 5000;

/** The priority tier of a patient with no preference (SPEC §4.2). Unknown age is not 16+. */
export function gapListTier(row: Pick<PatientRow, 'qofRegisters' | 'aisNeed' | 'age'>): GapListTier {
  return tierOf(row.qofRegisters.length > 0, row.aisNeed, row.age !== undefined && row.age >= 16);
}

function tierOf(onQof: boolean, aisNeed: boolean, adult: boolean): GapListTier {
  if (onQof && aisNeed) return 1;
  if (onQof) return 2;
  if (aisNeed) return 3;
  if (adult) return 4;
  return 5;
}

/**
 * Accumulates one practice's rows from one export into counts (for the snapshot) and the gap list's
 * patients (for the practice only). Rows arrive one at a time and are not kept: duplicates are found in
 * an NhsNumberSet, and the gap list rows are held as compact records (GapRowBuffer). With a spill file,
 * both are written out when the export moves on to another practice (see park), so memory does not
 * grow with the export.
 */
export class PracticeTally {
  readonly counts: PracticeCounts = emptyCounts();
  readonly registers: Record<string, RegisterCounts> = {};
  readonly rejectedByReason: Partial<Record<RowRejection, number>> = {};
  private readonly unrecognised = new BoundedValueCounts();
  private readonly unknownRegisters = new BoundedValueCounts();
  /** The export's names, once its last row is read (see screenWith). */
  private names: SeenNames | undefined;
  /** Latest extract date seen in this practice's rows. */
  extractDate: string | undefined;
  private extractDateNumber = 0;
  /** Undefined while parked in the spill file (`parkedSeen`) or once released. */
  private seen: NhsNumberSet | undefined = new NhsNumberSet();
  private parkedSeen: SpillExtent | undefined;
  private reloads = 0;
  private readonly gapRows: GapRowBuffer;
  private readonly fixRows: GapRowBuffer;
  private fixListed = 0;
  private fixMore = 0;

  constructor(
    readonly practiceCode: string,
    private readonly spill?: SpillFile,
  ) {
    this.gapRows = new GapRowBuffer(spill);
    this.fixRows = new GapRowBuffer(spill);
  }

  /**
   * Unmapped preference values as they may be stored: the most frequent that cannot be personal data, the
   * rest counted by shape or as "n more" (BoundedValueCounts), with row counts.
   */
  get unrecognisedValues(): Record<string, number> {
    return this.unrecognised.screened(this.names);
  }

  /** Register codes that are not QOF codes, as unrecognisedValues. */
  get unknownRegisterCodes(): Record<string, number> {
    return this.unknownRegisters.screened(this.names);
  }

  /** Screens the values against the forenames and surnames of the whole export: call after its last row. */
  screenWith(names: SeenNames): void {
    this.names = names;
  }

  /** Counts a rejected row; with its identifying fields, it is listed on the gap list's Fix records too. */
  reject(reason: RowRejection, row?: RejectedRowFields): void {
    this.counts.rowsRead++;
    this.counts.rowsRejected++;
    this.rejectedByReason[reason] = (this.rejectedByReason[reason] ?? 0) + 1;
    if (row !== undefined && this.roomForFixRecord()) writeRejected(this.fixRows, reason, row);
  }

  /** Counts one valid row given as a PatientRow (its nhsNumber must be a valid NHS number). */
  add(row: PatientRow): void {
    const nhsKey = nhsNumberKey(row.nhsNumber);
    if (nhsKey < 0) throw new RangeError('PracticeTally.add: the row has no valid NHS number; reject() it instead.');
    const extractDateNumber = isoToDateNumber(row.extractDate);
    this.count({
      ...row,
      nhsKey,
      dateOfBirth: row.dateOfBirth === undefined ? 0 : isoToDateNumber(row.dateOfBirth),
      age: row.age ?? -1,
      extractDateNumber,
    });
  }

  /** Counts one valid row as read by a RowInterpreter (the row may be reused after this returns). */
  count(row: InterpretedRow): void {
    const c = this.counts;
    c.rowsRead++;
    if (!(this.seen ?? this.unpark()).add(row.nhsKey)) {
      c.duplicateRows++;
      return;
    }
    if (row.extractDateNumber > this.extractDateNumber) {
      this.extractDateNumber = row.extractDateNumber;
      this.extractDate = row.extractDate;
    }

    c.registered++;
    const none = row.category === 'none';
    const qofRegisters = row.qofRegisters;
    const onQof = qofRegisters.length > 0;
    const adult = row.age >= 16;
    if (row.dateOfBirth === 0) c.dobMissing++;
    if (adult) c.adults16plus++;
    if (onQof) {
      c.qofPatients++;
      for (let i = 0; i < qofRegisters.length; i++) {
        const code = qofRegisters[i] as string;
        let register = this.registers[code];
        if (register === undefined) {
          register = { patients: 0, noPreference: 0 };
          this.registers[code] = register;
        }
        register.patients++;
        if (none) register.noPreference++;
      }
    }
    for (let i = 0; i < row.unknownRegisters.length; i++) this.unknownRegisters.add(row.unknownRegisters[i] as string);

    switch (row.category) {
      case 'none':
        this.countNoPreference(row, onQof, adult);
        break;
      case 'sms':
        c.prefSms++;
        if (!row.hasMobile) this.fix(row, 'sms_no_mobile');
        if (row.smsConsentWithdrawn) this.fix(row, 'sms_dissent');
        break;
      case 'email':
        c.prefEmail++;
        if (!row.hasEmail) this.fix(row, 'email_no_address');
        break;
      case 'letter':
        c.prefLetter++;
        break;
      case 'telephone':
        c.prefTelephone++;
        break;
      case 'nhsApp':
        c.prefNhsApp++;
        break;
      case 'other':
        c.prefOther++;
        break;
      case 'declined':
        c.declined++;
        break;
      case 'unrecognised': {
        c.unrecognised++;
        this.unrecognised.add(row.preferenceRaw);
        if (this.roomForFixRecord()) writeUnrecognised(this.fixRows, row);
        break;
      }
    }
  }

  /** Patients with no recorded preference, in the order their rows came (sort before use). */
  get noPreference(): GapListPatient[] {
    return decodeGapRows(this.gapRows.bytes()).noPreference;
  }

  /** Patients whose recorded preference cannot work as recorded, in the order their rows came. */
  get fixContactDetails(): ContactFix[] {
    return decodeGapRows(this.gapRows.bytes()).fixContactDetails;
  }

  /** Both gap list lists from one read of the records. */
  gapListRows(): { noPreference: GapListPatient[]; fixContactDetails: ContactFix[] } {
    return decodeGapRows(this.gapRows.bytes());
  }

  /** The gap list records themselves (gap-row-codec), in the order the rows came: what is staged for the report. */
  gapRowRecords(): Buffer {
    return this.gapRows.bytes();
  }

  /** The Fix records (fix-record-codec), in the order the rows came, with the count beyond the bound: what is staged. */
  fixRecordRecords(): Buffer {
    return withMoreCount(this.fixRows.bytes(), this.fixMore);
  }

  /** Unrecognised preferences and rejected rows, in the order the rows came, for the gap list's Fix records. */
  get fixRecords(): FixRecords {
    return decodeFixRecords(this.fixRecordRecords());
  }

  /**
   * The export has moved on to another practice's rows: with a spill file, pending gap list records
   * and the NHS numbers seen so far are written out and freed, so an export listed practice by practice
   * holds one practice's patient-level state at a time. Should the practice's rows come back, its NHS
   * numbers are read back; one that keeps coming back (an interleaved export) stays in memory after
   * MAX_UNPARKS, so that the file is not rewritten row after row.
   */
  park(): void {
    this.gapRows.park();
    this.fixRows.park();
    const seen = this.seen;
    if (
      this.spill === undefined ||
      seen === undefined ||
      seen.size < PARK_MIN_PATIENTS ||
      this.reloads >= MAX_UNPARKS
    ) {
      return;
    }
    const keys = seen.keys();
    this.parkedSeen = this.spill.write(new Uint8Array(keys.buffer, keys.byteOffset, keys.byteLength));
    this.seen = undefined;
  }

  /** Frees the patient-level state once the practice's snapshot and gap list are saved; counts stay. */
  release(): void {
    this.gapRows.clear();
    this.fixRows.clear();
    this.seen = undefined;
    this.parkedSeen = undefined;
  }

  /** The practice's NHS numbers, read back from the spill file after `park()`. */
  private unpark(): NhsNumberSet {
    const extent = this.parkedSeen;
    if (extent === undefined || this.spill === undefined) {
      throw new Error(`PracticeTally ${this.practiceCode}: rows counted after release(); create a new tally.`);
    }
    const bytes = this.spill.read(extent);
    const keys = new Uint32Array(bytes.length / 4);
    Buffer.from(keys.buffer).set(bytes);
    this.seen = NhsNumberSet.of(keys);
    this.parkedSeen = undefined;
    this.reloads++;
    return this.seen;
  }

  /** True while fewer than MAX_FIX_RECORDS are listed; otherwise counts one more left off. */
  private roomForFixRecord(): boolean {
    if (this.fixListed < MAX_FIX_RECORDS) {
      this.fixListed++;
      return true;
    }
    this.fixMore++;
    return false;
  }

  private countNoPreference(row: InterpretedRow, onQof: boolean, adult: boolean): void {
    const c = this.counts;
    c.noPreference++;
    if (adult) c.adultsNoPreference++;
    if (onQof) c.qofNoPreference++;
    if (row.aisNeed) c.aisNeedNoPreference++;
    const wouldDefaultToSms = row.hasMobile && !row.smsConsentWithdrawn;
    if (wouldDefaultToSms) {
      c.defaultToSms++;
      if (onQof) c.qofDefaultToSms++;
    }
    if (!row.hasMobile && !row.hasEmail) c.unreachableElectronic++;
    writeNoPreference(this.gapRows, row, wouldDefaultToSms, tierOf(onQof, row.aisNeed, adult));
  }

  private fix(row: InterpretedRow, problem: ContactFix['problem']): void {
    const c = this.counts;
    if (problem === 'sms_no_mobile') c.dqSmsNoMobile++;
    else if (problem === 'email_no_address') c.dqEmailNoAddress++;
    else c.dqSmsDissent++;
    writeContactFix(this.gapRows, row, problem);
  }
}
