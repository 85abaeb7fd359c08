import { describe, expect, it } from 'vitest';
import { looksLikeSpreadsheetNumber } from '../../../../lambdas/core/values/spreadsheet-number';

describe('looksLikeSpreadsheetNumber', () => {
  it.each(['9.99E+09', '9.99901E+09', ' 9.99e+09 ', '9,99E+09', '1E+10', '9.99E09'])('is true for %s', (cell) => {
    expect(looksLikeSpreadsheetNumber(cell)).toBe(true);
  });

  it.each(['9990000018', '999 000 0018', '', 'E+09', '9.99', '9.99E-09', 'Exempt'])('is false for %j', (cell) => {
    expect(looksLikeSpreadsheetNumber(cell)).toBe(false);
  });
});
