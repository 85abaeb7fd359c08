/**
 * Whether the gap list may be attached for this recipient (SPEC §4.4): only for domains on the
 * allow-list, e.g. `nhs.net`, whose mail stays on secure NHS systems. A domain matches an entry
 * when it equals it or is a subdomain of it (`x.nhs.net` matches `nhs.net`; `evilnhs.net` and
 * `nhs.net.example.com` do not). Everyone else gets only the time-limited link.
 */
export function attachmentAllowed(email: string, allowedDomains: readonly string[]): boolean {
  const domain = recipientDomain(email);
  if (domain === undefined) return false;
  for (const entry of allowedDomains) {
    const allowed = normaliseDomain(entry);
    if (allowed === '') continue;
    if (domain === allowed || domain.endsWith(`.${allowed}`)) return true;
  }
  return false;
}

/** The part after the last `@`, lower-cased, without a trailing root dot; undefined when there is none. */
function recipientDomain(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  if (at === -1) return undefined;
  const domain = normaliseDomain(email.slice(at + 1));
  return domain === '' ? undefined : domain;
}

/** `@NHS.net`, `*.nhs.net`, `.nhs.net` and `nhs.net.` all mean `nhs.net`. */
export function normaliseDomain(entry: string): string {
  let domain = entry.trim().toLowerCase();
  if (domain.startsWith('*.')) domain = domain.slice(2);
  while (domain.startsWith('@') || domain.startsWith('.')) domain = domain.slice(1);
  while (domain.endsWith('.')) domain = domain.slice(0, -1);
  return domain;
}
