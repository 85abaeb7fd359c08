import { describe, expect, it } from 'vitest';
import {
  isTemplateCsv,
  parseTemplates,
  parseTemplatesCsv,
  parseTemplateText,
} from '../../../../lambdas/core/sms/parse-templates';
import { TemplateFileError } from '../../../../lambdas/core/sms/template-file-error';

describe('parseTemplatesCsv', () => {
  it('reads one template per row, with quoted commas, quotes and line breaks', () => {
    const csv =
      'name,text\r\nflu,"Your flu jab is due, book now"\r\nquote,"Say ""hi"""\r\nmulti,"Line one\r\nline two"\r\n';
    expect(parseTemplatesCsv(csv, 'templates.csv')).toEqual([
      { name: 'flu', text: 'Your flu jab is due, book now' },
      { name: 'quote', text: 'Say "hi"' },
      { name: 'multi', text: 'Line one\nline two' },
    ]);
  });

  it('finds the columns by name in any case and order, ignores others, skips blank lines and a BOM', () => {
    const csv = '\uFEFFText, Notes ,NAME\n\nHello there,draft,greeting\n';
    expect(parseTemplatesCsv(csv, 'templates.csv')).toEqual([{ name: 'greeting', text: 'Hello there' }]);
  });

  it('trims names and texts, and keeps an empty text for the check to report', () => {
    expect(parseTemplatesCsv('name,text\n  blank  ,   \n', 't.csv')).toEqual([{ name: 'blank', text: '' }]);
  });

  it('names the line of a row with an unquoted comma', () => {
    const csv = 'name,text\nok,fine\nflu,Your flu jab is due, book now\n';
    expect(() => parseTemplatesCsv(csv, 'templates.csv')).toThrow(
      'templates.csv: line 3 has 3 fields but the header has 2 (is there an unquoted comma in the text?)',
    );
  });

  it('counts lines from where a multi-line record starts', () => {
    const csv = 'name,text\nmulti,"one\ntwo"\n,no name\n';
    expect(() => parseTemplatesCsv(csv, 't.csv')).toThrow('t.csv: line 4 has no name');
  });

  it('lists every problem in one error', () => {
    const csv = 'name,text\n,a\nonly-name\n';
    expect(() => parseTemplatesCsv(csv, 't.csv')).toThrow(
      't.csv: line 2 has no name; line 3 has 1 field but the header has 2.',
    );
  });

  it.each([
    { what: 'no header', csv: 'flu,Your flu jab is due\n', message: 'the first row must be the header "name,text"' },
    { what: 'an empty file', csv: '', message: 'the first row must be the header "name,text" (the file is empty)' },
    { what: 'a header only', csv: 'name,text\n', message: 'the CSV has a header but no templates' },
    { what: 'an unclosed quote', csv: 'name,text\nflu,"open\n', message: '(CSV_QUOTE_NOT_CLOSED)' },
  ])('rejects $what with a TemplateFileError that says how to fix it', ({ csv, message }) => {
    expect(() => parseTemplatesCsv(csv, 't.csv')).toThrow(TemplateFileError);
    expect(() => parseTemplatesCsv(csv, 't.csv')).toThrow(message);
    expect(() => parseTemplatesCsv(csv, 't.csv')).toThrow('header row "name,text"');
  });
});

describe('parseTemplateText', () => {
  it.each([
    { fileName: 'flu-invite.txt', name: 'flu-invite' },
    { fileName: 'templates/flu-invite.txt', name: 'flu-invite' },
    { fileName: 'C:\\templates\\flu.invite.txt', name: 'flu.invite' },
    { fileName: 'README', name: 'README' },
    { fileName: '.hidden', name: '.hidden' },
  ])('names the template in $fileName "$name"', ({ fileName, name }) => {
    expect(parseTemplateText('Hi', fileName).name).toBe(name);
  });

  it("drops the BOM and the editor's trailing line breaks, and makes CRLF into LF", () => {
    expect(parseTemplateText('\uFEFFLine one\r\nline two\r\n\r\n', 'a.txt').text).toBe('Line one\nline two');
  });
});

describe('isTemplateCsv', () => {
  it.each([
    { content: 'name,text\nflu,Hi', expected: true },
    { content: '\uFEFF\n"Text","Name"\r\nHi,flu', expected: true },
    { content: 'Your review is due, please call.', expected: false },
    { content: 'name only\n', expected: false },
    { content: '', expected: false },
  ])('says $expected for $content', ({ content, expected }) => {
    expect(isTemplateCsv(content)).toBe(expected);
  });
});

describe('parseTemplates', () => {
  it('reads a .csv as a CSV of templates', () => {
    expect(parseTemplates('name,text\nflu,Hi', 'a.CSV')).toEqual([{ name: 'flu', text: 'Hi' }]);
  });

  it('reads a .txt as one template even when it looks like a header', () => {
    expect(parseTemplates('name,text\n', 'a.txt')).toEqual([{ name: 'a', text: 'name,text' }]);
  });

  it.each([
    { content: 'name,text\nflu,Hi', expected: [{ name: 'flu', text: 'Hi' }] },
    {
      content: 'Your review is due, please call.',
      expected: [{ name: 'invite', text: 'Your review is due, please call.' }],
    },
  ])('decides by the header for a file with another extension', ({ content, expected }) => {
    expect(parseTemplates(content, 'invite.msg')).toEqual(expected);
  });
});
