/**
 * The practice's page in the report portal (SPEC §4.4, §4.5): `https://reports.example.nhs.uk/practice/A81001/2026-10`.
 * It holds no secret and does not expire; the portal asks the reader to sign in and checks their practice.
 */
export function practicePageUrl(portalBaseUrl: string, practiceCode: string, period: string): string {
  return `${portalBaseUrl.replace(/\/+$/, '')}/practice/${encodeURIComponent(practiceCode)}/${encodeURIComponent(period)}`;
}
