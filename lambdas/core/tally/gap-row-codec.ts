import type { ContactFix, GapListPatient, GapListTier } from '../report/gap-list';
import type { AisContactBy } from '../values/coded-entries';
import { nhsNumberFromKey } from '../values/nhs-number-key';
import { dateNumberToIso } from '../values/uk-date-number';
import type { GapRowBuffer } from './gap-row-buffer';

/**
 * A compact binary form for gap list rows while an export is read: ~45 bytes per patient instead of an
 * object holding seven strings, so the rows can sit in a GapRowBuffer or be spilled to a temporary file
 * and be decoded one practice at a time.
 *
 * Record: a kind byte (`N` no preference; `S`, `E`, `D` the three contact fixes), the NHS number key
 * (uint32), the date of birth `yyyymmdd` (uint32, 0 = unknown); for `N` also age (int32, -1 = unknown),
 * flags and tier (one byte each) and the QOF codes joined by commas; then surname and forename. Texts
 * are a uint32 length in UTF-16 code units and the code units (UTF-16LE), so any name comes back exactly.
 * The flags byte's bits 4–6 hold the AIS "Requires contact by X" (0 = none): records staged before they
 * were used have them clear, so they still read, with no contact method.
 */

const KIND_NO_PREFERENCE = 0x4e; // N
const KIND_OF_PROBLEM: Readonly<Record<ContactFix['problem'], number>> = {
  sms_no_mobile: 0x53, // S
  email_no_address: 0x45, // E
  sms_dissent: 0x44, // D
};
const PROBLEM_OF_KIND = new Map<number, ContactFix['problem']>(
  (Object.entries(KIND_OF_PROBLEM) as [ContactFix['problem'], number][]).map(([problem, kind]) => [kind, problem]),
);

const AIS_NEED = 1;
const HAS_MOBILE = 2;
const HAS_EMAIL = 4;
const WOULD_DEFAULT_TO_SMS = 8;
const CONTACT_BY_SHIFT = 4;
/** Position + 1 is the value in bits 4–6; never reorder (staged rows hold these numbers). */
const CONTACT_BY: readonly AisContactBy[] = ['email', 'letter', 'sms', 'telephone', 'textRelay', 'carer'];

/** The fields of a patient on a gap list, as the tally knows them (see InterpretedRow). */
export interface GapRowFields {
  nhsKey: number;
  /** `yyyymmdd`, 0 when unknown. */
  dateOfBirth: number;
  /** -1 when unknown. */
  age: number;
  qofRegisters: readonly string[];
  aisNeed: boolean;
  /** The X of an AIS "Requires contact by X" entry, shown on the gap list. */
  aisContactBy?: AisContactBy | undefined;
  hasMobile: boolean;
  hasEmail: boolean;
  surname: string;
  forename: string;
}

export function writeNoPreference(
  out: GapRowBuffer,
  row: GapRowFields,
  wouldDefaultToSms: boolean,
  tier: GapListTier,
): void {
  const registers = row.qofRegisters.length === 0 ? '' : row.qofRegisters.join(',');
  out.begin(27 + 2 * (registers.length + row.surname.length + row.forename.length));
  out.uint8(KIND_NO_PREFERENCE);
  out.uint32(row.nhsKey);
  out.uint32(row.dateOfBirth);
  out.int32(row.age);
  out.uint8(
    (row.aisNeed ? AIS_NEED : 0) |
      (row.hasMobile ? HAS_MOBILE : 0) |
      (row.hasEmail ? HAS_EMAIL : 0) |
      (wouldDefaultToSms ? WOULD_DEFAULT_TO_SMS : 0) |
      (contactByCode(row.aisContactBy) << CONTACT_BY_SHIFT),
  );
  out.uint8(tier);
  out.text(registers);
  out.text(row.surname);
  out.text(row.forename);
}

export function writeContactFix(
  out: GapRowBuffer,
  row: Pick<GapRowFields, 'nhsKey' | 'dateOfBirth' | 'surname' | 'forename'>,
  problem: ContactFix['problem'],
): void {
  out.begin(17 + 2 * (row.surname.length + row.forename.length));
  out.uint8(KIND_OF_PROBLEM[problem]);
  out.uint32(row.nhsKey);
  out.uint32(row.dateOfBirth);
  out.text(row.surname);
  out.text(row.forename);
}

/** Decodes the records in `bytes`, in the order they were written. */
export function decodeGapRows(bytes: Buffer): { noPreference: GapListPatient[]; fixContactDetails: ContactFix[] } {
  const noPreference: GapListPatient[] = [];
  const fixContactDetails: ContactFix[] = [];
  let at = 0;
  const text = (): string => {
    const length = bytes.readUInt32LE(at);
    const start = at + 4;
    at = start + 2 * length;
    return bytes.toString('utf16le', start, at);
  };
  while (at < bytes.length) {
    const kind = bytes[at] as number;
    const nhsNumber = nhsNumberFromKey(bytes.readUInt32LE(at + 1));
    const dob = bytes.readUInt32LE(at + 5);
    const dateOfBirth = dob === 0 ? undefined : dateNumberToIso(dob);
    if (kind === KIND_NO_PREFERENCE) {
      const age = bytes.readInt32LE(at + 9);
      const flags = bytes[at + 13] as number;
      const tier = bytes[at + 14] as GapListTier;
      at += 15;
      const registers = text();
      const contactBy = CONTACT_BY[((flags >> CONTACT_BY_SHIFT) & 7) - 1];
      noPreference.push({
        nhsNumber,
        surname: text(),
        forename: text(),
        dateOfBirth,
        age: age < 0 ? undefined : age,
        qofRegisters: registers === '' ? [] : registers.split(','),
        aisNeed: (flags & AIS_NEED) !== 0,
        hasMobile: (flags & HAS_MOBILE) !== 0,
        hasEmail: (flags & HAS_EMAIL) !== 0,
        wouldDefaultToSms: (flags & WOULD_DEFAULT_TO_SMS) !== 0,
        tier,
        ...(contactBy === undefined ? {} : { aisContactBy: contactBy }),
      });
    } else {
      const problem = PROBLEM_OF_KIND.get(kind);
      if (problem === undefined) throw new RangeError(`Gap row record of unknown kind ${kind} at byte ${at}.`);
      at += 9;
      fixContactDetails.push({ nhsNumber, surname: text(), forename: text(), dateOfBirth, problem });
    }
  }
  return { noPreference, fixContactDetails };
}

function contactByCode(contactBy: AisContactBy | undefined): number {
  return contactBy === undefined ? 0 : CONTACT_BY.indexOf(contactBy) + 1;
}
