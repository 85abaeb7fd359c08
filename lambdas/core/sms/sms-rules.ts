import { applyGsmReplacements } from './gsm-replacements';
import type { SmsSegments } from './sms-segments';
import { GSM7_SINGLE, smsSegments, UCS2_SINGLE } from './sms-segments';

/**
 * The rules of the ICB's SMS dos and don'ts that a template can break (SPEC §7), each with the one-line
 * reason shown next to a warning.
 *
 * The content rules look for phrases, not single loose words, so that ordinary appointment and recall
 * messages pass: "open" alone is not an event ("we are open until 6.30pm"), "in the event of" is not
 * an event, "as a result" is not a test result, "welcome" alone is not a new member of staff. The
 * phrase lists are here and in docs/sms-check.md; they find likely problems for a person to judge,
 * they cannot prove a message is fine.
 */
export type SmsRuleId =
  | 'empty'
  | 'too-long'
  | 'survey'
  | 'news-or-marketing'
  | 'staff-or-third-party'
  | 'sensitive-content'
  | 'no-opt-out';

export interface SmsRuleInput {
  /** The template as written. */
  readonly text: string;
  /** The template lower-cased, with typographic quotes and dashes made plain, for phrase matching. */
  readonly searchText: string;
  readonly segments: SmsSegments;
  /** Sent to many patients at once: needs an opt-out or another way to contact the practice. */
  readonly batch: boolean;
  /** The patient has explicitly consented to receive sensitive content (results, diagnoses) by SMS. */
  readonly consentForSensitive: boolean;
}

export interface SmsRule {
  readonly id: SmsRuleId;
  /** Why the rule exists, in one line. */
  readonly reason: string;
  /** What in the template breaks the rule, or undefined when it does not. */
  test(input: SmsRuleInput): string | undefined;
}

/** Surveys and feedback requests. */
export const SURVEY_PHRASES: readonly RegExp[] = [
  /\bsurveys?\b/,
  /\bquestionnaires?\b/,
  /\bfeedback\b/,
  /\bfriends (?:and|&) family test\b/,
  /\bfft\b/,
  /\bhow did we do\b/,
  /\brate (?:us|our|your experience|the service)\b/,
  /\b(?:leave|write|give) (?:us )?a review\b/,
  /\btell us what you think\b/,
  /\bhow likely are you to recommend\b/,
  /\byour (?:views|opinions?) (?:on|about)\b/,
];

/** News and marketing: closures, staff joining or leaving, open days and events, newsletters, social media. */
export const NEWS_OR_MARKETING_PHRASES: readonly RegExp[] = [
  /\b(?:will be|is|are|be) closed\b/,
  /\bclosed (?:on|for|from|between|until|all day)\b/,
  /\bclosures?\b/,
  /\bclosing (?:on|for|at|from|early)\b/,
  /\b(?:has|have) (?:joined|left) (?:us|our|the)\b/,
  /\b(?:is|are) (?:joining|leaving) (?:us|our|the)\b/,
  /\bwelcome (?:dr|doctor|nurse|our new)\b/,
  /\bnew (?:gp|doctor|nurse|partner|pharmacist|physiotherapist|staff|team member)s?\b/,
  /\bretir(?:es|ed|ing|ement)\b/,
  /\bfarewell\b/,
  /\bopen (?:days?|evenings?|mornings?|afternoons?|events?)\b/,
  /\b(?<!in the |in any |in an )events?\b/,
  /\bcoffee mornings?\b/,
  /\bfundrais(?:e|er|ers|ing)\b/,
  /\bcharity\b/,
  /\braffle\b/,
  /\bcelebrat(?:e|es|ed|ing|ion|ions)\b/,
  /\bawareness (?:day|week|month)\b/,
  /\bjoin us\b/,
  /\bnewsletters?\b/,
  /\bnews\b/,
  /\bfollow us\b/,
  /\b(?:facebook|instagram|twitter|tiktok)\b/,
  /\bour new (?:website|app|building|premises|phone system|telephone system)\b/,
  /\bwe(?: are|'re| have|'ve) mov(?:ing|ed)\b/,
];

/** Messages to staff or to other organisations rather than to patients. */
export const STAFF_OR_THIRD_PARTY_PHRASES: readonly RegExp[] = [
  /\bdear (?:colleagues?|team|all|staff)\b/,
  /\ball staff\b/,
  /\bstaff (?:meeting|training|rota|briefing|members)\b/,
  /\bteam (?:meeting|briefing)\b/,
  /\b(?:practice|clinical|partners'?) meeting\b/,
  /\brotas?\b/,
  /\byour shifts?\b/,
  /\blocum (?:sessions?|shifts?)\b/,
  /\bdear (?:care home|pharmacy|pharmacist|supplier)\b/,
  /\bcare home (?:manager|staff)\b/,
  /\b(?:invoices?|purchase orders?|remittance)\b/,
];

/** Test results and diagnoses. */
export const SENSITIVE_PHRASES: readonly RegExp[] = [
  /\b(?<!as a )results?\b/,
  /\bdiagnos(?:is|es|ed|e)\b/,
  /\btested (?:positive|negative)\b/,
  /\b(?:test|swab|scan|smear|biopsy|x-ray) (?:was|is|came back|has come back) (?:positive|negative|abnormal|normal|clear)\b/,
  /\babnormal\b/,
  /\bbiops(?:y|ies)\b/,
  /\b(?:hiv|stis?|chlamydia|gonorrh?o?ea|syphilis|herpes)\b/,
  /\bsexually transmitted\b/,
  /\bsexual health\b/,
  /\bcancer\b(?! screening)/,
];

/** An opt-out or another way to reach the practice; batch messages need at least one. */
export const OPT_OUT_OR_CONTACT_PHRASES: readonly RegExp[] = [
  /\bopt(?:ing)?[ -]?out\b/,
  /\bunsubscribe\b/,
  /\b(?:reply|text|send) ["']?stop\b/,
  /\b(?:no longer|do not|don't) (?:wish|want) to (?:receive|get)\b/,
  /\bprefer not to (?:receive|get)\b/,
  /\b(?:call|phone|ring|telephone|contact|email|e-mail|message) (?:us|the (?:practice|surgery|reception|team|health centre|medical centre))\b/,
  /\b(?:get in touch|let us know)\b/,
  /\b(?:call|phone|ring) (?:on )?(?:0|\+44)\d/,
  /(?:^|[^\d])(?:0|\+44 ?)\d{2,4}[ -]?\d{3,4}[ -]?\d{3,4}(?![\d])/,
  /\bhttps?:\/\//,
  /\bwww\./,
  /\b(?:website|nhs app)\b/,
  /[^\s@]+@[^\s@]+\.[^\s@]+/,
];

/** The phrases of `patterns` found in `text`, in list order, as written in the (lower-cased) text. */
function findPhrases(text: string, patterns: readonly RegExp[]): string[] {
  const found: string[] = [];
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match && !found.includes(match[0])) found.push(match[0]);
  }
  return found;
}

function quoteList(phrases: readonly string[]): string {
  return phrases.map((p) => `"${p}"`).join(', ');
}

function phraseRule(id: SmsRuleId, reason: string, patterns: readonly RegExp[], what: string): SmsRule {
  return {
    id,
    reason,
    test: ({ searchText }) => {
      const found = findPhrases(searchText, patterns);
      return found.length === 0 ? undefined : `Mentions ${quoteList(found)}: this reads as ${what}.`;
    },
  };
}

/** The rules in the order their warnings are shown. */
export const SMS_RULES: readonly SmsRule[] = [
  {
    id: 'empty',
    reason: 'An empty message still costs a fragment and tells the patient nothing.',
    test: ({ searchText }) => (searchText.trim() === '' ? 'The template is empty: write the message text.' : undefined),
  },
  {
    id: 'too-long',
    reason:
      'Over 160 characters (70 with a non-GSM character) the message is sent in parts, and the cost doubles or more.',
    test: ({ text, segments }) => {
      if (segments.fragments <= 1) return undefined;
      const single = segments.encoding === 'GSM-7' ? GSM7_SINGLE : UCS2_SINGLE;
      const unitNote = segments.encoding === 'GSM-7' ? 'extension characters count two' : 'an emoji counts two';
      const counted =
        segments.units === segments.characters
          ? `${segments.characters} characters`
          : `${segments.characters} characters (${segments.units} counted: ${unitNote})`;
      const message = `${counted} in ${segments.encoding} need ${segments.fragments} fragments; one fragment holds ${single}. Shorten it by at least ${segments.units - single}`;
      if (segments.encoding === 'UCS-2') {
        const replaced = smsSegments(applyGsmReplacements(text));
        if (replaced.encoding === 'GSM-7' && replaced.fragments === 1) {
          return `${message}, or replace the non-GSM characters (see ucs2): that alone makes it fit in one fragment.`;
        }
      }
      return `${message}.`;
    },
  },
  phraseRule(
    'survey',
    'The ICB-funded SMS service is for care, not for surveys or feedback requests.',
    SURVEY_PHRASES,
    'a survey or feedback request',
  ),
  phraseRule(
    'news-or-marketing',
    'News and marketing (closures, staff joining or leaving, open days, events) belong on the website or in the newsletter, not in funded SMS.',
    NEWS_OR_MARKETING_PHRASES,
    'news or marketing',
  ),
  phraseRule(
    'staff-or-third-party',
    'The service is for messages to patients about their care; contact staff and other organisations another way.',
    STAFF_OR_THIRD_PARTY_PHRASES,
    'a message to staff or another organisation',
  ),
  {
    id: 'sensitive-content',
    reason:
      "Anyone who sees the phone can read a text, so results and diagnoses go by SMS only with the patient's explicit consent.",
    test: ({ searchText, consentForSensitive }) => {
      if (consentForSensitive) return undefined;
      const found = findPhrases(searchText, SENSITIVE_PHRASES);
      return found.length === 0
        ? undefined
        : `Mentions ${quoteList(found)}: sensitive content. Send it only to patients who have explicitly consented to receive it by SMS.`;
    },
  },
  {
    id: 'no-opt-out',
    reason: 'A message sent to many patients must tell them how to opt out or how else to contact the practice.',
    test: ({ searchText, batch }) => {
      if (!batch || findPhrases(searchText, OPT_OUT_OR_CONTACT_PHRASES).length > 0) return undefined;
      return 'No opt-out or contact route: add one, e.g. "Reply STOP to opt out" or "call us on 0113 496 0000".';
    },
  },
];
