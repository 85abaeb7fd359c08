import { describe, expect, it } from 'vitest';
import { splitDelimitedLine } from '../../../../lambdas/core/read/split-delimited-line';

describe('splitDelimitedLine', () => {
  it.each([
    { line: 'NHS Number,Surname,DOB', delimiter: ',', cells: ['NHS Number', 'Surname', 'DOB'] },
    { line: 'NHS Number\tSurname', delimiter: '\t', cells: ['NHS Number', 'Surname'] },
    { line: 'NHS Number|Surname', delimiter: '|', cells: ['NHS Number', 'Surname'] },
    { line: 'NHS Number;Surname', delimiter: ';', cells: ['NHS Number', 'Surname'] },
    { line: '"NHS Number","Name, full"', delimiter: ',', cells: ['NHS Number', 'Name, full'] },
    { line: '"Say ""hi""",b', delimiter: ',', cells: ['Say "hi"', 'b'] },
    { line: 'a,,b,', delimiter: ',', cells: ['a', '', 'b', ''] },
    { line: '5" tall,b', delimiter: ',', cells: ['5" tall', 'b'] },
    { line: ' "quoted after space",b', delimiter: ',', cells: ['quoted after space', 'b'] },
    { line: '"never closed,b', delimiter: ',', cells: ['never closed,b'] },
    { line: '', delimiter: ',', cells: [''] },
    { line: 'NHS Number,Surname', delimiter: ';', cells: ['NHS Number,Surname'] },
  ])('splits $line on $delimiter', ({ line, delimiter, cells }) => {
    expect(splitDelimitedLine(line, delimiter)).toEqual(cells);
  });
});
