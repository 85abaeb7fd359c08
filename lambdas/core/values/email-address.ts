/**
 * A deliberately simple email check (SPEC §2.4): it catches what a clerk mistypes (no `@`, a space,
 * a missing domain, `..`), not every RFC 5322 subtlety. Leading and trailing spaces in the cell are ignored.
 */

const WHITESPACE = /\s/;

/**
 * True for exactly one `@`, no spaces, a non-empty local part and a domain of two or more
 * non-empty dot-separated labels (no leading, trailing or double dots).
 */
export function isValidEmail(raw: string): boolean {
  const text = raw.trim();
  const at = text.indexOf('@');
  if (at <= 0 || text.indexOf('@', at + 1) !== -1 || WHITESPACE.test(text)) return false;
  const domainStart = at + 1;
  const domainEnd = text.length;
  if (domainStart >= domainEnd || text[domainStart] === '.' || text[domainEnd - 1] === '.') return false;
  const firstDot = text.indexOf('.', domainStart);
  return firstDot !== -1 && text.indexOf('..', domainStart) === -1;
}
