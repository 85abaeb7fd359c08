import { monthName } from '../../core/period';
import { html } from '../safe-html';
import { layout, type PageFrame } from './layout';

export interface HeldPractice {
  practiceCode: string;
  practiceName?: string;
  /** Periods with figures for the practice, newest first. */
  periods: string[];
}

/** A practice user's home: their practices and the months each has figures for. */
export function practiceHomePage(frame: PageFrame, practices: readonly HeldPractice[]): string {
  return layout(
    frame,
    'Your practices',
    html`<h1>Your practices</h1>
${practices.length === 0 && html`<p>Your account is not linked to any practice yet. Ask your ICB’s portal administrator.</p>`}
${practices.map(
  (p) => html`<h2>${p.practiceName ?? p.practiceCode} (${p.practiceCode})</h2>
${
  p.periods.length === 0
    ? html`<p>No reports for this practice yet.</p>`
    : html`<ul class="nhsuk-list nhsuk-list--bullet">${p.periods.map(
        (period) => html`<li><a href="/practice/${p.practiceCode}/${period}">${monthName(period)}</a></li>`,
      )}</ul>`
}`,
)}`,
  );
}
