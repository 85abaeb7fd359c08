import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPeriodReport } from '../../lambdas/pipeline/build-period-report';
import { ingestExport } from '../../lambdas/pipeline/ingest-export';
import {
  EXPORTS_BUCKET,
  type PipelineHarness,
  REPORTS_BUCKET,
  startPipelineHarness,
} from '../support/pipeline-harness';
import { type ExportPatient, practiceExport } from '../support/practice-export';
import { syntheticNhsNumbers } from '../support/synthetic-nhs-number';
import { sheetTable } from './helpers';

const N = syntheticNhsNumbers(20);
const nhs = (i: number) => N[i] as string;
/** `999 000 0019`-style: ten digits whose check digit is wrong (the valid one is N[1]'s). */
const BAD_NHS = `${nhs(1).slice(0, 9)}${(Number(nhs(1).slice(9)) + 1) % 10}`;

const patient = (
  nhsNumber: string,
  surname: string,
  preference: string,
  dateOfBirth = '01/01/1980',
): ExportPatient => ({
  nhsNumber,
  surname,
  forename: 'Amy',
  dateOfBirth,
  preference,
  mobile: '07700 900123',
});

async function workbookAt(h: PipelineHarness, key: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  const object = await h.objects.get(REPORTS_BUCKET, key);
  const chunks: Uint8Array[] = [];
  for await (const chunk of object.body) chunks.push(chunk);
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return workbook;
}

let h: PipelineHarness;
beforeAll(async () => {
  h = await startPipelineHarness();
});
afterAll(() => h?.close());

describe('the gap list’s Fix records, through ingest and the monthly report', () => {
  it('lists exactly the practice’s unrecognised and rejected rows, and none of another practice’s', async () => {
    await h.land(
      'exports/G81001_2026-10-31.csv',
      practiceExport('G81001', [
        patient(nhs(0), 'Ashby', 'Pigeon post', '07/03/1948'),
        patient(BAD_NHS, 'Baker', 'SMS', '15/06/1990'),
        patient(nhs(2), 'Clark', 'SMS'),
        patient(nhs(3), 'Dunn', '=2+3'),
        patient(nhs(4), 'Evans', ''),
      ]),
    );
    await h.land(
      'exports/G81002_2026-10-31.csv',
      practiceExport('G81002', [
        patient(nhs(10), 'Other', 'Semaphore'),
        patient('12345', 'Rowlands', 'SMS'),
        patient(nhs(11), 'Fine', 'Letter'),
      ]),
    );
    for (const key of ['exports/G81001_2026-10-31.csv', 'exports/G81002_2026-10-31.csv']) {
      expect((await ingestExport(h.ingestDeps(), EXPORTS_BUCKET, key)).status).toBe('ingested');
    }
    // The first list was rendered at ingest with one practice reporting; the report re-renders it from the staged rows.
    const result = await buildPeriodReport(h.reportDeps(), '2026-10');
    expect(result.gapListsRendered).toBe(1);

    const workbook = await workbookAt(h, 'gap-lists/2026-10/gap-list-G81001-2026-10.xlsx');
    expect(workbook.worksheets.map((ws) => ws.name).slice(-2)).toEqual(['Fix contact details', 'Fix records']);
    const rows = sheetTable(workbook.getWorksheet('Fix records') as ExcelJS.Worksheet, 'Problem').map((row) => [
      row.Problem,
      row['NHS number'],
      row.Surname,
      row['Date of birth'] instanceof Date ? row['Date of birth'].toISOString().slice(0, 10) : row['Date of birth'],
      row['Preference as written'],
    ]);
    const spaced = (n: string) => `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;
    expect(rows).toEqual([
      ['Preference not recognised', spaced(nhs(0)), 'Ashby', '1948-03-07', 'Pigeon post'],
      ['Preference not recognised', spaced(nhs(3)), 'Dunn', '1980-01-01', '=2+3'],
      ['NHS number missing or not valid', BAD_NHS, 'Baker', '1990-06-15', ''],
    ]);

    // The ICB workbook and the tidy CSV never hold the rows' names.
    const icb = await workbookAt(h, result.reportKey);
    const icbText: string[] = [];
    icb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => icbText.push(String(cell.value)))));
    for (const name of ['Ashby', 'Baker', 'Dunn', 'Rowlands', BAD_NHS]) {
      expect(icbText.join('\n')).not.toContain(name);
      expect(await h.read(REPORTS_BUCKET, result.csvKey)).not.toContain(name);
    }
  });
});

describe('the "new this month" marker across two months', () => {
  /** The No preference sheet's rows as [surname, New this month]. */
  const marks = (workbook: ExcelJS.Workbook) =>
    sheetTable(workbook.getWorksheet('No preference') as ExcelJS.Worksheet, 'Priority')
      .filter((row) => row['NHS number'] !== null)
      .map((row) => [row.Surname, row['New this month']]);
  const newOnSummary = (workbook: ExcelJS.Workbook) => {
    let found: unknown[] | undefined;
    workbook.getWorksheet('Summary')?.eachRow((row) => {
      if (row.getCell(1).value === 'New on the list this month') found = [row.getCell(2).value, row.getCell(3).value];
    });
    return found;
  };

  it('marks exactly the patients not on last month’s list; a first month marks nobody and says why', async () => {
    // September: Adams, Brown and Cole have no preference. October: Brown and Cole still have none, Adams has
    // recorded one, and Drew and Ellis (who had SMS in September, or were not registered) are new to the list.
    await h.land(
      'exports/H81001_2026-09-30.csv',
      practiceExport('H81001', [
        patient(nhs(12), 'Adams', ''),
        patient(nhs(13), 'Brown', ''),
        patient(nhs(14), 'Cole', ''),
        patient(nhs(15), 'Drew', 'SMS'),
      ]),
    );
    await h.land(
      'exports/H81001_2026-10-30.csv',
      practiceExport('H81001', [
        patient(nhs(12), 'Adams', 'Letter'),
        patient(nhs(13), 'Brown', ''),
        patient(nhs(14), 'Cole', ''),
        patient(nhs(15), 'Drew', ''),
        patient(nhs(16), 'Ellis', ''),
      ]),
    );
    for (const key of ['exports/H81001_2026-09-30.csv', 'exports/H81001_2026-10-30.csv']) {
      expect((await ingestExport(h.ingestDeps(), EXPORTS_BUCKET, key)).status).toBe('ingested');
    }
    await buildPeriodReport(h.reportDeps(), '2026-09');
    await buildPeriodReport(h.reportDeps(), '2026-10');

    const september = await workbookAt(h, 'gap-lists/2026-09/gap-list-H81001-2026-09.xlsx');
    expect(marks(september)).toEqual([
      ['Adams', null],
      ['Brown', null],
      ['Cole', null],
    ]);
    expect(newOnSummary(september)).toEqual([
      'None marked',
      'First month: nothing to compare. There is no list for August 2026, so no patient is marked "New".',
    ]);

    const october = await workbookAt(h, 'gap-lists/2026-10/gap-list-H81001-2026-10.xlsx');
    expect(marks(october)).toEqual([
      ['Brown', null],
      ['Cole', null],
      ['Drew', 'New'],
      ['Ellis', 'New'],
    ]);
    expect(newOnSummary(october)).toEqual([
      2,
      'Marked "New" on the No preference sheet: not on the list for September 2026.',
    ]);
  });
});
