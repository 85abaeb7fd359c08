import { monthName } from '../core/period';
import type { NotificationLedger } from '../ports';
import type { ResendEmail } from './admin-actions';

/**
 * Resending marks the practice's notification as not sent (`failed` may be claimed again), so the
 * next notify run for that month sends it once more; the exactly-once rule stays in one place.
 * `howToSend` tells the admin when that happens (deployed: the schedule; locally: the command).
 */
export function ledgerResend(ledger: NotificationLedger, now: () => Date, howToSend: string): ResendEmail {
  return async (practiceCode, period) => {
    await ledger.putNotification({
      period,
      practiceCode,
      status: 'failed',
      at: now().toISOString(),
      error: 'resend requested by an admin',
    });
    return `${practiceCode}'s email for ${monthName(period)} will be sent again ${howToSend}.`;
  };
}
