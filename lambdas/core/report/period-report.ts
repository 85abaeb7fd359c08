import type { PracticeCounts } from '../metrics/practice-counts';
import type { RegisterCounts } from '../snapshot';
import type { PcnRow } from './pcn-rows';
import type { PracticeMetrics } from './tidy-columns';

/** Assumptions behind the SMS cost estimate, printed on the Definitions sheet. */
export interface SmsCostAssumptions {
  invitesPerYear: number;
  fragmentsPerInvite: number;
  costPerFragmentGbp: number;
  /** VAT added to the cost per fragment, e.g. 0.2 for 20%. */
  vatRate: number;
}

/** A file that could not be ingested, kept in quarantine with its reason. */
export interface QuarantinedFile {
  file: string;
  reason: string;
  hint: string;
  quarantinedAt: string;
}

/** Notes about one export that was ingested (the ingest record). */
export interface IngestedFileNote {
  file: string;
  practiceCodes: string[];
  /** Rows that could not be attributed to any practice (no valid practice code). */
  unattributedRows: number;
  preambleLines: number;
  trailingSummaryLines: number;
  ignoredHeaders: string[];
  /** E.g. the extract date in the column and the one in the file name disagree. */
  notes: string[];
}

export interface CompletenessEntry {
  practiceCode: string;
  practiceName?: string;
  /** For stale practices: the extract date of their latest earlier export. */
  lastExtractDate?: string;
}

/** Everything the ICB monthly workbook and tidy CSV show for one period. No patient-level data. */
export interface PeriodReport {
  icbName: string;
  period: string;
  /** ISO timestamp. */
  generatedAt: string;
  /** One row per practice (directory practices without an export included), worst first. */
  practices: PracticeMetrics[];
  /** ICB totals, same definitions summed over reporting practices. */
  icb: { counts: PracticeCounts; metrics: PracticeMetrics };
  /** Median of practices' no_preference_pct (reporting practices). */
  medianNoPreferencePct?: number;
  completeness: {
    reporting: number;
    expected: number;
    missing: CompletenessEntry[];
    stale: CompletenessEntry[];
    notInDirectory: CompletenessEntry[];
  };
  /** The same measures per PCN of the directory (SPEC §4.1 PCNs sheet), worst first, No PCN recorded last. */
  pcns: PcnRow[];
  /** ICB-wide register counts by QOF code, plus per practice. */
  registers: { code: string; name: string; icb: RegisterCounts; byPractice: Record<string, RegisterCounts> }[];
  dataQuality: {
    rejectedRows: { practiceCode: string; reason: string; count: number }[];
    duplicates: { practiceCode: string; count: number }[];
    dobMissing: { practiceCode: string; count: number }[];
    unrecognisedValues: { value: string; count: number; practiceCodes: string[] }[];
    unknownRegisterCodes: { code: string; count: number; practiceCodes: string[] }[];
    ingestedFiles: IngestedFileNote[];
    quarantinedFiles: QuarantinedFile[];
  };
  /** Last up to 12 periods ending with this one; undefined where a practice did not report. */
  trend: {
    periods: string[];
    icb: (number | undefined)[];
    practices: { practiceCode: string; practiceName?: string; values: (number | undefined)[] }[];
  };
  assumptions: SmsCostAssumptions;
  /** Whether counts 1–7 are shown as `*` (shareable copies). */
  suppressSmallNumbers: boolean;
}
