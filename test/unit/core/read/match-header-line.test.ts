import { describe, expect, it } from 'vitest';
import { matchHeaderLine } from '../../../../lambdas/core/read/match-header-line';

const hasNhsNumber = (cells: readonly string[]) => cells.some((cell) => cell.toLowerCase() === 'nhs number');
const mentionsNhsNumber = (cells: readonly string[]) => cells.some((cell) => cell.includes('NHS Number'));

describe('matchHeaderLine', () => {
  it.each([
    { line: 'NHS Number,Surname', delimiter: ',', cells: ['NHS Number', 'Surname'] },
    { line: 'NHS Number\tSurname', delimiter: '\t', cells: ['NHS Number', 'Surname'] },
    { line: 'NHS Number|Surname', delimiter: '|', cells: ['NHS Number', 'Surname'] },
    { line: 'NHS Number;Surname', delimiter: ';', cells: ['NHS Number', 'Surname'] },
    { line: ' NHS Number , Surname ', delimiter: ',', cells: ['NHS Number', 'Surname'] },
    { line: 'NHS Number;Surname, Forename', delimiter: ';', cells: ['NHS Number', 'Surname, Forename'] },
    { line: 'NHS Number', delimiter: ',', cells: ['NHS Number'] },
  ])('finds the header $line with delimiter $delimiter', ({ line, delimiter, cells }) => {
    expect(matchHeaderLine(line, hasNhsNumber)).toEqual({ delimiter, cells });
  });

  it('prefers the delimiter that gives the most cells when several match', () => {
    expect(matchHeaderLine('NHS Number,Practice;Code;DOB', mentionsNhsNumber)).toEqual({
      delimiter: ';',
      cells: ['NHS Number,Practice', 'Code', 'DOB'],
    });
  });

  it.each(['Patient list', 'Run date: 01/02/2026', 'Surname,Forename'])('finds no header in %s', (line) => {
    expect(matchHeaderLine(line, hasNhsNumber)).toBeUndefined();
  });
});
