import { describe, expect, it } from 'vitest';
import {
  FIELD_ALIASES,
  FIELD_LABELS,
  FIELD_NAMES,
  type FieldName,
  REQUIRED_FIELDS,
} from '../../../../lambdas/core/fields/field-aliases';
import { normaliseHeader } from '../../../../lambdas/core/fields/normalise-header';

describe('FIELD_ALIASES', () => {
  it.each<{ field: FieldName; alias: string }>([
    // SPEC §2.1 examples
    { field: 'nhsNumber', alias: 'NHS Number' },
    { field: 'nhsNumber', alias: 'NHS No' },
    { field: 'nhsNumber', alias: 'NHSNumber' },
    { field: 'nhsNumber', alias: 'Patient NHS Number' },
    { field: 'practiceCode', alias: 'Practice Code' },
    { field: 'practiceCode', alias: 'ODS Code' },
    { field: 'practiceCode', alias: 'Registered Practice Code' },
    { field: 'practiceCode', alias: 'Organisation Code' },
    { field: 'dateOfBirth', alias: 'Date of Birth' },
    { field: 'dateOfBirth', alias: 'DOB' },
    { field: 'dateOfBirth', alias: 'Birth Date' },
    { field: 'preferredContactMethod', alias: 'Preferred Contact Method' },
    { field: 'preferredContactMethod', alias: 'Preferred Method of Contact' },
    { field: 'preferredContactMethod', alias: 'Preferred Communication Method' },
    { field: 'preferredContactMethod', alias: 'Communication Preference' },
    { field: 'surname', alias: 'Surname' },
    { field: 'surname', alias: 'Family Name' },
    { field: 'surname', alias: 'Last Name' },
    { field: 'forename', alias: 'Forename' },
    { field: 'forename', alias: 'Given Name' },
    { field: 'forename', alias: 'First Name' },
    { field: 'mobile', alias: 'Mobile Telephone' },
    { field: 'mobile', alias: 'Mobile Number' },
    { field: 'mobile', alias: 'Mobile' },
    { field: 'email', alias: 'Email Address' },
    { field: 'email', alias: 'Email' },
    { field: 'email', alias: 'E-mail' },
    { field: 'smsConsent', alias: 'SMS Consent' },
    { field: 'smsConsent', alias: 'Consent to SMS' },
    { field: 'smsDissent', alias: 'SMS Dissent' },
    { field: 'qofRegisters', alias: 'QOF Registers' },
    { field: 'qofRegisters', alias: 'Registers' },
    { field: 'qofRegisters', alias: 'Disease Registers' },
    { field: 'aisNeed', alias: 'AIS Need' },
    { field: 'aisNeed', alias: 'Communication Need' },
    { field: 'aisNeed', alias: 'Accessible Information Need' },
    { field: 'extractDate', alias: 'Extract Date' },
    { field: 'extractDate', alias: 'Report Date' },
    { field: 'extractDate', alias: 'Run Date' },
    // SystmOne / EMIS Web spellings
    { field: 'nhsNumber', alias: 'Patient NHS No.' },
    { field: 'dateOfBirth', alias: 'Date Of Birth' },
    { field: 'preferredContactMethod', alias: 'Preferred communication method' },
    { field: 'practiceCode', alias: 'Usual GP practice code' },
    { field: 'mobile', alias: 'Mobile telephone number' },
    { field: 'email', alias: 'Email address' },
    { field: 'forename', alias: 'Forenames' },
    { field: 'forename', alias: 'First names' },
    { field: 'smsConsent', alias: 'Consent to SMS messaging' },
  ])('lets "$alias" name $field', ({ field, alias }) => {
    const normalised = normaliseHeader(alias);
    expect(FIELD_ALIASES[field].map(normaliseHeader)).toContain(normalised);
  });

  it('never gives two fields the same header once normalised', () => {
    const owner = new Map<string, FieldName>();
    const clashes: string[] = [];
    for (const field of FIELD_NAMES) {
      for (const alias of FIELD_ALIASES[field]) {
        const earlier = owner.get(normaliseHeader(alias));
        if (earlier !== undefined && earlier !== field) clashes.push(`${alias}: ${earlier} and ${field}`);
        owner.set(normaliseHeader(alias), field);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('gives every field at least three aliases for quarantine hints', () => {
    const short = FIELD_NAMES.filter((field) => FIELD_ALIASES[field].length < 3);
    expect(short).toEqual([]);
  });

  it('lists every field name, in SPEC order', () => {
    expect(FIELD_NAMES).toEqual([
      'nhsNumber',
      'practiceCode',
      'dateOfBirth',
      'preferredContactMethod',
      'surname',
      'forename',
      'mobile',
      'email',
      'smsConsent',
      'smsDissent',
      'qofRegisters',
      'aisNeed',
      'extractDate',
    ]);
    expect(Object.keys(FIELD_LABELS).sort()).toEqual([...FIELD_NAMES].sort());
  });
});

describe('REQUIRED_FIELDS', () => {
  it('requires NHS number, date of birth and preferred contact method', () => {
    expect(REQUIRED_FIELDS).toEqual(['nhsNumber', 'dateOfBirth', 'preferredContactMethod']);
  });
});
