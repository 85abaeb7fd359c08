import { describe, expect, it } from 'vitest';
import { parseUserMapping } from '../../../../lambdas/core/fields/parse-user-mapping';

describe('parseUserMapping', () => {
  it('returns a valid mapping as it is', () => {
    const json = {
      fields: { 'Patient Identifier': 'nhsNumber', Birthday: 'dateOfBirth', 'Contact Pref': 'preferredContactMethod' },
    };
    expect(parseUserMapping(json)).toEqual(json);
  });

  it('accepts a mapping with no fields', () => {
    expect(parseUserMapping({})).toEqual({});
  });

  it('accepts two spellings of one header mapped to the same field', () => {
    const json = { fields: { 'Patient ID': 'nhsNumber', PATIENT_ID: 'nhsNumber' } };
    expect(parseUserMapping(json)).toEqual(json);
  });

  it('names the header and lists the valid field names for an unknown field', () => {
    expect(() => parseUserMapping({ fields: { 'Patient Identifier': 'nhs_number' } })).toThrow(
      'The column mapping file maps header "Patient Identifier" to "nhs_number", which is not a field name. ' +
        'Use one of: nhsNumber, practiceCode, dateOfBirth, preferredContactMethod, surname, forename, mobile, email, ' +
        'smsConsent, smsDissent, qofRegisters, aisNeed, extractDate.',
    );
  });

  it.each([
    { json: null, message: 'must hold a JSON object, not null' },
    { json: [], message: 'must hold a JSON object, not a list' },
    { json: 'nhsNumber', message: 'must hold a JSON object, not a string' },
    { json: { field: {} }, message: 'unknown key "field"; the only key is "fields"' },
    {
      json: { fields: [] },
      message: '"fields" in the column mapping file must be an object of header → field name, not a list',
    },
    { json: { fields: { Birthday: 3 } }, message: 'maps header "Birthday" to a number, which is not a field name' },
    { json: { fields: { Birthday: null } }, message: 'maps header "Birthday" to null, which is not a field name' },
    { json: { fields: { ' ': 'nhsNumber' } }, message: 'maps an empty header' },
    {
      json: { fields: { 'Patient ID': 'nhsNumber', patient_id: 'surname' } },
      message: 'maps headers "Patient ID" and "patient_id" to different fields ("nhsNumber" and "surname")',
    },
  ])('rejects $json with a message saying what is wrong', ({ json, message }) => {
    expect(() => parseUserMapping(json)).toThrow(message);
  });
});
