import { describe, expect, it } from 'vitest';
import { GapRowBuffer } from '../../../../lambdas/core/tally/gap-row-buffer';
import { decodeGapRows, writeContactFix, writeNoPreference } from '../../../../lambdas/core/tally/gap-row-codec';

const BASE = {
  nhsKey: 999_000_001,
  dateOfBirth: 19800102,
  age: 46,
  qofRegisters: [] as string[],
  aisNeed: false,
  hasMobile: false,
  hasEmail: false,
  surname: 'Adams',
  forename: 'Amy',
};

describe('gap row records', () => {
  it('give back a patient with no preference exactly, with the NHS number and date written out', () => {
    const out = new GapRowBuffer();
    writeNoPreference(out, { ...BASE, qofRegisters: ['DM', 'HYP'], aisNeed: true, hasMobile: true }, true, 1);
    expect(decodeGapRows(out.bytes())).toEqual({
      noPreference: [
        {
          nhsNumber: '9990000018',
          surname: 'Adams',
          forename: 'Amy',
          dateOfBirth: '1980-01-02',
          age: 46,
          qofRegisters: ['DM', 'HYP'],
          aisNeed: true,
          hasMobile: true,
          hasEmail: false,
          wouldDefaultToSms: true,
          tier: 1,
        },
      ],
      fixContactDetails: [],
    });
  });

  it.each(['email', 'letter', 'sms', 'telephone', 'textRelay', 'carer'] as const)(
    'carry an AIS "Requires contact by %s" with every flag still as written',
    (contactBy) => {
      const out = new GapRowBuffer();
      writeNoPreference(out, { ...BASE, aisNeed: true, hasEmail: true, aisContactBy: contactBy }, true, 3);
      writeNoPreference(out, BASE, false, 4);
      const [first, second] = decodeGapRows(out.bytes()).noPreference;
      expect(first).toMatchObject({ aisContactBy: contactBy, aisNeed: true, hasMobile: false, hasEmail: true });
      expect(first?.wouldDefaultToSms).toBe(true);
      expect(second).not.toHaveProperty('aisContactBy');
    },
  );

  it('read a record staged before the AIS contact method was kept (byte for byte), with none', () => {
    // N, key 999000001, 19800102, age 46, flags AIS + mobile + default (0b1011), tier 1, '' registers, Adams, Amy.
    const utf16 = (text: string) => {
      const bytes = Buffer.alloc(4 + 2 * text.length);
      bytes.writeUInt32LE(text.length, 0);
      bytes.write(text, 4, 'utf16le');
      return bytes;
    };
    const head = Buffer.alloc(15);
    head.writeUInt8(0x4e, 0);
    head.writeUInt32LE(999_000_001, 1);
    head.writeUInt32LE(19800102, 5);
    head.writeInt32LE(46, 9);
    head.writeUInt8(0b1011, 13);
    head.writeUInt8(1, 14);
    const [patient] = decodeGapRows(Buffer.concat([head, utf16(''), utf16('Adams'), utf16('Amy')])).noPreference;
    expect(patient).toEqual({
      nhsNumber: '9990000018',
      surname: 'Adams',
      forename: 'Amy',
      dateOfBirth: '1980-01-02',
      age: 46,
      qofRegisters: [],
      aisNeed: true,
      hasMobile: true,
      hasEmail: false,
      wouldDefaultToSms: true,
      tier: 1,
    });
  });

  it('leave the date of birth and age undefined when unknown (0 and -1)', () => {
    const out = new GapRowBuffer();
    writeNoPreference(out, { ...BASE, dateOfBirth: 0, age: -1 }, false, 5);
    const [patient] = decodeGapRows(out.bytes()).noPreference;
    expect(patient?.dateOfBirth).toBeUndefined();
    expect(patient?.age).toBeUndefined();
    expect(patient?.tier).toBe(5);
  });

  it.each([
    { surname: 'O\'Brien, "Jr"', forename: 'Line\nbreak', what: 'commas, quotes and a line break' },
    { surname: 'Zoë 😀', forename: 'Łukasz', what: 'accents and an emoji' },
    { surname: '\ud800', forename: '', what: 'a lone surrogate and an empty forename' },
    { surname: '=cmd|calc', forename: '12:34', what: 'a formula-like name and a colon' },
  ])('keep names with $what exactly', ({ surname, forename }) => {
    const out = new GapRowBuffer();
    writeNoPreference(out, { ...BASE, surname, forename }, false, 4);
    writeContactFix(out, { ...BASE, surname, forename }, 'sms_dissent');
    const rows = decodeGapRows(out.bytes());
    expect(rows.noPreference.map((p) => [p.surname, p.forename])).toEqual([[surname, forename]]);
    expect(rows.fixContactDetails.map((p) => [p.surname, p.forename])).toEqual([[surname, forename]]);
  });

  it('give back the three contact fixes in the order they were written, among patients with no preference', () => {
    const out = new GapRowBuffer();
    writeContactFix(out, BASE, 'sms_no_mobile');
    writeNoPreference(out, BASE, false, 4);
    writeContactFix(out, { ...BASE, nhsKey: 999_123_457, dateOfBirth: 0 }, 'email_no_address');
    writeContactFix(out, BASE, 'sms_dissent');
    const rows = decodeGapRows(out.bytes());
    expect(rows.noPreference).toHaveLength(1);
    expect(rows.fixContactDetails).toEqual([
      {
        nhsNumber: '9990000018',
        surname: 'Adams',
        forename: 'Amy',
        dateOfBirth: '1980-01-02',
        problem: 'sms_no_mobile',
      },
      {
        nhsNumber: '9991234578',
        surname: 'Adams',
        forename: 'Amy',
        dateOfBirth: undefined,
        problem: 'email_no_address',
      },
      { nhsNumber: '9990000018', surname: 'Adams', forename: 'Amy', dateOfBirth: '1980-01-02', problem: 'sms_dissent' },
    ]);
  });

  it('decode nothing from no bytes', () => {
    expect(decodeGapRows(Buffer.alloc(0))).toEqual({ noPreference: [], fixContactDetails: [] });
  });
});
