import type { AisContactBy } from '../values/coded-entries';
import type { PracticeMetrics } from './tidy-columns';

/** Priority tiers for the No preference sheet: 1 is contacted first. */
export type GapListTier = 1 | 2 | 3 | 4 | 5;

/** The minimum personal data needed to act on a patient's missing preference. */
export interface GapListPatient {
  nhsNumber: string;
  surname: string;
  forename: string;
  /** ISO date, or undefined when missing/invalid. */
  dateOfBirth?: string;
  age?: number;
  qofRegisters: string[];
  aisNeed: boolean;
  /** An AIS "Requires contact by X" entry (SPEC §2.3b): a gap the practice can close at once. Absent for any other. */
  aisContactBy?: AisContactBy;
  hasMobile: boolean;
  hasEmail: boolean;
  wouldDefaultToSms: boolean;
  tier: GapListTier;
}

/** A patient whose recorded preference cannot work as recorded. */
export interface ContactFix {
  nhsNumber: string;
  surname: string;
  forename: string;
  dateOfBirth?: string;
  problem: 'sms_no_mobile' | 'email_no_address' | 'sms_dissent';
}

/**
 * A record the practice must correct before it can be counted properly (SPEC §4.2 Fix records): a
 * preference value that could not be read, or a row rejected (invalid NHS number, short row, any reason
 * the tally gives). Only what the practice needs to find the record.
 */
export interface FixRecord {
  /** `unrecognised_preference`, or the row's rejection reason (`invalid_nhs_number`, `short_row`, …). */
  reason: string;
  /** The valid NHS number (10 digits); absent for a rejected row. */
  nhsNumber?: string;
  /** A rejected row's NHS number cell as the practice typed it (trimmed; may be empty). */
  nhsNumberAsWritten?: string;
  surname: string;
  forename: string;
  /** ISO date, or undefined when missing/invalid. */
  dateOfBirth?: string;
  /** The preference value as written, for an unrecognised one. */
  preferenceAsWritten?: string;
}

/** The Fix records of one practice's export: at most a bounded number of rows, and how many more there were. */
export interface FixRecords {
  rows: FixRecord[];
  /** Records beyond the bound, counted but not listed. */
  more: number;
}

/** The practice's previous month's No preference list, to mark who is new this month. */
export interface PreviousGapList {
  period: string;
  /** The export that list came from: part of the gap list's fingerprint. */
  source: { bucket: string; key: string; etag: string; member?: string };
  nhsNumbers: ReadonlySet<string>;
}

/** Where the practice sits in the ICB, known only once the period's report is built. */
export interface IcbPosition {
  icbName: string;
  medianNoPreferencePct?: number;
  reportingPractices: number;
}

export interface GapList {
  period: string;
  practiceCode: string;
  practiceName?: string;
  clinicalSystem: string;
  extractDate: string;
  metrics: PracticeMetrics;
  /** Absent at ingest time; filled when the monthly report rebuilds the gap list. */
  icbPosition?: IcbPosition;
  /** Category *none*, in priority order. */
  noPreference: GapListPatient[];
  fixContactDetails: ContactFix[];
  /** Absent for lists staged before Fix records existed: the sheet then says nothing was recorded. */
  fixRecords?: FixRecords;
  /** Absent when there is no previous month's list to compare with: nobody is marked new. */
  previousList?: PreviousGapList;
}
