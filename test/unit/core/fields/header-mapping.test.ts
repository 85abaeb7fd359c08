import { describe, expect, it } from 'vitest';
import type { FieldName } from '../../../../lambdas/core/fields/field-aliases';
import {
  describeExpectedColumns,
  type HeaderMapping,
  looksLikeHeader,
  mapHeader,
  missingRequired,
} from '../../../../lambdas/core/fields/header-mapping';

describe('mapHeader', () => {
  it('maps a SystmOne-style header line to column indexes', () => {
    const mapping = mapHeader([
      'NHS Number',
      'Surname',
      'First Name',
      'Date of Birth',
      'Preferred Contact Method',
      'Mobile Telephone',
      'Email Address',
      'Practice Code',
    ]);
    expect(mapping).toEqual({
      fields: {
        nhsNumber: 0,
        surname: 1,
        forename: 2,
        dateOfBirth: 3,
        preferredContactMethod: 4,
        mobile: 5,
        email: 6,
        practiceCode: 7,
      },
      registerColumns: [],
      ignored: [],
      duplicates: [],
    });
  });

  it('matches headers regardless of case, spaces, punctuation and a byte-order mark', () => {
    const mapping = mapHeader([
      '\uFEFFpatient_nhs_no.',
      'D.O.B.',
      'PREFERRED-COMMUNICATION-METHOD',
      'e-mail (address)',
    ]);
    expect(mapping.fields).toEqual({ nhsNumber: 0, dateOfBirth: 1, preferredContactMethod: 2, email: 3 });
  });

  it('lists unmatched headers as written and leaves blank headers out', () => {
    const mapping = mapHeader(['NHS Number', 'Home Telephone', '', 'Postcode', '  ']);
    expect(mapping.ignored).toEqual(['Home Telephone', 'Postcode']);
    expect(mapping.fields).toEqual({ nhsNumber: 0 });
  });

  it('keeps the first column for a duplicated field and lists the later ones', () => {
    const mapping = mapHeader(['NHS Number', 'DOB', 'NHS No', 'Date of Birth', 'nhs number']);
    expect(mapping.fields).toEqual({ nhsNumber: 0, dateOfBirth: 1 });
    expect(mapping.duplicates).toEqual(['NHS No', 'Date of Birth', 'nhs number']);
  });

  it('recognises per-register yes/no columns', () => {
    const mapping = mapHeader(['NHS Number', 'DM', 'Hypertension Register', 'STIA Register', 'Asthma register']);
    expect(mapping.registerColumns).toEqual([
      { index: 1, code: 'DM' },
      { index: 2, code: 'HYP' },
      { index: 3, code: 'STIA' },
      { index: 4, code: 'AST' },
    ]);
    expect(mapping.ignored).toEqual([]);
  });

  it('reads the register-list column as a field, not a register', () => {
    const mapping = mapHeader(['NHS Number', 'QOF Registers', 'Registers']);
    expect(mapping.fields).toEqual({ nhsNumber: 0, qofRegisters: 1 });
    expect(mapping.registerColumns).toEqual([]);
    expect(mapping.duplicates).toEqual(['Registers']);
  });

  it('lets the user mapping name headers the aliases do not know', () => {
    const mapping = mapHeader(['Patient ID (NHS)', 'Birthday', 'How to contact', 'Home Telephone'], {
      fields: { 'patient id nhs': 'nhsNumber', BIRTHDAY: 'dateOfBirth', 'How to contact': 'preferredContactMethod' },
    });
    expect(mapping.fields).toEqual({ nhsNumber: 0, dateOfBirth: 1, preferredContactMethod: 2 });
    expect(mapping.ignored).toEqual(['Home Telephone']);
  });

  it('lets the user mapping override an alias', () => {
    const mapping = mapHeader(['NHS Number', 'Mobile', 'Mobile (validated)'], {
      fields: { Mobile: 'smsConsent', 'Mobile (validated)': 'mobile' },
    });
    expect(mapping.fields).toEqual({ nhsNumber: 0, smsConsent: 1, mobile: 2 });
    expect(mapping.duplicates).toEqual([]);
  });

  it('prefers a user-mapped column over an earlier alias column for the same field', () => {
    const mapping = mapHeader(['Practice Code', 'NHS Number', 'Registered ODS'], {
      fields: { 'Registered ODS': 'practiceCode' },
    });
    expect(mapping.fields).toEqual({ practiceCode: 2, nhsNumber: 1 });
    expect(mapping.duplicates).toEqual(['Practice Code']);
  });

  it('lets the user mapping take a header that would otherwise be a register column', () => {
    const mapping = mapHeader(['NHS Number', 'DM'], { fields: { DM: 'aisNeed' } });
    expect(mapping.fields).toEqual({ nhsNumber: 0, aisNeed: 1 });
    expect(mapping.registerColumns).toEqual([]);
  });

  it('maps an empty header line to nothing', () => {
    expect(mapHeader([])).toEqual({ fields: {}, registerColumns: [], ignored: [], duplicates: [] });
  });
});

describe('missingRequired', () => {
  const mappingOf = (fields: HeaderMapping['fields']): HeaderMapping => ({
    fields,
    registerColumns: [],
    ignored: [],
    duplicates: [],
  });

  it.each<{ fields: HeaderMapping['fields']; needPracticeCode: boolean; expected: FieldName[] }>([
    { fields: { nhsNumber: 0, dateOfBirth: 1, preferredContactMethod: 2 }, needPracticeCode: false, expected: [] },
    {
      fields: { nhsNumber: 0, dateOfBirth: 1, preferredContactMethod: 2 },
      needPracticeCode: true,
      expected: ['practiceCode'],
    },
    {
      fields: { nhsNumber: 0, dateOfBirth: 1, preferredContactMethod: 2, practiceCode: 3 },
      needPracticeCode: true,
      expected: [],
    },
    { fields: { nhsNumber: 0 }, needPracticeCode: false, expected: ['dateOfBirth', 'preferredContactMethod'] },
    {
      fields: { mobile: 0 },
      needPracticeCode: true,
      expected: ['nhsNumber', 'practiceCode', 'dateOfBirth', 'preferredContactMethod'],
    },
    { fields: { dateOfBirth: 0, preferredContactMethod: 0 }, needPracticeCode: false, expected: ['nhsNumber'] },
  ])(
    'lists $expected for $fields (practice code needed: $needPracticeCode)',
    ({ fields, needPracticeCode, expected }) => {
      expect(missingRequired(mappingOf(fields), needPracticeCode)).toEqual(expected);
    },
  );
});

describe('looksLikeHeader', () => {
  it.each([
    { cells: ['NHS Number', 'Surname'], expected: true, why: 'an NHS number alias' },
    { cells: ['Surname', 'patient nhs no.'], expected: true, why: 'an alias written differently' },
    { cells: ['\uFEFFNHS_NUMBER'], expected: true, why: 'a byte-order mark in front' },
    { cells: ['Patients with no preference'], expected: false, why: 'an EMIS report title' },
    { cells: ['Run date: 03/10/2026', ''], expected: false, why: 'an EMIS run-date line' },
    { cells: ['Surname', 'Date of Birth'], expected: false, why: 'fields but no NHS number' },
    { cells: ['9990000018', 'Smith'], expected: false, why: 'a data row' },
    { cells: [], expected: false, why: 'an empty line' },
  ])('says $expected for $cells ($why)', ({ cells, expected }) => {
    expect(looksLikeHeader(cells)).toBe(expected);
  });

  it('recognises an NHS-number column named by the user mapping', () => {
    const userMapping = { fields: { 'Patient Identifier': 'nhsNumber' as const } };
    expect(looksLikeHeader(['Patient Identifier', 'Surname'], userMapping)).toBe(true);
    expect(looksLikeHeader(['Patient Identifier', 'Surname'])).toBe(false);
  });

  it('does not recognise an alias the user mapped to another field', () => {
    expect(looksLikeHeader(['NHS Number'], { fields: { 'NHS Number': 'extractDate' } })).toBe(false);
  });
});

describe('describeExpectedColumns', () => {
  it('names each field with its first three aliases', () => {
    expect(describeExpectedColumns(['nhsNumber', 'dateOfBirth', 'preferredContactMethod'])).toBe(
      'NHS number ("NHS Number", "NHS No", "Patient NHS Number"), ' +
        'date of birth ("Date of Birth", "DOB", "Birth Date"), ' +
        'preferred contact method ("Preferred Contact Method", "Preferred Method of Contact", ' +
        '"Preferred Communication Method")',
    );
  });

  it('describes the practice code', () => {
    expect(describeExpectedColumns(['practiceCode'])).toBe(
      'practice code ("Practice Code", "ODS Code", "Registered Practice Code")',
    );
  });

  it('gives an empty string for no fields', () => {
    expect(describeExpectedColumns([])).toBe('');
  });
});
