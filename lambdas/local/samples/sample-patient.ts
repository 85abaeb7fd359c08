import type { PreferenceCategory } from './preference-spellings';
import type { DateParts } from './sample-dates';

/** A date of birth as the export will show it: a date (possibly in the future), nothing, or rubbish. */
export type SampleDateOfBirth =
  | { readonly kind: 'date'; readonly iso: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'impossible'; readonly date: DateParts }
  | { readonly kind: 'text'; readonly text: string };

export type SmsConsent = 'given' | 'withdrawn' | 'unrecorded';

/** Deliberate data-quality problems, recorded so tests and the README can find them. */
export type SampleProblem =
  | 'invalid_nhs_number'
  | 'duplicate_row'
  | 'dob_missing'
  | 'dob_invalid'
  | 'dob_future'
  | 'sms_no_mobile'
  | 'sms_invalid_mobile'
  | 'email_invalid'
  | 'sms_consent_withdrawn'
  | 'unrecognised_preference'
  | 'formula_like_name'
  | 'practice_code_empty'
  | 'practice_code_lower_case'
  | 'multiline_field';

/**
 * One synthetic registered patient in one month, with each value as the export writes it. Format-specific
 * spellings (dates, consent words, register columns) are left to the export formatter.
 */
export interface SamplePatient {
  /** Stable within the practice across months; orders the rows of an export. */
  readonly key: number;
  /** The patient's real (valid, 999-range) NHS number. */
  readonly nhsNumber: string;
  /** As written: usually `nhsNumber`, sometimes spaced or hyphenated, or deliberately invalid. */
  readonly nhsNumberText: string;
  readonly surname: string;
  readonly forename: string;
  readonly dateOfBirth: SampleDateOfBirth;
  /** The category the written value belongs to (`none` = no recorded preference). */
  readonly preference: PreferenceCategory;
  readonly preferenceText: string;
  /** As written; empty when none is recorded. May be invalid on purpose. */
  readonly mobile: string;
  readonly email: string;
  readonly smsConsent: SmsConsent;
  /** QOF register codes, plus now and then a code that is not a QOF register. */
  readonly qofRegisters: readonly string[];
  /** Free text of an Accessible Information Standard need; empty when there is none. */
  readonly aisNeed: string;
  /** A stable number 0-999 that formatters use to vary spellings (consent words, empty markers). */
  readonly variant: number;
  /** How the practice code cell is written: the code, empty (falls back to the file name), or ` y01234`. */
  readonly practiceCodeCell: 'code' | 'empty' | 'lower-case';
  /** When set, a second row for the same NHS number follows later in the file with this preference text. */
  readonly duplicate?: { readonly preferenceText: string };
  readonly problems: readonly SampleProblem[];
}
