import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GapListPatient } from '../../../lambdas/core/report/gap-list';
import { renderGapListWorkbook } from '../../../lambdas/render/gap-list-workbook';
import { pngPixels } from './charts/png-image';
import { allCells, columnValues, gapListFixture, loadWorkbook, requireSheet } from './fixtures';
import { placedImages } from './placed-images';
import { xlsxParts } from './xlsx-parts';

const { ValueType } = ExcelJS;
const MARKING = 'OFFICIAL-SENSITIVE: contains patient data';

let workbook: ExcelJS.Workbook;
let bytes: Buffer;

beforeAll(async () => {
  bytes = await renderGapListWorkbook(gapListFixture());
  workbook = await loadWorkbook(bytes);
});

const sheet = requireSheet;

/** The value in column B of the row whose column A reads `label` (Summary KPI tables). */
function kpi(ws: ExcelJS.Worksheet, label: string): ExcelJS.Cell {
  let found: ExcelJS.Cell | undefined;
  ws.eachRow((row) => {
    if (found === undefined && row.getCell(1).value === label) found = row.getCell(2);
  });
  if (found === undefined) throw new Error(`no row labelled "${label}"`);
  return found;
}

function allText(wb: ExcelJS.Workbook, name: string): string {
  const texts: string[] = [];
  sheet(wb, name).eachRow((row) => {
    row.eachCell((cell) => {
      if (typeof cell.value === 'string') texts.push(cell.value);
    });
  });
  return texts.join('\n');
}

describe('renderGapListWorkbook', () => {
  it('has the four sheets of SPEC §4.2 in order', () => {
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      'Summary',
      'No preference',
      'Fix contact details',
      'Fix records',
    ]);
  });

  it('names pcm-reporter as the creator and titles the workbook with the practice and month', () => {
    expect(workbook.creator).toBe('pcm-reporter');
    expect(workbook.title).toBe('Gap list D83001 October 2026');
  });

  it.each(['Summary', 'No preference', 'Fix contact details', 'Fix records'])(
    'marks the %s sheet OFFICIAL-SENSITIVE at the top and on every printed page',
    (name) => {
      const ws = sheet(workbook, name);
      expect(String(ws.getCell('A1').value)).toMatch(/^OFFICIAL-SENSITIVE: contains patient data\./);
      expect(ws.headerFooter.oddHeader).toContain(MARKING);
      expect(ws.headerFooter.oddFooter).toContain(MARKING);
    },
  );

  it('holds no formula in any cell, and names that look like formulas stay text', () => {
    const cells = allCells(workbook);
    expect(cells.filter(({ cell }) => cell.type === ValueType.Formula || cell.formula !== undefined)).toEqual([]);
    const ws = sheet(workbook, 'No preference');
    expect(ws.getCell('C5').value).toBe('=SUM(A1)');
    expect(ws.getCell('C5').type).toBe(ValueType.String);
    expect(ws.getCell('D5').value).toBe('@Robin');
    expect(ws.getCell('D5').type).toBe(ValueType.String);
  });

  describe('No preference', () => {
    it('has the agreed column headers', () => {
      expect(sheet(workbook, 'No preference').getRow(3).values).toEqual([
        undefined,
        'Priority',
        'NHS number',
        'Surname',
        'Forename',
        'Date of birth',
        'Age',
        'QOF registers',
        'AIS need',
        'Has mobile',
        'Has email',
        'Would default to SMS',
        'New this month',
        'AIS: requires contact by',
      ]);
    });

    it('keeps the tier order of the model', () => {
      const ws = sheet(workbook, 'No preference');
      expect(columnValues(ws, 'A', 4, 10)).toEqual([1, 2, 2, 3, 4, 5, null]);
      expect(columnValues(ws, 'C', 4, 9)).toEqual(['Ashby', '=SUM(A1)', 'Zoë', 'Baker', 'Clark', 'Dunn']);
    });

    it('shows NHS numbers in the 3-3-4 form clinicians read', () => {
      expect(columnValues(sheet(workbook, 'No preference'), 'B', 4, 6)).toEqual([
        '999 000 0018',
        '999 000 0026',
        '999 000 0034',
      ]);
    });

    it('writes the date of birth as a real date shown dd/mm/yyyy, blank when unknown', () => {
      const ws = sheet(workbook, 'No preference');
      const dob = ws.getCell('E4');
      expect(dob.type).toBe(ValueType.Date);
      expect((dob.value as Date).getTime()).toBe(Date.UTC(1948, 2, 7));
      expect(dob.numFmt).toBe('dd/mm/yyyy');
      expect(ws.getCell('E6').value).toBeNull();
    });

    it('writes age, registers and the yes/no columns as text a practice can filter', () => {
      const ws = sheet(workbook, 'No preference');
      expect(ws.getRow(4).values).toEqual([
        undefined,
        1,
        '999 000 0018',
        'Ashby',
        'Ruth',
        new Date(Date.UTC(1948, 2, 7)),
        78,
        'DM, HYP',
        'Yes',
        'Yes',
        'No',
        'Yes',
        undefined,
        'Letter',
      ]);
      expect(columnValues(ws, 'H', 5, 9)).toEqual(['No', 'No', 'Yes', 'No', 'No']);
      // Baker has an AIS need that names no contact method: nothing to record.
      expect(columnValues(ws, 'M', 5, 9).every((v) => v === null || v === '')).toBe(true);
      expect(columnValues(ws, 'J', 5, 5)).toEqual(['Yes']);
    });

    it('freezes the header, filters it, and prints landscape one page wide with the header repeated', () => {
      const ws = sheet(workbook, 'No preference');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
      expect(ws.autoFilter).toBe('A3:M9');
      expect(ws.pageSetup).toMatchObject({
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '3:3',
      });
      expect(ws.getColumn(3).width).toBeGreaterThanOrEqual(20);
    });
  });

  describe('Fix contact details', () => {
    it('groups the three problem lists, each patient with what to fix', () => {
      const ws = sheet(workbook, 'Fix contact details');
      expect(ws.getRow(3).values).toEqual([
        undefined,
        'Problem',
        'NHS number',
        'Surname',
        'Forename',
        'Date of birth',
        'What to fix',
      ]);
      expect(columnValues(ws, 'A', 4, 7)).toEqual([
        'Prefers SMS, no valid mobile number',
        'Prefers SMS, no valid mobile number',
        'Prefers email, no valid email address',
        'Prefers SMS, but SMS consent is withdrawn',
      ]);
      expect(columnValues(ws, 'B', 4, 7)).toEqual(['999 000 0085', '999 000 0107', '999 000 0077', '999 000 0093']);
      expect(String(ws.getCell('F4').value)).toMatch(/^Record the patient's current mobile number/);
      expect(String(ws.getCell('F7').value)).toMatch(/^The record contradicts itself/);
      expect((ws.getCell('E4').value as Date).getTime()).toBe(Date.UTC(1980, 1, 3));
      expect(ws.getCell('E4').numFmt).toBe('dd/mm/yyyy');
      expect(ws.getCell('E7').value).toBeNull();
    });

    it('freezes and filters the header row', () => {
      const ws = sheet(workbook, 'Fix contact details');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
      expect(ws.autoFilter).toBe('A3:F7');
      expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '3:3' });
    });
  });

  describe('Summary', () => {
    it.each([
      { label: 'Registered patients', value: 2000, numFmt: '#,##0' },
      { label: 'Patients with no recorded preference', value: 247, numFmt: '#,##0' },
      { label: '% with no recorded preference', value: 12.4, numFmt: '0.0"%"' },
      { label: 'On a QOF register, no preference', value: 70, numFmt: '#,##0' },
      { label: 'Would default to SMS', value: 150, numFmt: '#,##0' },
      { label: 'Estimated annual SMS cost (£)', value: 2, numFmt: '"£"#,##0.00' },
      { label: 'Contact details to fix', value: 4, numFmt: '#,##0' },
      { label: 'ICB median % with no recorded preference', value: 12.4, numFmt: '0.0"%"' },
      { label: 'Your decile', value: 5, numFmt: '0' },
      { label: 'Change since last month (percentage points)', value: 0.1, numFmt: '+0.0;-0.0;0.0' },
    ])('shows "$label" as $value', ({ label, value, numFmt }) => {
      const cell = kpi(sheet(workbook, 'Summary'), label);
      expect(cell.value).toBe(value);
      expect(cell.numFmt).toBe(numFmt);
    });

    it('names the practice, the month and the extract', () => {
      const ws = sheet(workbook, 'Summary');
      expect(ws.getCell('A2').value).toBe('Communication preference gap list: Riverside Surgery (D83001)');
      expect(String(ws.getCell('A3').value)).toMatch(/^October 2026: from the SystmOne export of 15\/10\/2026\./);
    });

    it('explains how to record a preference in SystmOne and EMIS Web, saying that wording may differ', () => {
      const text = allText(workbook, 'Summary');
      expect(text).toContain('SystmOne');
      expect(text).toContain('EMIS Web');
      expect(text).toContain('Communication preferences');
      expect(text).toContain('Preferred method of contact');
      expect(text).toContain('Registration');
      expect(text).toContain('may differ by version');
    });

    it('shows the decile strip below the ICB comparison, in a row as tall as the strip', () => {
      const ws = sheet(workbook, 'Summary');
      const change = kpi(ws, 'Change since last month (percentage points)');
      // The row under the last comparison row ("Change since last month") holds it: 136 px = 102 pt, plus 6.
      expect(placedImages(workbook, ws)).toEqual([
        { col: 0, row: Number(change.row) + 1, width: 640, height: 136, extension: 'png' },
      ]);
      expect(ws.getRow(Number(change.row) + 2).height).toBe(108);
      // The embedded PNG is drawn at twice the display size.
      const media = workbook.getImage(Number(ws.getImages()[0]?.imageId));
      const png = pngPixels(media.buffer as unknown as Buffer);
      expect([png.width, png.height]).toEqual([1280, 272]);
    });

    it('describes the strip in words for screen readers', async () => {
      const drawing = (await xlsxParts(bytes)).get('xl/drawings/drawing1.xml') ?? '';
      expect(drawing).toContain('descr="Ten boxes, deciles 1 to 10. D83001 is in decile 5 of 10');
    });

    it('wraps a funnel flag in words inside its column instead of clipping it', () => {
      const cell = kpi(sheet(workbook, 'Summary'), 'Compared with the ICB average, allowing for practice size');
      expect(cell.value).toBe('High warning');
      expect(cell.alignment).toMatchObject({ wrapText: true, horizontal: 'right' });
    });

    it('says how to import the NHS-number file beside it as a patient group', () => {
      const text = allText(workbook, 'Summary');
      expect(text).toContain('Import as a patient group');
      expect(text).toContain('gap-list-D83001-2026-10-nhs-numbers.csv, downloaded with this workbook');
      expect(text).toContain('In Clinical Reporting, import the file as a patient list');
      expect(text).toContain('In Population Reporting, import the NHS numbers as a patient list');
    });

    it('explains the five priorities', () => {
      const text = allText(workbook, 'Summary');
      expect(text).toContain('Priority 1');
      expect(text).toContain('On a QOF register and has an Accessible Information Standard (AIS) need');
      expect(text).toContain('Everyone else (including unknown age)');
    });
  });
});

describe('renderGapListWorkbook when fewer than 10 practices report', () => {
  it('says why there is no decile instead of naming one, and draws no strip', async () => {
    const wb = await loadWorkbook(
      await renderGapListWorkbook(
        gapListFixture({
          metrics: { ...gapListFixture().metrics, decile: undefined },
          icbPosition: { icbName: 'NHS Example ICB', medianNoPreferencePct: 12.35, reportingPractices: 3 },
        }),
      ),
    );
    const ws = sheet(wb, 'Summary');
    const decile = kpi(ws, 'Your decile');
    expect(decile.value).toBe('Not shown');
    expect(ws.getRow(Number(decile.row)).getCell(3).value).toBe(
      'Deciles are shown when at least 10 practices report; 3 reported this month.',
    );
    expect(ws.getImages()).toEqual([]);
  });
});

describe('renderGapListWorkbook before the monthly report', () => {
  it('says the ICB comparison comes later, and lists the practice system first', async () => {
    const wb = await loadWorkbook(
      await renderGapListWorkbook(gapListFixture({ icbPosition: undefined, clinicalSystem: 'EMIS Web' })),
    );
    const text = allText(wb, 'Summary');
    expect(text).toContain('is added when the monthly ICB report is built');
    expect(text).not.toContain('ICB median');
    expect(sheet(wb, 'Summary').getImages()).toEqual([]);
    expect(text.indexOf('EMIS Web\n1.')).toBeGreaterThan(-1);
    expect(text.indexOf('EMIS Web\n1.')).toBeLessThan(text.indexOf('SystmOne\n1.'));
  });
});

describe('renderGapListWorkbook for a practice with nothing to fix', () => {
  it('says so on both patient sheets', async () => {
    const wb = await loadWorkbook(
      await renderGapListWorkbook(gapListFixture({ noPreference: [], fixContactDetails: [] })),
    );
    expect(sheet(wb, 'No preference').getCell('A4').value).toBe(
      'Every patient has a recorded preference: nothing to do this month.',
    );
    expect(sheet(wb, 'Fix contact details').getCell('A4').value).toBe(
      'No patients: every recorded preference has the contact details it needs.',
    );
  });
});

describe('renderGapListWorkbook for a large practice', () => {
  it('streams 10,000 patients and reads them all back', async () => {
    const patients: GapListPatient[] = Array.from({ length: 10_000 }, (_, i) => ({
      nhsNumber: '9990000115',
      surname: `Surname${i}`,
      forename: 'Alex',
      dateOfBirth: '1970-01-01',
      age: 56,
      qofRegisters: ['HYP'],
      aisNeed: false,
      hasMobile: true,
      hasEmail: false,
      wouldDefaultToSms: true,
      tier: 2,
    }));
    const started = performance.now();
    const buffer = await renderGapListWorkbook(gapListFixture({ noPreference: patients }));
    expect(performance.now() - started).toBeLessThan(10_000);
    const ws = sheet(await loadWorkbook(buffer), 'No preference');
    expect(ws.getCell('C10003').value).toBe('Surname9999');
    expect(ws.autoFilter).toBe('A3:M10003');
  });
});
