import { describe, expect, it } from 'vitest';
import {
  type ExportLayout,
  exportHeader,
  formatExport,
  joinFields,
  trailerLines,
} from '../../../../lambdas/local/samples/format-export';
import type { SamplePatient } from '../../../../lambdas/local/samples/sample-patient';

const SYSTMONE: ExportLayout = {
  columns: 'systmone',
  delimiter: ',',
  encoding: 'utf-8',
  lineEnding: '\n',
  dateFormat: 'DD/MM/YYYY',
  quoteAll: false,
  registerSeparator: ';',
  registerFlags: ['Yes', 'No'],
  practiceColumn: true,
  preamble: 'none',
  trailer: 'none',
};

const EMIS: ExportLayout = {
  ...SYSTMONE,
  columns: 'emis',
  lineEnding: '\r\n',
  dateFormat: 'DD-Mon-YYYY',
  quoteAll: true,
  preamble: 'title-run-date-blank',
  trailer: 'total',
};

function patient(overrides: Partial<SamplePatient>): SamplePatient {
  return {
    key: 0,
    nhsNumber: '9990000018',
    nhsNumberText: '9990000018',
    surname: "O'Brien",
    forename: 'Zoë',
    dateOfBirth: { kind: 'date', iso: '1980-02-29' },
    preference: 'sms',
    preferenceText: 'SMS',
    mobile: '07700 900123',
    email: 'zoe.obrien@example.com',
    smsConsent: 'given',
    qofRegisters: ['DM', 'HYP'],
    aisNeed: '',
    variant: 0,
    practiceCodeCell: 'code',
    problems: [],
    ...overrides,
  };
}

describe('joinFields', () => {
  it.each([
    { fields: ['a', 'b'], layout: SYSTMONE, expected: 'a,b' },
    { fields: ['DM,HYP', 'x'], layout: SYSTMONE, expected: '"DM,HYP",x' },
    {
      fields: ['=HYPERLINK("https://example.com","Click me")'],
      layout: SYSTMONE,
      expected: '"=HYPERLINK(""https://example.com"",""Click me"")"',
    },
    { fields: ['Large print\n(18 point)'], layout: SYSTMONE, expected: '"Large print\n(18 point)"' },
    { fields: ['Large print\n(18 point)'], layout: EMIS, expected: '"Large print\r\n(18 point)"' },
    { fields: ['a', ''], layout: EMIS, expected: '"a",""' },
    { fields: ['DM;HYP'], layout: { ...SYSTMONE, delimiter: ';' as const }, expected: '"DM;HYP"' },
  ])('writes $fields as $expected', ({ fields, layout, expected }) => {
    expect(joinFields(fields, layout)).toBe(expected);
  });
});

describe('exportHeader', () => {
  it('names the EMIS columns as an EMIS search report does, with per-register columns', () => {
    expect(exportHeader(EMIS)).toEqual([
      'Patient NHS No',
      'Family Name',
      'Given Name',
      'DOB',
      'Organisation Code',
      'Preferred Method of Contact',
      'Mobile Number',
      'Email',
      'SMS Dissent',
      'Diabetes Register',
      'Hypertension Register',
      'Asthma Register',
      'COPD',
      'Communication Need',
    ]);
  });

  it('leaves out the practice column when the code must come from the file name or folder', () => {
    expect(exportHeader({ ...EMIS, practiceColumn: false })).not.toContain('Organisation Code');
  });
});

describe('trailerLines', () => {
  it.each([
    { trailer: 'none' as const, expected: [] },
    { trailer: 'total' as const, expected: ['Total patients: 12'] },
    { trailer: 'blank-then-total' as const, expected: ['', 'Total patients: 12'] },
    { trailer: 'count' as const, expected: ['Count,12'] },
  ])('writes the $trailer trailer as $expected', ({ trailer, expected }) => {
    expect(trailerLines({ ...SYSTMONE, trailer }, 12)).toEqual(expected);
  });
});

describe('formatExport', () => {
  const context = { columnExtractDate: '2026-09-30', runDate: '2026-09-30', title: 'Communication preferences' };

  it('writes a SystmOne row with UK dates, ;-separated registers and the extract date', () => {
    expect(formatExport(SYSTMONE, [{ practiceCode: 'Y01234', patients: [patient({})] }], context)).toBe(
      'NHS Number,Surname,First Name,Date of Birth,Registered Practice Code,Preferred Contact Method,' +
        'Mobile Telephone,Email Address,SMS Consent,QOF Registers,AIS Need,Extract Date\n' +
        "9990000018,O'Brien,Zoë,29/02/1980,Y01234,SMS,07700 900123,zoe.obrien@example.com,Yes,DM;HYP,No,30/09/2026\n",
    );
  });

  it('writes an EMIS report with preamble, quoted fields, Yes/No registers, inverted SMS consent and a total', () => {
    const text = formatExport(
      EMIS,
      [{ practiceCode: 'Y02345', patients: [patient({ smsConsent: 'withdrawn', aisNeed: 'Large print' })] }],
      context,
    );
    expect(text.split('\r\n')).toEqual([
      'Communication preferences',
      'Run date: 30-Sep-2026 07:15',
      '',
      expect.stringMatching(/^"Patient NHS No","Family Name"/),
      '"9990000018","O\'Brien","Zoë","29-Feb-1980","Y02345","SMS","07700 900123","zoe.obrien@example.com","Yes","Yes","Yes","No","No","Large print"',
      'Total patients: 1',
      '',
    ]);
  });

  it('writes a duplicate row later in the file with its own preference text, counted in the total', () => {
    const patients = [
      patient({ key: 0, duplicate: { preferenceText: 'Letter' } }),
      patient({ key: 1, nhsNumber: '9990000026', nhsNumberText: '9990000026', preferenceText: 'Email' }),
    ];
    const lines = formatExport({ ...SYSTMONE, trailer: 'total' }, [{ practiceCode: 'Y01234', patients }], context)
      .trimEnd()
      .split('\n');
    expect(
      lines.map((line) =>
        line
          .split(',')
          .slice(0, 1)
          .concat(line.split(',')[5] ?? ''),
      ),
    ).toEqual([
      ['NHS Number', 'Preferred Contact Method'],
      ['9990000018', 'SMS'],
      ['9990000026', 'Email'],
      ['9990000018', 'Letter'],
      ['Total patients: 3', ''],
    ]);
  });

  it.each([
    { cell: 'code' as const, expected: 'Y01234' },
    { cell: 'empty' as const, expected: '' },
    { cell: 'lower-case' as const, expected: ' y01234' },
  ])('writes a $cell practice code cell as "$expected"', ({ cell, expected }) => {
    const text = formatExport(
      SYSTMONE,
      [{ practiceCode: 'Y01234', patients: [patient({ practiceCodeCell: cell })] }],
      context,
    );
    expect(text.split('\n')[1]?.split(',')[4]).toBe(expected);
  });

  it('spreads unattributable rows through the body, with the practice code text given', () => {
    const patients = [0, 1, 2, 3].map((key) => patient({ key }));
    const text = formatExport({ ...SYSTMONE, columns: 'icb-wide' }, [{ practiceCode: 'Y08901', patients }], {
      ...context,
      unattributed: [{ practiceCodeText: 'Y8901', patient: patient({}) }],
    });
    expect(
      text
        .trimEnd()
        .split('\n')
        .map((line) => line.split(',')[0]),
    ).toEqual(['practice_code', 'Y08901', 'Y08901', 'Y8901', 'Y08901', 'Y08901']);
  });
});
