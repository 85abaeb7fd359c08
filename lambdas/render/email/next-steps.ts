import type { PracticeMetrics } from '../../core/report/tidy-columns';
import { roundMetric } from '../rounding';
import { formatGbp, patients } from './email-number-format';

const KEEP_ASKING = 'Keep asking new patients how they would like to be contacted when they register.';

/**
 * What the practice should do next, in plain English and in order, tailored to its numbers:
 * the gap list puts the patients to ask first at the top, so the first step says who they are.
 * A leading practice (deciles 1–2) gets the short list: who to ask, keep asking, and any records to fix.
 */
export function nextSteps(m: PracticeMetrics, options: { leading?: boolean } = {}): string[] {
  const noPreference = m.no_preference ?? 0;
  const fixes = (m.dq_sms_no_mobile ?? 0) + (m.dq_email_no_address ?? 0) + (m.dq_sms_dissent ?? 0);
  const fixStep =
    fixes > 0
      ? `Correct the contact details of the ${patients(fixes)} on the "Fix contact details" sheet: ` +
        'their recorded preference cannot be used as things stand (for example SMS with no valid mobile number).'
      : undefined;

  if (noPreference === 0) {
    return [
      `Every registered patient has a recorded preference: thank you. ${KEEP_ASKING}`,
      ...(fixStep ? [fixStep] : []),
    ];
  }

  const steps: string[] = [];
  const qof = m.qof_no_preference ?? 0;
  const ais = m.ais_need_no_preference ?? 0;
  if (qof > 0 && ais > 0) {
    steps.push(
      'Start at the top of the "No preference" sheet: patients on a QOF register who also have an accessible ' +
        `information need come first. In all, ${patients(qof)} on a QOF register and ${patients(ais)} with an ` +
        'accessible information need have no recorded preference. Their QOF invitations go by the method on ' +
        'record, so ask them how they would like to be contacted.',
    );
  } else if (qof > 0) {
    steps.push(
      `Start with the ${patients(qof)} on a QOF register at the top of the "No preference" sheet: their QOF ` +
        'invitations go by the method on record, so ask them how they would like to be contacted.',
    );
  } else if (ais > 0) {
    steps.push(
      `Start with the ${patients(ais)} with an accessible information need at the top of the "No preference" ` +
        'sheet: a text message sent by default may not be something they can use.',
    );
  } else {
    steps.push(
      `Work down the "No preference" sheet (${patients(noPreference)}), starting with patients aged 16 or over, ` +
        'and ask each how they would like to be contacted.',
    );
  }

  if (options.leading) return [...steps, KEEP_ASKING, ...(fixStep ? [fixStep] : [])];

  const sms = m.default_to_sms ?? 0;
  if (sms > 0) {
    const cost = formatGbp(m.est_annual_sms_cost_gbp);
    steps.push(
      `${capitalise(patients(sms))} would be sent SMS by default. Recording what they want avoids messages they ` +
        `may not want${cost === undefined || cost === '£0.00' ? '' : ` and an estimated ${cost} a year in SMS costs for QOF invitations`}.`,
    );
  }
  const unreachable = m.unreachable_electronic ?? 0;
  if (unreachable > 0) {
    steps.push(
      `${capitalise(patients(unreachable))} with no recorded preference ${unreachable === 1 ? 'has' : 'have'} no ` +
        'valid mobile number or email address: ask at their next contact or by letter, and record letter or ' +
        'telephone if that is what they want.',
    );
  }
  if (fixStep) steps.push(fixStep);
  if ((roundMetric(m.change_pct_points, 'pct') ?? 0) > 0) {
    steps.push(
      'Your gap grew since last month: check that new patients are asked for a preference when they register.',
    );
  }
  return steps;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
