import { FORM_TOKEN_FIELD } from '../form-token';
import type { PortalUser } from '../portal-user';
import { html, type SafeHtml } from '../safe-html';

/** What every page's frame needs: who is signed in (for the navigation) and the form token. */
export interface PageFrame {
  icbName: string;
  user?: PortalUser;
  formToken?: string;
}

/** The hidden CSRF field every form carries. */
export function formTokenField(frame: PageFrame): SafeHtml {
  return html`<input type="hidden" name="${FORM_TOKEN_FIELD}" value="${frame.formToken ?? ''}">`;
}

function navigation(frame: PageFrame): SafeHtml | undefined {
  const user = frame.user;
  if (!user) return undefined;
  const isAdmin = user.roles.includes('admin');
  return html`<nav class="nhsuk-header__navigation" aria-label="Portal">
  <div class="nhsuk-header__navigation-container nhsuk-width-container">
    <ul class="nhsuk-header__navigation-list">
      <li class="nhsuk-header__navigation-item"><a class="nhsuk-header__navigation-link" href="/">Reports</a></li>
      ${
        isAdmin &&
        html`<li class="nhsuk-header__navigation-item"><a class="nhsuk-header__navigation-link" href="/admin">Administration</a></li>
      <li class="nhsuk-header__navigation-item"><a class="nhsuk-header__navigation-link" href="/admin/audit">Audit log</a></li>`
      }
    </ul>
  </div>
</nav>`;
}

function signOut(frame: PageFrame): SafeHtml | undefined {
  if (!frame.user) return undefined;
  return html`<form method="post" action="/auth/sign-out" class="portal-sign-out">
    ${formTokenField(frame)}
    <p class="nhsuk-body-s nhsuk-u-margin-bottom-2">Signed in as ${frame.user.id}
      <button type="submit" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0">Sign out</button></p>
  </form>`;
}

/** An NHS.UK frontend page: skip link, header with navigation, one main landmark, footer. No scripts. */
export function layout(frame: PageFrame, title: string, main: SafeHtml): string {
  return `<!DOCTYPE html>${html`<html lang="en-GB" class="nhsuk-template">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – ${frame.icbName} report portal</title>
<link rel="stylesheet" href="/assets/nhsuk-frontend.min.css">
<link rel="stylesheet" href="/assets/portal.css">
<link rel="icon" href="/assets/images/favicon.svg" type="image/svg+xml">
</head>
<body class="nhsuk-template__body">
<a class="nhsuk-skip-link" href="#maincontent">Skip to main content</a>
<header class="nhsuk-header" role="banner">
  <div class="nhsuk-header__container nhsuk-width-container">
    <div class="nhsuk-header__service">
      <a class="nhsuk-header__service-name" href="/">${frame.icbName} report portal</a>
    </div>
  </div>
  ${navigation(frame)}
</header>
<div class="nhsuk-width-container">
  <main class="nhsuk-main-wrapper" id="maincontent">
    ${signOut(frame)}
    ${main}
  </main>
</div>
<footer class="nhsuk-footer" role="contentinfo">
  <div class="nhsuk-width-container">
    <p class="nhsuk-body-s">Patient communication preferences: reports for ${frame.icbName}. Gap lists are OFFICIAL-SENSITIVE: keep them inside the practice.</p>
  </div>
</footer>
</body>
</html>`}`;
}
