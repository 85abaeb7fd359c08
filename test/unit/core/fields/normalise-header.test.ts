import { describe, expect, it } from 'vitest';
import { normaliseHeader } from '../../../../lambdas/core/fields/normalise-header';

describe('normaliseHeader', () => {
  it.each([
    { header: 'NHS Number', expected: 'nhsnumber' },
    { header: 'NHS_NUMBER', expected: 'nhsnumber' },
    { header: 'nhs-number', expected: 'nhsnumber' },
    { header: 'Patient NHS No.', expected: 'patientnhsno' },
    { header: 'D.O.B.', expected: 'dob' },
    { header: 'Date (of) Birth', expected: 'dateofbirth' },
    { header: '[Mobile] Number', expected: 'mobilenumber' },
    { header: 'E-mail / Address', expected: 'emailaddress' },
    { header: '  Surname\t', expected: 'surname' },
    { header: 'Forename\u00a0Given', expected: 'forenamegiven' },
    { header: '\uFEFFNHS Number', expected: 'nhsnumber' },
    { header: "Usual GP's Practice", expected: "usualgp'spractice" },
    { header: 'Registers: QOF', expected: 'registers:qof' },
    { header: '', expected: '' },
    { header: ' _.-()[]/ ', expected: '' },
  ])('turns "$header" into "$expected"', ({ header, expected }) => {
    expect(normaliseHeader(header)).toBe(expected);
  });
});
