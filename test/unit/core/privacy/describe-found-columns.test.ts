import { describe, expect, it } from 'vitest';
import { describeFoundColumns } from '../../../../lambdas/core/privacy/describe-found-columns';

describe('describeFoundColumns', () => {
  it('quotes every header when none has a personal shape, known or not', () => {
    expect(describeFoundColumns(['NHS Number', 'Surname', 'Carer'], new Set([0, 1]))).toBe(
      '"NHS Number", "Surname", "Carer".',
    );
  });

  it('quotes only the known headers of a line merged with a data row, counting the others', () => {
    const header = ['NHS Number', 'Date of Birth', '9990700001', 'Pemberton', '05/10/1948'];
    expect(describeFoundColumns(header, new Set([0, 1]))).toBe(
      '"NHS Number", "Date of Birth" and 3 other columns, not quoted because the header line looks like it holds ' +
        "a patient's details. Withheld as possibly personal data: 1 value that looks like a date and 1 value that " +
        'looks like a phone or NHS number.',
    );
  });
});
