import { monthName, previousPeriod } from '../../core/period';
import type { PracticeMetrics, TidyColumn } from '../../core/report/tidy-columns';
import { formatChange, formatCount, formatGbp, formatPct } from './email-number-format';
import { positionValue } from './position-note';

/** One line of the "Your numbers" table, shared by the plain-text and HTML parts. */
export interface HeadlineRow {
  label: string;
  value: string;
}

/** A practice's row, exact or as published under disclosure control (a count may then be `*`). */
export type HeadlineMetrics = Readonly<Record<TidyColumn, number | string | undefined>>;

export interface HeadlineInput {
  metrics: HeadlineMetrics | PracticeMetrics;
  period: string;
  medianNoPreferencePct?: number;
  reportingPractices: number;
}

/**
 * The practice's headline numbers for its email: aggregates only, never patient data. A number
 * that could not be computed (e.g. no change because the practice did not report last month) is
 * left out rather than shown as 0.
 */
export function headlineNumbers({
  metrics: m,
  period,
  medianNoPreferencePct,
  reportingPractices,
}: HeadlineInput): HeadlineRow[] {
  const rows: HeadlineRow[] = [];
  const add = (label: string, value: string | undefined) => {
    if (value !== undefined) rows.push({ label, value });
  };
  add('Registered patients', count(m.registered));
  add('No recorded preference', withPct(m.no_preference, numeric(m.no_preference_pct)));
  add(`Change since ${monthName(previousPeriod(period))}`, formatChange(numeric(m.change_pct_points)));
  add('Your position in the ICB', positionValue(numeric(m.decile), reportingPractices));
  add('ICB median, no recorded preference', formatPct(medianNoPreferencePct));
  add('Would be sent SMS by default (no preference, a mobile, SMS consent not withdrawn)', count(m.default_to_sms));
  if (m.qof_no_preference !== undefined && m.qof_patients !== undefined) {
    const pct = formatPct(numeric(m.qof_no_preference_pct));
    add(
      'On a QOF register with no recorded preference',
      m.qof_patients === 0
        ? '0 (no patients on a QOF register in the export)'
        : `${count(m.qof_no_preference)} of ${count(m.qof_patients)}${pct === undefined ? '' : ` (${pct})`}`,
    );
  }
  add('Accessible information need with no recorded preference', count(m.ais_need_no_preference));
  add('Estimated yearly SMS cost of QOF invitations sent by default', formatGbp(numeric(m.est_annual_sms_cost_gbp)));
  return rows;
}

/** A count as written: a published `*` stays `*`. */
function count(value: number | string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : formatCount(value);
}

function withPct(value: number | string | undefined, pct: number | undefined): string | undefined {
  const shownCount = count(value);
  if (shownCount === undefined) return undefined;
  const shown = formatPct(pct);
  return shown === undefined ? shownCount : `${shownCount} (${shown})`;
}

/** A percentage, rank or amount: blank (undefined) where disclosure control left none. */
function numeric(value: number | string | undefined): number | undefined {
  return typeof value === 'number' ? value : undefined;
}
