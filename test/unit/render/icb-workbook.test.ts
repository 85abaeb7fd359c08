import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderIcbWorkbook } from '../../../lambdas/render/icb-workbook';
import { allCells, columnValues, loadWorkbook, periodReportFixture, requireSheet } from './fixtures';
import { placedImages } from './placed-images';
import { xlsxParts } from './xlsx-parts';

const { ValueType } = ExcelJS;

let workbook: ExcelJS.Workbook;
let bytes: Buffer;

beforeAll(async () => {
  bytes = await renderIcbWorkbook(periodReportFixture());
  workbook = await loadWorkbook(bytes);
});

const sheet = (name: string): ExcelJS.Worksheet => requireSheet(workbook, name);

/** The first cell whose text is exactly `text`. */
function findCell(ws: ExcelJS.Worksheet, text: string): ExcelJS.Cell {
  let found: ExcelJS.Cell | undefined;
  ws.eachRow((row) => {
    row.eachCell((cell) => {
      if (found === undefined && cell.value === text) found = cell;
    });
  });
  if (found === undefined) throw new Error(`no cell with "${text}" on ${ws.name}`);
  return found;
}

describe('renderIcbWorkbook', () => {
  it('has the sheets of SPEC §4.1 in order, PCNs after Practices', () => {
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      'Summary',
      'Practices',
      'PCNs',
      'Trend',
      'Methods',
      'Registers',
      'Data quality',
      'Definitions',
    ]);
  });

  it('names pcm-reporter as the creator and titles the workbook with the ICB and month', () => {
    expect(workbook.creator).toBe('pcm-reporter');
    expect(workbook.title).toBe('Patient communication preferences: NHS Example ICB, October 2026');
  });

  it('holds no formula in any cell, and formula-like text stays text', () => {
    const cells = allCells(workbook);
    expect(cells.filter(({ cell }) => cell.type === ValueType.Formula || cell.formula !== undefined)).toEqual([]);
    const injected = cells.filter(({ cell }) => typeof cell.value === 'string' && /^[=+\-@]/.test(cell.value));
    expect(injected.map(({ sheet: name }) => name)).toEqual(
      expect.arrayContaining(['Practices', 'PCNs', 'Methods', 'Registers', 'Data quality']),
    );
    for (const { cell } of injected) expect(cell.type).toBe(ValueType.String);
  });

  it('contains no NHS number anywhere (aggregate data only)', () => {
    const nhsLike = /\b\d{3} ?\d{3} ?\d{4}\b/;
    const hits = allCells(workbook).filter(({ cell }) => {
      const value = cell.value;
      if (typeof value === 'number') return value >= 1e9 && value < 1e10;
      return typeof value === 'string' && nhsLike.test(value);
    });
    expect(hits.map(({ sheet: name, address }) => `${name}!${address}`)).toEqual([]);
  });

  describe('Summary', () => {
    it('titles the sheet with the ICB name and the month written out', () => {
      expect(sheet('Summary').getCell('A1').value).toBe(
        'Patient communication preferences: NHS Example ICB, October 2026',
      );
    });

    it.each([
      { address: 'B6', label: 'Patients registered at reporting practices', value: 3040, numFmt: '#,##0' },
      { address: 'B7', label: 'Patients with no recorded communication preference', value: 499, numFmt: '#,##0' },
      { address: 'B8', label: '% with no recorded preference', value: 16.4, numFmt: '0.0"%"' },
      { address: 'B9', label: 'Patients who would default to SMS', value: 251, numFmt: '#,##0' },
      { address: 'B10', label: 'Estimated annual SMS cost (£)', value: 3.55, numFmt: '"£"#,##0.00' },
      { address: 'B12', label: 'Median practice % with no recorded preference', value: 12.4, numFmt: '0.0"%"' },
      { address: 'B13', label: 'Practices well above the ICB average (high outliers)', value: 1, numFmt: '#,##0' },
    ])('shows "$label" as $value', ({ address, label, value, numFmt }) => {
      const ws = sheet('Summary');
      const cell = ws.getCell(address);
      expect(ws.getCell(`A${cell.row}`).value).toBe(label);
      expect(cell.value).toBe(value);
      expect(cell.numFmt).toBe(numFmt);
    });

    it('gives the 95% confidence interval next to the ICB percentage', () => {
      expect(sheet('Summary').getCell('C8').value).toBe('95% confidence interval 15.1% to 17.8%. Lower is better.');
    });

    it('says how many practices reported out of how many expected', () => {
      const ws = sheet('Summary');
      expect(ws.getCell('A11').value).toBe('Practices that sent an export this month');
      expect(ws.getCell('B11').value).toBe('3 of 5');
      expect(ws.getCell('C11').value).toBe(
        'No export ever: 1 (D83005 Orchard Health Centre); no export this month: 1 (D83003 Meadow View Medical ' +
          'Centre, last export 14/09/2026); not in the practice directory: 0. See Data quality.',
      );
    });

    it('lists the worst practices first, reporting practices only, with rounded numbers', () => {
      const ws = sheet('Summary');
      expect(columnValues(ws, 'A', 17, 20)).toEqual([
        '1. =HYPERLINK("http://example.com","Hilltop") (D83002)',
        '2. Riverside Surgery (D83001)',
        '3. Little Lane Practice (D83004)',
        null,
      ]);
      expect(columnValues(ws, 'B', 17, 19)).toEqual([25, 12.4, 5]);
      expect(columnValues(ws, 'C', 17, 19)).toEqual(['22.4% to 27.8%', '11.0% to 13.9%', '1.4% to 16.5%']);
      expect(columnValues(ws, 'F', 17, 19)).toEqual(['High outlier', 'High warning', 'Within expected range']);
      expect(columnValues(ws, 'G', 17, 19)).toEqual([-2.3, 0.1, null]);
      expect(ws.getCell('G17').numFmt).toBe('+0.0;-0.0;0.0');
    });

    it('embeds the funnel plot and then the trend chart at their display size, one chart per row', () => {
      const ws = sheet('Summary');
      expect(ws.getCell('A28').value).toBe('Charts: practices compared, and the ICB trend');
      // 0-based rows 29 and 30 are sheet rows 30 and 31; 800 × 500 and 800 × 400 pixels.
      expect(placedImages(workbook, ws)).toEqual([
        { col: 0, row: 29, width: 800, height: 500, extension: 'png' },
        { col: 0, row: 30, width: 800, height: 400, extension: 'png' },
      ]);
      // Each row is as tall as its chart (pixels × 0.75 points) plus an 8-point gap, so nothing overlaps it.
      expect([ws.getRow(30).height, ws.getRow(31).height]).toEqual([383, 308]);
    });

    it('starts the charts on a new printed page and prints one page wide', async () => {
      const ws = sheet('Summary');
      // exceljs does not read row breaks back: the break after row 27 is in the sheet XML.
      const xml = (await xlsxParts(bytes)).get('xl/worksheets/sheet1.xml') ?? '';
      expect(xml.match(/<rowBreaks[^>]*>.*<\/rowBreaks>/)?.[0]).toMatch(/^<rowBreaks count="1"[^>]*><brk id="27" /);
      expect(ws.pageSetup).toMatchObject({ orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    });

    it('ends with a plain-English reading guide', () => {
      const ws = sheet('Summary');
      expect(ws.getCell('A33').value).toBe('How to read this report');
      expect(String(ws.getCell('A34').value)).toMatch(/^1\. What it shows\./);
      expect(String(ws.getCell('A36').value)).toContain('"High outlier" (above the 99.8% limit)');
    });

    it('says why the Decile column is blank when fewer than 10 practices report (3 here)', () => {
      expect(String(sheet('Summary').getCell('A37').value)).toMatch(
        /^4\. Deciles are shown when at least 10 practices report; 3 reported this month\. So the Decile column is blank/,
      );
    });
  });

  describe('Practices', () => {
    it('uses the friendly headers of the tidy columns', () => {
      const ws = sheet('Practices');
      expect(ws.getCell('A1').value).toBe('Period');
      expect(ws.getCell('B1').value).toBe('Practice code (ODS)');
      expect(ws.getCell('I1').value).toBe('% no preference');
      expect(ws.getCell('AM1').value).toBe('Funnel flag');
      expect(ws.getCell('AO1').value).toBe('Est. annual SMS cost (£)');
      expect(ws.getCell('AP1').value).toBe('Status');
      expect(ws.getCell('AQ1').value).toBeNull();
      expect(ws.getCell('I1').alignment?.wrapText).toBe(true);
    });

    it('sorts practices worst first, practices without an export last', () => {
      expect(columnValues(sheet('Practices'), 'B', 2, 6)).toEqual(['D83002', 'D83001', 'D83004', 'D83003', 'D83005']);
    });

    it.each([
      { address: 'G3', value: 2000, numFmt: '#,##0' },
      { address: 'I3', value: 12.4, numFmt: '0.0"%"' },
      { address: 'J3', value: 11, numFmt: '0.0"%"' },
      { address: 'K3', value: 13.9, numFmt: '0.0"%"' },
      { address: 'AK3', value: 5, numFmt: '0' },
      { address: 'AL3', value: 1.96, numFmt: '0.00' },
      { address: 'AN3', value: 0.1, numFmt: '+0.0;-0.0;0.0' },
      { address: 'AO3', value: 2, numFmt: '"£"#,##0.00' },
      { address: 'AN2', value: -2.3, numFmt: '+0.0;-0.0;0.0' },
      { address: 'V4', value: 6.7, numFmt: '0.0"%"' },
    ])('holds $value in $address, rounded as in the CSV, with format $numFmt', ({ address, value, numFmt }) => {
      const cell = sheet('Practices').getCell(address);
      expect(cell.value).toBe(value);
      expect(cell.numFmt).toBe(numFmt);
    });

    it('writes the extract date as a real date shown day first', () => {
      const cell = sheet('Practices').getCell('F3');
      expect(cell.type).toBe(ValueType.Date);
      expect((cell.value as Date).getTime()).toBe(Date.UTC(2026, 9, 15));
      expect(cell.numFmt).toBe('dd/mm/yyyy');
    });

    it('leaves every metric of a practice without an export blank', () => {
      const ws = sheet('Practices');
      expect(ws.getCell('C5').value).toBe('Meadow View Medical Centre');
      const row = ws.getRow(5);
      for (let c = 6; c <= 41; c++) expect(row.getCell(c).value).toBeNull();
    });

    it('keeps the formula-like practice name as a string cell', () => {
      const cell = sheet('Practices').getCell('C2');
      expect(cell.value).toBe('=HYPERLINK("http://example.com","Hilltop")');
      expect(cell.type).toBe(ValueType.String);
      expect(sheet('Practices').getCell('D2').value).toBe('-South PCN');
    });

    it('shows ICB totals below the practices, outside the filter range', () => {
      const ws = sheet('Practices');
      expect(ws.getRow(7).values).toEqual([]);
      expect(ws.getCell('B8').value).toBe('ICB total');
      expect(ws.getCell('C8').value).toBe('NHS Example ICB');
      expect(ws.getCell('G8').value).toBe(3040);
      expect(ws.getCell('I8').value).toBe(16.4);
      expect(ws.getCell('AO8').value).toBe(3.55);
    });

    it('freezes the header row and the practice columns', () => {
      expect(sheet('Practices').views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 1 });
    });

    it('puts an autofilter on the header over the practice rows', () => {
      expect(sheet('Practices').autoFilter).toBe('A1:AP6');
    });

    it('colours % no preference, the funnel flags and the change', () => {
      const formats = (
        sheet('Practices') as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }
      ).conditionalFormattings;
      expect(formats.map((f) => [f.ref, f.rules[0]?.type])).toEqual([
        ['I2:I6', 'colorScale'],
        ['AM2:AM6', 'containsText'],
        ['AN2:AN6', 'cellIs'],
      ]);
    });

    it('prints landscape with the header row repeated', () => {
      expect(sheet('Practices').pageSetup).toMatchObject({ orientation: 'landscape', printTitlesRow: '1:1' });
    });
  });

  describe('PCNs', () => {
    it('shows each PCN with its practices and measures, rounded as the CSV, worst first, then the ICB total', () => {
      const ws = sheet('PCNs');
      expect(ws.getRow(1).values).toEqual([
        undefined,
        'PCN',
        'Practices reporting',
        'Practices in the PCN',
        'Registered patients',
        'No preference recorded',
        '% no preference',
        '95% CI low',
        '95% CI high',
        '% 16+ no preference',
        '% QOF no preference',
        'Would default to SMS',
        'Est. annual SMS cost (£)',
      ]);
      const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
      // Formula-like name kept as text; 250 of 1,000 = 25.0%.
      expect(values(2)).toEqual(['-South PCN', 1, 1, 1000, 250, 25, 22.4, 27.8, 25, 20, 100, 1.5]);
      // 249 of 2,040 = 12.2%; interval 10.9 to 13.7; £2.045 shown £2.05.
      expect(values(3)).toEqual(['North Riverside PCN', 2, 2, 2040, 249, 12.2, 10.9, 13.7, 12.5, 10.1, 151, 2.05]);
      expect(values(4)).toEqual(['South PCN', 0, 2]);
      expect(ws.getCell('A4').font?.italic).toBe(true);
      expect(values(6).slice(0, 6)).toEqual(['ICB total', 3, 5, 3040, 499, 16.4]);
      expect(ws.getCell('F3').numFmt).toBe('0.0"%"');
      expect(ws.getCell('L3').numFmt).toBe('"£"#,##0.00');
      expect(String(ws.getCell('A8').value)).toContain('grouped as "No PCN recorded"');
    });

    it('freezes the header and PCN column, filters the PCN rows only, and prints landscape', () => {
      const ws = sheet('PCNs');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
      expect(ws.autoFilter).toBe('A1:L4');
      expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:1' });
    });
  });

  describe('Trend', () => {
    it('has a column per period, written as short months', () => {
      expect(sheet('Trend').getRow(2).values).toEqual([
        undefined,
        'Practice code',
        'Practice name',
        'Aug 2026',
        'Sep 2026',
        'Oct 2026',
      ]);
    });

    it('shows the ICB first, then practices worst first by the latest month', () => {
      const ws = sheet('Trend');
      expect(columnValues(ws, 'A', 3, 7)).toEqual(['ICB total', 'D83002', 'D83001', 'D83004', 'D83003']);
      expect(columnValues(ws, 'C', 3, 3)).toEqual([17.2]);
      expect(columnValues(ws, 'E', 3, 7)).toEqual([16.4, 25, 12.4, 5, null]);
      expect(columnValues(ws, 'D', 4, 7)).toEqual([27.3, 12.3, null, 15]);
      expect(ws.getCell('E5').numFmt).toBe('0.0"%"');
    });
  });

  describe('Methods', () => {
    it('shows the share of each category for the ICB and each practice', () => {
      const ws = sheet('Methods');
      expect(ws.getRow(2).values).toEqual([
        undefined,
        'Practice code',
        'Practice name',
        'Registered patients',
        '% SMS',
        '% email',
        '% letter',
        '% telephone',
        '% NHS App',
        '% other method',
        '% declined contact',
        '% no preference recorded',
        '% unrecognised value',
      ]);
      // ICB: 1320 / 3040 = 43.42%; 499 / 3040 = 16.41%.
      expect(ws.getCell('A3').value).toBe('ICB total');
      expect(ws.getCell('D3').value).toBe(43.4);
      expect(ws.getCell('K3').value).toBe(16.4);
      // Riverside (second, worst first): 900 / 2000, 23 / 2000, 30 / 2000.
      expect(ws.getCell('A5').value).toBe('D83001');
      expect([ws.getCell('D5').value, ws.getCell('J5').value, ws.getCell('L5').value]).toEqual([45, 1.2, 1.5]);
      expect(ws.getCell('D5').numFmt).toBe('0.0"%"');
      // A practice without an export: no shares.
      expect(ws.getCell('A7').value).toBe('D83003');
      expect(ws.getCell('D7').value).toBeNull();
    });
  });

  describe('Registers', () => {
    it('shows ICB counts and % without preference per QOF register, then each reporting practice', () => {
      const ws = sheet('Registers');
      expect(ws.getCell('C2').value).toBe('DM\nDiabetes mellitus');
      expect(ws.getCell('D2').value).toBe('HYP\nHypertension');
      expect([ws.getCell('C3').value, ws.getCell('C4').value, ws.getCell('C5').value]).toEqual([400, 50, 12.5]);
      // 70 / 600 = 11.67%.
      expect(ws.getCell('D5').value).toBe(11.7);
      expect(ws.getCell('D5').numFmt).toBe('0.0"%"');
      expect(columnValues(ws, 'A', 6, 9)).toEqual(['D83002', 'D83001', 'D83004', null]);
      // Hilltop 18 / 140 = 12.86%, 28 / 180 = 15.56%; Riverside 30 / 250, 40 / 400; Little Lane 2 / 10, 2 / 20.
      expect(columnValues(ws, 'C', 6, 8)).toEqual([12.9, 12, 20]);
      expect(columnValues(ws, 'D', 6, 8)).toEqual([15.6, 10, 10]);
    });
  });

  describe('Data quality', () => {
    it('lists stale and missing practices with the date of the last export', () => {
      const ws = sheet('Data quality');
      const stale = findCell(ws, 'Stale: no export this month');
      expect(ws.getCell(stale.row, 1).value).toBe('D83003');
      const lastExport = ws.getCell(stale.row, 4);
      expect((lastExport.value as Date).getTime()).toBe(Date.UTC(2026, 8, 14));
      expect(lastExport.numFmt).toBe('dd/mm/yyyy');
      expect(ws.getCell(findCell(ws, 'Missing: no export ever received').row, 1).value).toBe('D83005');
    });

    it('lists rejected rows by reason per practice, with what the reason means', () => {
      const ws = sheet('Data quality');
      const heading = findCell(ws, 'Rejected rows by reason');
      const first = ws.getRow(Number(heading.row) + 3);
      expect([first.getCell(1).value, first.getCell(2).value, first.getCell(3).value, first.getCell(4).value]).toEqual([
        'D83001',
        'Riverside Surgery',
        'invalid_nhs_number',
        6,
      ]);
      expect(String(first.getCell(5).value)).toMatch(/^NHS number is not 10 digits/);
    });

    it('keeps an unrecognised value that looks like a formula as text', () => {
      const cell = findCell(sheet('Data quality'), '=1+1');
      expect(cell.type).toBe(ValueType.String);
      expect(sheet('Data quality').getCell(cell.row, 3).value).toBe(3);
    });

    it('advises the valueMapping option with a ready-to-paste example of the listed values', () => {
      const ws = sheet('Data quality');
      const heading = findCell(ws, 'Unrecognised preference values');
      const intro = String(ws.getCell(Number(heading.row) + 1, 1).value);
      expect(intro).toContain(
        '{"valueMapping":{"preferredContactMethod":{"=1+1":"?","Carrier pigeon":"?"}}}. Remove any value that is not',
      );
      expect(intro).toContain('replacing each "?" with the category the value means (sms, email, letter,');
      const pigeon = ws.getRow(Number(findCell(ws, 'Carrier pigeon').row));
      expect(String(pigeon.getCell(4).value)).toMatch(/^If it is a contact method, map it with valueMapping/);
      expect(allCells(workbook).some(({ cell }) => String(cell.value).includes('column mapping file'))).toBe(false);
    });

    it('lists quarantined files with their reason, time and how to fix them', () => {
      const ws = sheet('Data quality');
      const row = ws.getRow(Number(findCell(ws, 'exports/broken.csv').row));
      expect([row.getCell(2).value, row.getCell(3).value]).toEqual(['no_header', '16/10/2026, 10:30']);
      expect(row.getCell(4).value).toBe(
        'No NHS number column found. Expected a header such as "NHS Number" or "NHS No".',
      );
    });

    it('lists ingested files with skipped lines, ignored columns and notes', () => {
      const ws = sheet('Data quality');
      const row = ws.getRow(Number(findCell(ws, 'exports/D83001_2026-10-15.csv').row));
      expect(row.values).toEqual([
        undefined,
        'exports/D83001_2026-10-15.csv',
        'D83001',
        0,
        3,
        1,
        'Usual GP',
        'Extract date in the column (2026-10-15) differs from the file name (2026-10-14); the column was used.',
      ]);
    });
  });

  describe('Definitions', () => {
    it('defines every tidy column', () => {
      const ws = sheet('Definitions');
      const csvColumns = new Set<unknown>();
      ws.eachRow((row) => {
        csvColumns.add(row.getCell(2).value);
      });
      for (const column of ['period', 'no_preference_ci_low', 'funnel_z', 'funnel_flag', 'est_annual_sms_cost_gbp']) {
        expect(csvColumns).toContain(column);
      }
      expect(String(ws.getCell(findCell(ws, 'funnel_flag').row, 3).value)).toContain('high_outlier');
    });

    it('explains the funnel method: Spiegelhalter, Winsorised z, both limits', () => {
      const ws = sheet('Definitions');
      const text = String(ws.getCell(findCell(ws, 'Funnel plot and flags').row, 2).value);
      expect(text).toContain('Spiegelhalter (2005)');
      expect(text).toContain('additive random-effects');
      expect(text).toContain('Winsorised at their 10th and 90th percentiles');
      expect(text).toContain('95% (z beyond ±1.96: warning) and 99.8% (z beyond ±3.09: outlier)');
    });

    /** Column B of the row whose column A reads `term`, in the section headed `section`. */
    function definition(section: string, term: string): string {
      const ws = sheet('Definitions');
      for (let r = Number(findCell(ws, section).row) + 1; r <= ws.rowCount; r++) {
        if (ws.getCell(r, 1).value === term) return String(ws.getCell(r, 2).value);
      }
      throw new Error(`no "${term}" under "${section}"`);
    }

    it.each([
      { term: 'QOF cohort', phrase: 'On at least one QOF disease register' },
      { term: 'QOF cohort', phrase: 'STIA stroke and TIA' },
      { term: 'Aged 16 or over (16+)', phrase: 'Age in completed years on the extract date is 16 or more' },
      { term: 'Accessible Information Standard (AIS) need', phrase: 'No, N, None, False, 0, No need or Not recorded' },
      { term: 'Would default to SMS', phrase: 'SMS consent not withdrawn' },
      { term: 'Missing and stale practices', phrase: 'numbers are never carried forward' },
    ])('defines the cohort "$term" in plain English', ({ term, phrase }) => {
      expect(definition('Who is counted (cohorts)', term)).toContain(phrase);
    });

    it.each([
      { section: 'How the figures are worked out', term: 'Decile', phrase: 'rounded up' },
      { section: 'How the figures are worked out', term: 'Change vs last month', phrase: 'unrounded' },
      { section: 'Data sources', term: 'Practice exports', phrase: 'SystmOne or EMIS Web' },
      { section: 'Data sources', term: 'Practice directory', phrase: 'ODS code, name, PCN' },
    ])('explains "$term" under "$section"', ({ section, term, phrase }) => {
      expect(definition(section, term)).toContain(phrase);
    });

    it("prints this report's SMS cost assumptions as numbers, with where to change them", () => {
      const ws = sheet('Definitions');
      const assumption = (label: string) => ws.getRow(Number(findCell(ws, label).row));
      expect(assumption('QOF invitations per patient per year').getCell(2).value).toBe(2);
      expect(assumption('SMS fragments per invitation').getCell(2).value).toBe(1);
      const cost = assumption('Cost per fragment (£)').getCell(2);
      expect(cost.value).toBe(0.024);
      expect(cost.numFmt).toBe('"£"0.000##');
      expect(String(assumption('Cost per fragment (£)').getCell(3).value)).toContain(
        "NHS Notify's list price per SMS fragment from 1 April 2026",
      );
      const vat = assumption('VAT on SMS').getCell(2);
      expect([vat.value, vat.numFmt]).toEqual([0.2, '0%']);
      expect(String(assumption('VAT on SMS').getCell(3).value)).toContain('no free SMS allowance since April 2024');
      expect(String(assumption('QOF invitations per patient per year').getCell(3).value)).toContain(
        '2 is an upper bound: QOF sends the first invitation by the recorded preference, and the second (by any ' +
          'method) only to those who did not respond',
      );
      const heading = findCell(ws, 'SMS cost assumptions used in this report');
      expect(ws.getCell(Number(heading.row) + 1, 1).value).toBe(
        'Estimated annual SMS cost = QOF patients who would default to SMS × 2 invitation(s) per year × ' +
          '1 fragment(s) per invitation × £0.024 per fragment × (1 + 20% VAT). An estimate for planning, not a ' +
          'bill, and an upper bound: the second QOF invitation goes only to patients who did not respond to the first.',
      );
    });

    it('points to sms-check for the fragments per invitation, and says what doubles the cost', () => {
      const ws = sheet('Definitions');
      findCell(ws, 'Checking your SMS templates');
      const why = String(ws.getCell(findCell(ws, 'Why it matters').row, 2).value);
      expect(why).toContain('over 160 GSM characters, or 70 in UCS-2, doubles the cost');
      const how = String(ws.getCell(findCell(ws, 'How to check a template').row, 2).value);
      expect(how).toContain('pcm-report sms-check');
      expect(how).toContain('docs/sms-check.md');
    });

    it('does not mention suppression in a copy that is not suppressed', () => {
      expect(allCells(workbook).some(({ cell }) => cell.value === 'Small-number suppression')).toBe(false);
    });
  });
});

describe('renderIcbWorkbook for a shareable copy with small numbers suppressed', () => {
  let suppressed: ExcelJS.Workbook;

  beforeAll(async () => {
    suppressed = await loadWorkbook(await renderIcbWorkbook(periodReportFixture({ suppressSmallNumbers: true })));
  });

  it('shows counts from 1 to 7 as * and blanks the percentages that depend on them', () => {
    const ws = suppressed.getWorksheet('Practices');
    // Little Lane (row 4): 40 registered, 2 with no preference.
    expect(ws?.getCell('B4').value).toBe('D83004');
    expect(ws?.getCell('G4').value).toBe(40);
    expect(ws?.getCell('H4').value).toBe('*');
    expect(ws?.getCell('I4').value).toBeNull();
    expect(ws?.getCell('AK4').value).toBe(1);
    // Riverside: 247 of 2000 (12.35%) is published as 245 of 2000, and the percentage follows it: 12.25 → 12.3.
    expect(ws?.getCell('H3').value).toBe(245);
    expect(ws?.getCell('I3').value).toBe(12.3);
    expect(ws?.getCell('AD3').value).toBe('*');
  });

  it('blanks register percentages built on small counts', () => {
    const ws = suppressed.getWorksheet('Registers');
    expect(ws?.getCell('A8').value).toBe('D83004');
    expect(ws?.getCell('C8').value).toBeNull();
    // D83002's first register: 18 of 140 is published as 20 of 140, so 14.3% (not the exact 12.9%).
    expect(ws?.getCell('C6').value).toBe(14.3);
  });

  it('explains the suppression on the Definitions sheet', () => {
    const ws = suppressed.getWorksheet('Definitions');
    expect(ws).toBeDefined();
    let note: unknown;
    ws?.eachRow((row) => {
      if (row.getCell(1).value === 'Small-number suppression') note = row.getCell(2).value;
    });
    expect(String(note)).toContain('counts from 1 to 7 are shown as *');
    expect(String(note)).toContain('The tidy CSV and the history CSV written with this workbook are suppressed');
  });
});

describe('renderIcbWorkbook with many practices missing', () => {
  it('names the first five on the Summary and counts the rest', async () => {
    const report = periodReportFixture();
    const missing = ['D83011', 'D83012', 'D83013', 'D83014', 'D83015', 'D83016', 'D83017'].map((practiceCode) => ({
      practiceCode,
    }));
    const wb = await loadWorkbook(
      await renderIcbWorkbook({ ...report, completeness: { ...report.completeness, missing } }),
    );
    expect(String(wb.getWorksheet('Summary')?.getCell('C11').value)).toMatch(
      /^No export ever: 7 \(D83011; D83012; D83013; D83014; D83015; and 2 more\); no export this month: 1 \(/,
    );
  });
});

describe('renderIcbWorkbook with a practice that is not in the practice directory', () => {
  it('says so where its name would be on Trend, Methods and Registers', async () => {
    const report = periodReportFixture();
    const unnamed = { ...report.practices[0], practice_name: undefined } as (typeof report.practices)[number];
    const wb = await loadWorkbook(
      await renderIcbWorkbook({
        ...report,
        practices: [unnamed, ...report.practices.slice(1)],
        trend: {
          ...report.trend,
          practices: report.trend.practices.map((p) =>
            p.practiceCode === 'D83001' ? { ...p, practiceName: undefined } : p,
          ),
        },
      }),
    );
    for (const name of ['Trend', 'Methods', 'Registers']) {
      const ws = wb.getWorksheet(name) as ExcelJS.Worksheet;
      const cell = ws.getCell(Number(findCell(ws, 'D83001').row), 2);
      expect(cell.value).toBe('Not in the practice directory');
      expect(cell.font?.italic).toBe(true);
    }
  });
});

describe('renderIcbWorkbook for a month with no reporting practice', () => {
  it('still renders every sheet', async () => {
    const report = periodReportFixture({
      practices: [],
      registers: [],
      trend: { periods: ['2026-10'], icb: [undefined], practices: [] },
      medianNoPreferencePct: undefined,
      completeness: { reporting: 0, expected: 0, missing: [], stale: [], notInDirectory: [] },
      pcns: [],
    });
    const empty = await loadWorkbook(await renderIcbWorkbook(report));
    expect(empty.worksheets).toHaveLength(8);
    expect(empty.getWorksheet('PCNs')?.getCell('A3').value).toBe('ICB total');
    expect(empty.getWorksheet('Summary')?.getImages()).toHaveLength(2);
    expect(empty.getWorksheet('Summary')?.getCell('A17').value).toBe('No practice sent an export this month.');
    expect(empty.getWorksheet('Summary')?.getCell('B13').value).toBe('n/a');
  });
});
