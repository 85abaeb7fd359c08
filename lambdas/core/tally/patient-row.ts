import type { AisContactBy } from '../values/coded-entries';
import type { PreferenceCategory } from '../values/preference-category';

/** One valid patient row, normalised: what the tally needs and nothing more. */
export interface PatientRow {
  practiceCode: string;
  nhsNumber: string;
  /** ISO date; undefined when missing, invalid or after the extract date. */
  dateOfBirth: string | undefined;
  /** Whole years at the extract date; undefined without a usable date of birth. */
  age: number | undefined;
  /** ISO date this row was extracted (the column, else the file-level date). */
  extractDate: string;
  category: PreferenceCategory;
  /** The preference as written (trimmed); kept only to list unrecognised values. */
  preferenceRaw: string;
  hasMobile: boolean;
  hasEmail: boolean;
  smsConsentWithdrawn: boolean;
  aisNeed: boolean;
  /** The X of an AIS "Requires contact by X" entry (SPEC §2.3b), for the gap list; undefined for any other. */
  aisContactBy: AisContactBy | undefined;
  qofRegisters: string[];
  unknownRegisters: string[];
  surname: string;
  forename: string;
}

/** Why a data row could not be used. `unattributed` rows belong to no practice. */
export type RowOutcome =
  | { ok: true; row: PatientRow }
  | { ok: false; reason: 'invalid_nhs_number' | 'short_row'; practiceCode: string }
  | { ok: false; reason: 'unattributed' };
