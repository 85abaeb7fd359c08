import { describe, expect, it } from 'vitest';
import { readAisNeed } from '../../../../lambdas/core/values/ais-need';
import { isSmsConsentWithdrawn } from '../../../../lambdas/core/values/sms-consent';

/** SPEC §2.3b, typed out again here so that a slip in the code's table shows up as a failing test. */
const SMS_CODED: readonly { term: string; id?: string; withdrawn: boolean }[] = [
  {
    term: 'Consent given for communication by short message service text messaging',
    id: '699237001',
    withdrawn: false,
  },
  {
    term: 'Consent given to receive test results by short message service text messaging',
    id: '911361000000104',
    withdrawn: false,
  },
  { term: 'Declined consent for short message service text messaging', id: '513631000000106', withdrawn: true },
  { term: 'Dissent from communication by short message service text messaging', withdrawn: true },
  { term: 'Dissent from communication by SMS text message', withdrawn: true },
  {
    term: 'Declined consent to receive test results by short message service text messaging',
    id: '911401000000108',
    withdrawn: false,
  },
];

const AIS_CODED: readonly { term: string; id: string; contactBy?: string }[] = [
  { term: 'Requires contact by email', id: '936741000000100', contactBy: 'email' },
  { term: 'Requires contact by letter', id: '936721000000107', contactBy: 'letter' },
  { term: 'Requires contact by short message service text message', id: '936701000000103', contactBy: 'sms' },
  { term: 'Requires contact by telephone', id: '795661000000104', contactBy: 'telephone' },
  { term: 'Requires contact by text relay', id: '796081000000106', contactBy: 'textRelay' },
  { term: 'Requires contact via carer', id: '719561001', contactBy: 'carer' },
  { term: 'British Sign Language interpreter needed', id: '204331000000107' },
  { term: 'Requires written information in at least 20 point sans serif font', id: '957331000000109' },
  { term: 'Requires written information in at least 24 point sans serif font', id: '957351000000102' },
  { term: 'Requires written information in at least 28 point sans serif font', id: '957371000000106' },
  { term: 'Easyread', id: '796161000000101' },
];

/** Each written form of SPEC §2.3b, as exports hold them, plus case and spacing variants. */
function forms(term: string, id: string | undefined): string[] {
  const written = [term, term.toUpperCase(), term.toLowerCase(), `  ${term.replaceAll(' ', '  ')} `];
  if (id === undefined) return written;
  return [
    ...written,
    id,
    ` ${id} `,
    `${term} (${id})`,
    `${term.toUpperCase()} (${id})`,
    `${id} ${term}`,
    `${id} ${term.toLowerCase()}`,
    `${id} - ${term}`,
    `${id}  -  ${term.toUpperCase()}`,
  ];
}

const smsCases = SMS_CODED.flatMap(({ term, id, withdrawn }) => forms(term, id).map((raw) => ({ raw, withdrawn })));
const aisCases = AIS_CODED.flatMap(({ term, id, contactBy }) => forms(term, id).map((raw) => ({ raw, contactBy })));

describe('SMS consent coded entries', () => {
  it.each(smsCases)('reads "$raw" as withdrawn: $withdrawn in a consent column', ({ raw, withdrawn }) => {
    expect(isSmsConsentWithdrawn(raw, 'consent')).toBe(withdrawn);
  });

  it.each(smsCases)('reads "$raw" as withdrawn: $withdrawn in a dissent column too', ({ raw, withdrawn }) => {
    expect(isSmsConsentWithdrawn(raw, 'dissent')).toBe(withdrawn);
  });

  it.each([
    // A different id, a truncated term, the id with a digit missing, a term with the wrong id: not coded entries,
    // so the column's plain vocabulary decides (none of these is in it: not withdrawn in a consent column).
    'Declined consent for short message service',
    '51363100000010',
    '513631000000107',
    'Declined consent for short message service text messaging (699237001)',
    '513631000000106 Consent given for communication by short message service text messaging',
    'Declined consent for short message service text messaging 513631000000106',
  ])('does not read the near-miss "%s" as a coded withdrawal', (raw) => {
    expect(isSmsConsentWithdrawn(raw, 'consent')).toBe(false);
  });

  it('reads the consent-given code in a dissent column as not withdrawn (the code, not the column, decides)', () => {
    expect(isSmsConsentWithdrawn('699237001', 'dissent')).toBe(false);
    expect(isSmsConsentWithdrawn('Yes', 'dissent')).toBe(true);
  });
});

describe('AIS coded entries', () => {
  it.each(aisCases)('reads "$raw" as a need, contact by $contactBy', ({ raw, contactBy }) => {
    expect(readAisNeed(raw)).toEqual(contactBy === undefined ? { need: true } : { need: true, contactBy });
  });

  it.each([
    'Interpreter not needed',
    'INTERPRETER NOT NEEDED',
    'No support needed',
    ' no  support needed ',
    'No communication support needed',
    'No accessible information need',
    'Interpreter needed - Polish',
    'interpreter needed - BENGALI',
    'Interpreter needed -Polish',
  ])('reads "%s" as no AIS need', (raw) => {
    expect(readAisNeed(raw)).toEqual({ need: false });
  });

  it.each([
    'Interpreter needed - British Sign Language',
    'Interpreter needed',
    'Requires contact by letter please',
    'Requires contact by post',
    '936721000000108',
  ])('reads "%s" as a need with no "contact by" (a sign language, or not a known entry)', (raw) => {
    expect(readAisNeed(raw)).toEqual({ need: true });
  });
});
