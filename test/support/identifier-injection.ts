import fc from 'fast-check';
import { MONTH_NAMES } from '../../lambdas/core/period';
import { FORENAMES, SURNAMES } from '../../lambdas/local/samples/sample-names';
import { syntheticNhsNumbers } from './synthetic-nhs-number';

/**
 * fast-check arbitraries for synthetic patient identifiers in the spellings people type them, to inject
 * into any column of an export and prove that none reaches a shared output (SPEC §8, issue 13). All
 * synthetic: 999-range NHS numbers, drama-range mobiles, `example` email domains, sample names.
 */

export type IdentifierKind = 'nhsNumber' | 'name' | 'mobile' | 'email' | 'date' | 'postcode';

export interface InjectedIdentifier {
  kind: IdentifierKind;
  /** The identifier as injected. */
  text: string;
  /** For a name: the name as the export's forename or surname column holds it (`text` may differ in case). */
  name?: string;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** A valid 999-range NHS number: plain, spaced 3-3-4 or hyphenated. */
export const nhsNumberArbitrary: fc.Arbitrary<InjectedIdentifier> = fc
  .tuple(fc.integer({ min: 0, max: 999_000 }), fc.constantFrom('', ' ', '-'))
  .map(([start, separator]) => {
    const n = syntheticNhsNumbers(1, start)[0] as string;
    return { kind: 'nhsNumber', text: [n.slice(0, 3), n.slice(3, 6), n.slice(6)].join(separator) };
  });

/** A drama-range mobile `07700 900xxx` in one of the ways exports and people write it. */
export const mobileArbitrary: fc.Arbitrary<InjectedIdentifier> = fc
  .tuple(
    fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0')),
    fc.constantFrom(
      (d: string) => `07700 900${d}`,
      (d: string) => `07700900${d}`,
      (d: string) => `07700 900 ${d}`,
      (d: string) => `07700-900-${d}`,
      (d: string) => `(07700) 900${d}`,
      (d: string) => `+44 7700 900${d}`,
      (d: string) => `+447700900${d}`,
      (d: string) => `+44 (0)7700 900${d}`,
      (d: string) => `0044 7700 900 ${d}`,
      (d: string) => `7700900${d}`,
    ),
  )
  .map(([digits, spell]) => ({ kind: 'mobile', text: spell(digits) }));

/** Letters a to z of a sample name, for an email's local part (`o'brien` → `obrien`). */
function asciiLetters(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** An address at an `example` domain made from sample names, sometimes with digits or a `+tag`. */
export const emailArbitrary: fc.Arbitrary<InjectedIdentifier> = fc
  .tuple(
    fc.constantFrom(...FORENAMES),
    fc.constantFrom(...SURNAMES),
    fc.constantFrom('.', '_', ''),
    fc.constantFrom('', '1', '1961', '+gp'),
    fc.constantFrom('example.com', 'example.org', 'example.co.uk', 'example.nhs.uk'),
    fc.boolean(),
  )
  .map(([forename, surname, joiner, suffix, domain, upper]) => {
    const address = `${asciiLetters(forename)}${joiner}${asciiLetters(surname)}${suffix}@${domain}`;
    return { kind: 'email', text: upper ? address.toUpperCase() : address };
  });

/** A date of birth in every SPEC §2.2 form, with two-digit years, `D/M/YY` and month names. */
export const dateArbitrary: fc.Arbitrary<InjectedIdentifier> = fc
  .tuple(
    fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }),
    fc.constantFrom(
      (d: number, m: number, y: number) => `${y}-${two(m)}-${two(d)}`,
      (d: number, m: number, y: number) => `${two(d)}/${two(m)}/${y}`,
      (d: number, m: number, y: number) => `${two(d)}-${two(m)}-${y}`,
      (d: number, m: number, y: number) => `${two(d)}.${two(m)}.${y}`,
      (d: number, m: number, y: number) => `${two(d)}-${MONTH_NAMES[m - 1]?.slice(0, 3)}-${y}`,
      (d: number, m: number, y: number) => `${two(d)} ${MONTH_NAMES[m - 1]?.slice(0, 3)} ${y}`,
      (d: number, m: number, y: number) => `${two(d)}/${two(m)}/${two(y % 100)}`,
      (d: number, m: number, y: number) => `${d}/${m}/${two(y % 100)}`,
      (d: number, m: number, y: number) => `${d} ${MONTH_NAMES[m - 1]} ${y}`,
      (d: number, m: number, y: number) => `${d}-${MONTH_NAMES[m - 1]?.slice(0, 3).toUpperCase()}-${two(y % 100)}`,
    ),
  )
  .map(([date, spell]) => ({
    kind: 'date',
    text: spell(date.getUTCDate(), date.getUTCMonth() + 1, date.getUTCFullYear()),
  }));

/** Letters used in the inward code of a UK postcode. */
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ'.split('');

/** A full UK postcode shape (`LS1 4AP`, `SW1A 1AA`, `B33 8TH`), spaced or not, in either case. */
export const postcodeArbitrary: fc.Arbitrary<InjectedIdentifier> = fc
  .tuple(
    fc.constantFrom('LS', 'M', 'B', 'SW', 'CR', 'DN', 'EH', 'G', 'NE', 'BS', 'W'),
    fc.integer({ min: 1, max: 99 }),
    fc.constantFrom('', 'A', 'W'),
    fc.integer({ min: 0, max: 9 }),
    fc.constantFrom(...INWARD_LETTERS),
    fc.constantFrom(...INWARD_LETTERS),
    fc.constantFrom(' ', '', '  '),
    fc.boolean(),
  )
  .map(([area, district, letter, sector, unit1, unit2, space, lower]) => {
    const outward = `${area}${district}${district < 10 ? letter : ''}`;
    const code = `${outward}${space}${sector}${unit1}${unit2}`;
    return { kind: 'postcode', text: lower ? code.toLowerCase() : code };
  });

/** Ways to retype a name that must still count as that name. */
const NAME_SPELLINGS: readonly ((name: string) => string)[] = [
  (name) => name,
  (name) => name.toUpperCase(),
  (name) => name.toLowerCase(),
  (name) => name.normalize('NFKD').replace(/\p{M}/gu, ''),
  (name) => name.replace(/'/g, '’'),
  (name) => name.replace(/’/g, "'"),
];

/** A sample forename or surname, retyped; `name` is the spelling in the export's name column. */
export const nameArbitrary: fc.Arbitrary<InjectedIdentifier> = fc
  .tuple(fc.constantFrom(...SURNAMES, ...FORENAMES), fc.constantFrom(...NAME_SPELLINGS))
  .map(([name, spell]) => ({ kind: 'name', text: spell(name), name }));

/** Any one identifier of any kind. */
export const identifierArbitrary: fc.Arbitrary<InjectedIdentifier> = fc.oneof(
  nhsNumberArbitrary,
  nameArbitrary,
  mobileArbitrary,
  emailArbitrary,
  dateArbitrary,
  postcodeArbitrary,
);

/** An identifier alone or inside ordinary words, as someone types it into a free-text cell. */
export const embeddedIdentifierArbitrary: fc.Arbitrary<InjectedIdentifier> = fc
  .tuple(
    fc.constantFrom('', 'see ', 'call ', 'Text ', 'DOB: ', '(', 'ask for ', 'Mobile - ', 'per '),
    identifierArbitrary,
    fc.constantFrom('', ' please', '.', ')', ' only', ', thanks', ' (carer)'),
  )
  .map(([before, identifier, after]) => ({ ...identifier, text: `${before}${identifier.text}${after}` }));
