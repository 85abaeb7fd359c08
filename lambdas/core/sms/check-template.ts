import { applyGsmReplacements } from './gsm-replacements';
import type { SmsRuleId } from './sms-rules';
import { SMS_RULES } from './sms-rules';
import type { SmsEncoding, SmsSegments, Ucs2Trigger } from './sms-segments';
import { smsSegments, UCS2_SINGLE } from './sms-segments';

export interface TemplateCheckOptions {
  /** Price of one fragment in pounds, before VAT (NHS Notify's list price from 1 April 2026 is 0.024). */
  readonly costPerFragmentGbp: number;
  /** VAT added to the cost, e.g. 0.2 for 20%; none when absent. */
  readonly vatRate?: number;
  /** Sent to many patients at once: then an opt-out or alternative contact route is required. */
  readonly batch?: boolean;
  /** The recipients have explicitly consented to sensitive content (results, diagnoses) by SMS. */
  readonly consentForSensitive?: boolean;
}

/** Notes that explain a cost but break no rule on their own. */
export type TemplateNoteId = 'ucs2' | 'merge-fields';

export interface TemplateWarning {
  readonly rule: SmsRuleId | TemplateNoteId;
  /** What in this template triggered the warning and how to fix it. */
  readonly message: string;
  /** Why the rule exists, in one line. */
  readonly reason: string;
  /** True for the ICB's rules; false for advice (UCS-2 characters, merge fields). */
  readonly breaksRule: boolean;
}

export interface TemplateCheck {
  readonly name: string;
  readonly encoding: SmsEncoding;
  readonly characters: number;
  readonly units: number;
  readonly fragments: number;
  /** fragments x cost per fragment, unrounded. */
  readonly costGbp: number;
  readonly ucs2Triggers: Ucs2Trigger[];
  readonly warnings: TemplateWarning[];
  /** At least one warning breaks a rule: a practice's own checks should fail. */
  readonly breaksRule: boolean;
}

const UCS2_REASON = `One character outside the GSM alphabet makes the whole message UCS-2: ${UCS2_SINGLE} characters per fragment instead of 160.`;
const MERGE_FIELDS_REASON =
  'Lengths are counted on the template as written; the message sent is longer or shorter once merge fields are filled in.';
const WHITESPACE = /\s+/g;
/** Separators (spaces), control and format characters, and lone surrogates: shown by code point. */
const INVISIBLE = /^[\p{Z}\p{C}]/u;
/** [Patient Name], {{name}}, {name}, <Practice Name>: the usual ways messaging systems mark merge fields. */
const MERGE_FIELD =
  /\{\{[A-Za-z][\w .-]{0,39}\}\}|\{[A-Za-z][\w .-]{0,39}\}|\[[A-Za-z][\w .-]{0,39}\]|<[A-Za-z][\w .-]{0,39}>/g;

/**
 * Checks one SMS template against the ICB's SMS dos and don'ts (SPEC §7): encoding, fragments and
 * cost, every rule it breaks with the reason, and advice on characters that force UCS-2.
 */
export function checkTemplate(name: string, text: string, options: TemplateCheckOptions): TemplateCheck {
  const { costPerFragmentGbp } = options;
  if (!Number.isFinite(costPerFragmentGbp) || costPerFragmentGbp < 0) {
    throw new RangeError(`costPerFragmentGbp must be a number of pounds, 0 or more; got ${costPerFragmentGbp}.`);
  }
  const vatRate = options.vatRate ?? 0;
  if (!Number.isFinite(vatRate) || vatRate < 0 || vatRate > 1) {
    throw new RangeError(`vatRate must be a rate from 0 to 1; got ${vatRate}.`);
  }
  const segments = smsSegments(text);
  const searchText = applyGsmReplacements(text).toLowerCase().replace(WHITESPACE, ' ');
  const input = {
    text,
    searchText,
    segments,
    batch: options.batch ?? false,
    consentForSensitive: options.consentForSensitive ?? false,
  };

  const warnings: TemplateWarning[] = [];
  const empty = searchText.trim() === '';
  for (const rule of SMS_RULES) {
    if (empty && rule.id !== 'empty') continue;
    const message = rule.test(input);
    if (message !== undefined) warnings.push({ rule: rule.id, message, reason: rule.reason, breaksRule: true });
  }
  warnings.push(...ucs2Warnings(segments));
  const mergeFields = [...new Set(Array.from(text.matchAll(MERGE_FIELD), (m) => m[0]))];
  if (mergeFields.length > 0) {
    warnings.push({
      rule: 'merge-fields',
      message: `Contains merge field${mergeFields.length === 1 ? '' : 's'} ${mergeFields.join(', ')}: check the length with typical values filled in.`,
      reason: MERGE_FIELDS_REASON,
      breaksRule: false,
    });
  }

  return {
    name,
    encoding: segments.encoding,
    characters: segments.characters,
    units: segments.units,
    fragments: segments.fragments,
    costGbp: segments.fragments * costPerFragmentGbp * (1 + vatRate),
    ucs2Triggers: segments.ucs2Triggers,
    warnings,
    breaksRule: warnings.some((w) => w.breaksRule),
  };
}

/** One warning per distinct non-GSM character, naming where it is and what to use instead. */
function ucs2Warnings(segments: SmsSegments): TemplateWarning[] {
  const positions = new Map<string, { suggestion: string | undefined; at: number[] }>();
  for (const trigger of segments.ucs2Triggers) {
    const seen = positions.get(trigger.char);
    if (seen) seen.at.push(trigger.index + 1);
    else positions.set(trigger.char, { suggestion: trigger.suggestion, at: [trigger.index + 1] });
  }
  return Array.from(positions, ([char, { suggestion, at }]) => ({
    rule: 'ucs2' as const,
    message: `${describeChar(char)} at character${at.length === 1 ? '' : 's'} ${at.join(', ')} switches the message to UCS-2; ${
      suggestion === undefined
        ? 'it has no GSM equivalent: remove it.'
        : suggestion === ''
          ? 'it is invisible: remove it.'
          : `replace it with ${describeSuggestion(suggestion)}`
    }`,
    reason: UCS2_REASON,
    breaksRule: false,
  }));
}

/** `’ (U+2019)`; spaces, invisible and control characters by code point only. */
function describeChar(char: string): string {
  const hex = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  return INVISIBLE.test(char) ? hex : `${char} (${hex})`;
}

function describeSuggestion(suggestion: string): string {
  if (suggestion === ' ') return 'a space';
  if (suggestion === '\n') return 'a line break';
  return suggestion;
}
