/** How long a `sending` claim may stand before its delivery is called unknown: a send takes seconds. */
export const STUCK_SENDING_MS = 60 * 60 * 1000;

/** The exact command that sends one practice's email for a month again, whatever its ledger says. */
export function resendCommand(practiceCode: string, period: string): string {
  return `npm start -- notify --resend ${practiceCode} --period ${period}`;
}
