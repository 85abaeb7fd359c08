import { describe, expect, it } from 'vitest';
import { mapHeader } from '../../../../lambdas/core/fields/header-mapping';
import { parseValueMapping } from '../../../../lambdas/core/fields/parse-value-mapping';
import type { ValueMapping } from '../../../../lambdas/core/fields/value-mapping';
import { interpretRow, type RowContext, rowLayout } from '../../../../lambdas/core/tally/interpret-row';
import { RowInterpreter } from '../../../../lambdas/core/tally/row-interpreter';
import { EXPORT_HEADER } from '../../../support/practice-export';

const HEADER = [...EXPORT_HEADER, 'SMS Consent', 'QOF Registers', 'AIS Need', 'Extract Date'];
const LAYOUT = rowLayout(mapHeader(HEADER));
const CONTEXT: RowContext = { practiceCodeFromKey: undefined, fileExtractDate: '2026-10-31' };

/** One row's cells, from the defaults below with some replaced. */
function cells(overrides: Partial<Record<(typeof HEADER)[number], string>> = {}): string[] {
  const row: Record<string, string> = {
    'NHS Number': '999 000 0018',
    Surname: ' Adams ',
    Forename: 'Amy',
    'Date of Birth': '04/09/1967',
    'Practice Code': 'a81001',
    'Preferred Contact Method': 'Not recorded',
    Mobile: '07700 900123',
    Email: 'amy@example.com',
    'SMS Consent': 'Yes',
    'QOF Registers': 'DM; HYP',
    'AIS Need': 'Large print',
    'Extract Date': '30/09/2026',
    ...overrides,
  };
  return HEADER.map((name) => row[name] as string);
}

describe('RowInterpreter', () => {
  it('reads a whole row into numbers and flags', () => {
    const interpreter = new RowInterpreter(LAYOUT, CONTEXT);
    expect(interpreter.read(cells())).toBe('ok');
    expect(interpreter.row).toEqual({
      practiceCode: 'A81001',
      nhsKey: 999_000_001,
      dateOfBirth: 19670904,
      // Born 4 September 1967, extracted 30 September 2026: 59.
      age: 59,
      extractDate: '2026-09-30',
      extractDateNumber: 20260930,
      category: 'none',
      preferenceRaw: 'Not recorded',
      hasMobile: true,
      hasEmail: true,
      smsConsentWithdrawn: false,
      aisNeed: true,
      aisContactBy: undefined,
      qofRegisters: ['DM', 'HYP'],
      unknownRegisters: [],
      surname: 'Adams',
      forename: 'Amy',
    });
  });

  it.each([
    { name: 'an empty practice code and none in the key', cells: { 'Practice Code': '' }, status: 'unattributed' },
    { name: 'a practice code that is not an ODS code', cells: { 'Practice Code': 'ABC' }, status: 'unattributed' },
    { name: 'a wrong check digit', cells: { 'NHS Number': '9990000017' }, status: 'invalid_nhs_number' },
    { name: 'an empty NHS number', cells: { 'NHS Number': '' }, status: 'invalid_nhs_number' },
  ])('reports $status for $name', ({ cells: overrides, status }) => {
    expect(new RowInterpreter(LAYOUT, CONTEXT).read(cells(overrides))).toBe(status);
  });

  it('names the practice of a row with an invalid NHS number', () => {
    const interpreter = new RowInterpreter(LAYOUT, CONTEXT);
    expect(interpreter.read(cells({ 'NHS Number': '123' }))).toBe('invalid_nhs_number');
    expect(interpreter.row.practiceCode).toBe('A81001');
  });

  it('rejects a row too short to reach a required column as short_row, never as no preference', () => {
    const interpreter = new RowInterpreter(LAYOUT, CONTEXT);
    // Cut after the practice code (index 4): the preferred contact method (index 5) is missing.
    expect(interpreter.read(cells().slice(0, 5))).toBe('short_row');
    expect(interpreter.row.practiceCode).toBe('A81001');
    // Cut after the NHS number: short, counted for the practice in the file name.
    const named = new RowInterpreter(LAYOUT, { ...CONTEXT, practiceCodeFromKey: 'D83001' });
    expect(named.read(cells().slice(0, 1))).toBe('short_row');
    expect(named.row.practiceCode).toBe('D83001');
    // Without a code in the file name, a row that does not reach the practice code belongs to no practice.
    expect(interpreter.read(cells().slice(0, 3))).toBe('unattributed');
  });

  it('reads a row that lacks only trailing optional columns with them empty', () => {
    const interpreter = new RowInterpreter(LAYOUT, CONTEXT);
    // Up to and including Mobile (index 6): no Email, SMS consent, registers, AIS or extract date cells.
    expect(interpreter.read(cells({ 'Preferred Contact Method': 'SMS' }).slice(0, 7))).toBe('ok');
    expect(interpreter.row).toMatchObject({
      category: 'sms',
      hasMobile: true,
      hasEmail: false,
      aisNeed: false,
      qofRegisters: [],
      extractDate: '2026-10-31',
    });
  });

  it('takes an empty practice code from the file name or key', () => {
    const interpreter = new RowInterpreter(LAYOUT, { ...CONTEXT, practiceCodeFromKey: 'D83001' });
    expect(interpreter.read(cells({ 'Practice Code': '' }))).toBe('ok');
    expect(interpreter.row.practiceCode).toBe('D83001');
  });

  it.each([
    { dob: '01/10/2026', why: 'after the extract date (30/09/2026)' },
    { dob: '31/02/1990', why: 'not a real date' },
    { dob: '', why: 'missing' },
  ])('leaves the date of birth unknown (0, age -1) when it is $why', ({ dob }) => {
    const interpreter = new RowInterpreter(LAYOUT, CONTEXT);
    interpreter.read(cells({ 'Date of Birth': dob }));
    expect([interpreter.row.dateOfBirth, interpreter.row.age]).toEqual([0, -1]);
  });

  it('gives each row its own values when the remembered ones change from row to row', () => {
    const interpreter = new RowInterpreter(LAYOUT, CONTEXT);
    const seen = [
      cells(),
      cells({ 'Practice Code': ' B82002', 'Extract Date': '', 'SMS Consent': 'No', 'AIS Need': 'No' }),
      cells({ 'QOF Registers': 'ast|XYZ', 'SMS Consent': 'No', 'Date of Birth': '01/10/2010' }),
      cells({ 'Practice Code': '', 'QOF Registers': '' }),
    ].map((row) => {
      const status = interpreter.read(row);
      const r = interpreter.row;
      return [
        status,
        r.practiceCode,
        r.extractDate,
        r.age,
        r.smsConsentWithdrawn,
        r.aisNeed,
        r.qofRegisters,
        r.unknownRegisters,
      ];
    });
    expect(seen).toEqual([
      ['ok', 'A81001', '2026-09-30', 59, false, true, ['DM', 'HYP'], []],
      // No extract date in the row: the file's (31 October 2026).
      ['ok', 'B82002', '2026-10-31', 59, true, false, ['DM', 'HYP'], []],
      // Born 1 October 2010, extracted 30 September 2026: 15, not yet 16.
      ['ok', 'A81001', '2026-09-30', 15, true, true, ['AST'], ['XYZ']],
      ['unattributed', 'A81001', '2026-09-30', 15, true, true, ['AST'], ['XYZ']],
    ]);
  });

  it('adds per-register yes/no columns to the register list, once each', () => {
    const header = [
      'NHS Number',
      'Practice Code',
      'Preferred Contact Method',
      'Date of Birth',
      'QOF Registers',
      'DM',
      'Hypertension Register',
    ];
    const interpreter = new RowInterpreter(rowLayout(mapHeader(header)), CONTEXT);
    interpreter.read(['9990000018', 'A81001', '', '01/01/1980', 'DM', 'Yes', 'x']);
    expect(interpreter.row.qofRegisters).toEqual(['DM', 'HYP']);
    interpreter.read(['9990000026', 'A81001', '', '01/01/1980', '', 'No', '']);
    expect(interpreter.row.qofRegisters).toEqual([]);
  });

  it('reads coded SMS consent entries whichever way they go, in a consent or a dissent column', () => {
    const header = ['NHS Number', 'Practice Code', 'Preferred Contact Method', 'SMS Consent', 'SMS Dissent'];
    const interpreter = new RowInterpreter(rowLayout(mapHeader(header)), CONTEXT);
    const withdrawn = (consent: string, dissent: string) => {
      interpreter.read(['9990000018', 'A81001', '', consent, dissent]);
      return interpreter.row.smsConsentWithdrawn;
    };
    expect(withdrawn('Declined consent for short message service text messaging (513631000000106)', '')).toBe(true);
    expect(withdrawn('', '513631000000106')).toBe(true);
    // Dissent from test results by SMS only: invitations may still be texted.
    expect(
      withdrawn(
        '',
        '911401000000108 - Declined consent to receive test results by short message service text messaging',
      ),
    ).toBe(false);
    expect(withdrawn('699237001', '')).toBe(false);
  });

  it('keeps the "Requires contact by X" of an AIS entry, and forgets it on the next row', () => {
    const interpreter = new RowInterpreter(LAYOUT, CONTEXT);
    interpreter.read(cells({ 'AIS Need': 'Requires contact by letter (936721000000107)' }));
    expect([interpreter.row.aisNeed, interpreter.row.aisContactBy]).toEqual([true, 'letter']);
    interpreter.read(cells({ 'AIS Need': 'Interpreter needed - Polish' }));
    expect([interpreter.row.aisNeed, interpreter.row.aisContactBy]).toEqual([false, undefined]);
    interpreter.read(cells({ 'AIS Need': '719561001' }));
    expect([interpreter.row.aisNeed, interpreter.row.aisContactBy]).toEqual([true, 'carer']);
  });

  describe('with the ICB value mapping', () => {
    const parsed = parseValueMapping({
      preferredContactMethod: { 'Txt msg': 'sms', Letter: 'none', 'Opted out': 'declined' },
      smsConsent: { 'Opted out of texts': 'withdrawn', No: 'not_withdrawn' },
      aisNeed: { Nil: 'no_need', 'Requires contact by letter': 'no_need', Deaf: 'need' },
    });
    const mapping = (parsed as { mapping: ValueMapping }).mapping;

    it.each([
      { preference: ' TXT  msg ', category: 'sms', why: 'a mapped value, normalised like the built-in ones' },
      { preference: 'Letter', category: 'none', why: 'a mapped value wins over the built-in vocabulary' },
      { preference: 'Post', category: 'letter', why: 'an unmapped value keeps its built-in category' },
      { preference: 'Pigeon', category: 'unrecognised', why: 'a value in neither stays unrecognised' },
    ])('reads preference "$preference" as $category ($why)', ({ preference, category }) => {
      const interpreter = new RowInterpreter(LAYOUT, CONTEXT, mapping);
      interpreter.read(cells({ 'Preferred Contact Method': preference }));
      expect(interpreter.row.category).toBe(category);
    });

    it.each([
      { consent: 'opted out of texts', withdrawn: true },
      // `No` is withdrawn in the built-in vocabulary of a consent column; this ICB maps it the other way.
      { consent: 'No', withdrawn: false },
      { consent: 'N', withdrawn: true },
    ])('reads SMS consent "$consent" as withdrawn: $withdrawn', ({ consent, withdrawn }) => {
      const interpreter = new RowInterpreter(LAYOUT, CONTEXT, mapping);
      interpreter.read(cells({ 'SMS Consent': consent }));
      expect(interpreter.row.smsConsentWithdrawn).toBe(withdrawn);
    });

    it.each([
      { ais: 'NIL', need: false },
      { ais: 'Deaf', need: true },
      { ais: 'Requires contact by letter', need: false },
      { ais: 'None', need: false },
      { ais: 'Large print', need: true },
    ])('reads AIS "$ais" as need: $need', ({ ais, need }) => {
      const interpreter = new RowInterpreter(LAYOUT, CONTEXT, mapping);
      interpreter.read(cells({ 'AIS Need': ais }));
      expect(interpreter.row.aisNeed).toBe(need);
    });

    it('is passed through by interpretRow, with the AIS "contact by" of the row', () => {
      const outcome = interpretRow(
        cells({ 'Preferred Contact Method': 'Txt msg', 'AIS Need': '936741000000100' }),
        LAYOUT,
        CONTEXT,
        mapping,
      );
      expect(outcome.ok && [outcome.row.category, outcome.row.aisNeed, outcome.row.aisContactBy]).toEqual([
        'sms',
        true,
        'email',
      ]);
    });

    it('leaves a reader without the mapping on the built-in vocabulary', () => {
      const interpreter = new RowInterpreter(LAYOUT, CONTEXT);
      interpreter.read(cells({ 'Preferred Contact Method': 'Txt msg', 'SMS Consent': 'No' }));
      expect([interpreter.row.category, interpreter.row.smsConsentWithdrawn]).toEqual(['unrecognised', true]);
    });
  });
});
