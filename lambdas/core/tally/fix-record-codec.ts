import type { FixRecord, FixRecords } from '../report/gap-list';
import { nhsNumberFromKey } from '../values/nhs-number-key';
import { dateNumberToIso } from '../values/uk-date-number';
import type { GapRowBuffer } from './gap-row-buffer';

/**
 * The compact binary form of the gap list's Fix records while an export is read (the same idea as
 * gap-row-codec, kept apart so each list's form can change on its own). Records, in a GapRowBuffer:
 * - `U` unrecognised preference: NHS number key (uint32), date of birth `yyyymmdd` (uint32, 0 = unknown),
 *   then the value as written, surname, forename;
 * - `R` rejected row: date of birth (uint32), then the reason, the NHS number cell as written, surname, forename;
 * - `M` (last, at most once): how many more records there were beyond the bound (uint32).
 * Texts are a uint32 length in UTF-16 code units and the code units, so any name comes back exactly.
 */

const KIND_UNRECOGNISED = 0x55; // U
const KIND_REJECTED = 0x52; // R
const KIND_MORE = 0x4d; // M

/** The reason recorded for a preference value that could not be read. */
export const UNRECOGNISED_PREFERENCE = 'unrecognised_preference';

/** Longest text kept from a cell: enough to find the record; a runaway cell cannot grow the list. */
export const MAX_FIX_TEXT = 200;

/** The fields of a rejected row the practice needs to find it (see RowInterpreter.identify). */
export interface RejectedRowFields {
  nhsNumberAsWritten: string;
  /** `yyyymmdd`, 0 when unknown. */
  dateOfBirth: number;
  surname: string;
  forename: string;
}

export function writeUnrecognised(
  out: GapRowBuffer,
  row: { nhsKey: number; dateOfBirth: number; preferenceRaw: string; surname: string; forename: string },
): void {
  const value = clip(row.preferenceRaw);
  const surname = clip(row.surname);
  const forename = clip(row.forename);
  out.begin(21 + 2 * (value.length + surname.length + forename.length));
  out.uint8(KIND_UNRECOGNISED);
  out.uint32(row.nhsKey);
  out.uint32(row.dateOfBirth);
  out.text(value);
  out.text(surname);
  out.text(forename);
}

export function writeRejected(out: GapRowBuffer, reason: string, row: RejectedRowFields): void {
  const why = clip(reason);
  const nhs = clip(row.nhsNumberAsWritten);
  const surname = clip(row.surname);
  const forename = clip(row.forename);
  out.begin(21 + 2 * (why.length + nhs.length + surname.length + forename.length));
  out.uint8(KIND_REJECTED);
  out.uint32(row.dateOfBirth);
  out.text(why);
  out.text(nhs);
  out.text(surname);
  out.text(forename);
}

/** The records in `bytes` followed by the count of those left out, as staged. */
export function withMoreCount(bytes: Buffer, more: number): Buffer {
  if (more === 0) return bytes;
  const tail = Buffer.alloc(5);
  tail[0] = KIND_MORE;
  tail.writeUInt32LE(more, 1);
  return Buffer.concat([bytes, tail]);
}

/** Decodes the records in `bytes`, in the order they were written. */
export function decodeFixRecords(bytes: Buffer): FixRecords {
  const rows: FixRecord[] = [];
  let more = 0;
  let at = 0;
  const text = (): string => {
    const length = bytes.readUInt32LE(at);
    const start = at + 4;
    at = start + 2 * length;
    return bytes.toString('utf16le', start, at);
  };
  const date = (value: number): string | undefined => (value === 0 ? undefined : dateNumberToIso(value));
  while (at < bytes.length) {
    const kind = bytes[at] as number;
    if (kind === KIND_UNRECOGNISED) {
      const nhsNumber = nhsNumberFromKey(bytes.readUInt32LE(at + 1));
      const dateOfBirth = date(bytes.readUInt32LE(at + 5));
      at += 9;
      const preferenceAsWritten = text();
      rows.push({
        reason: UNRECOGNISED_PREFERENCE,
        nhsNumber,
        surname: text(),
        forename: text(),
        dateOfBirth,
        preferenceAsWritten,
      });
    } else if (kind === KIND_REJECTED) {
      const dateOfBirth = date(bytes.readUInt32LE(at + 1));
      at += 5;
      const reason = text();
      const nhsNumberAsWritten = text();
      rows.push({ reason, nhsNumberAsWritten, surname: text(), forename: text(), dateOfBirth });
    } else if (kind === KIND_MORE) {
      more += bytes.readUInt32LE(at + 1);
      at += 5;
    } else {
      throw new RangeError(`Fix record of unknown kind ${kind} at byte ${at}.`);
    }
  }
  return { rows, more };
}

function clip(text: string): string {
  return text.length > MAX_FIX_TEXT ? text.slice(0, MAX_FIX_TEXT) : text;
}
