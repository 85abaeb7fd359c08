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
}
