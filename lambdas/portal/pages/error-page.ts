import { html } from '../safe-html';
import { layout, type PageFrame } from './layout';

const TITLES: Record<number, string> = {
  400: 'That address is not valid',
  401: 'Sign in to continue',
  403: 'You do not have access to this page',
  404: 'Page not found',
  500: 'Sorry, there is a problem with the portal',
};

/**
 * A page for a refused or failed request. It never names what was asked for: a 403 for another
 * practice's file reads exactly like a 403 for any other page.
 */
export function errorPage(frame: PageFrame, status: number, detail: string, signInPath?: string): string {
  const title = TITLES[status] ?? TITLES[500] ?? '';
  return layout(
    frame,
    title,
    html`<h1>${title}</h1>
<p>${detail}</p>
${status === 401 && signInPath && html`<p><a class="nhsuk-button" href="${signInPath}">Sign in</a></p>`}
${status === 401 && !signInPath && html`<p>On this computer, sign in with the link <code>npm start -- serve</code> printed; each link works once, so restart serve for a new one.</p>`}
<p><a href="/">Go to the reports</a></p>`,
  );
}

export const ERROR_DETAIL: Record<400 | 401 | 403 | 404, string> = {
  400: 'Check the address: a practice code is a capital letter and five digits, and a month is written like 2026-10.',
  401: 'You need to sign in to see reports.',
  403: 'Your account cannot open this page. If you think it should, ask your ICB’s portal administrator.',
  404: 'There is nothing at this address. The report may not have been built yet.',
};
