import ExcelJS from 'exceljs';
import type { PeriodReport } from '../core/report/period-report';
import { formatPeriod } from './format-period';
import { addDataQualitySheet } from './icb/data-quality-sheet';
import { addDefinitionsSheet } from './icb/definitions-sheet';
import { addMethodsSheet } from './icb/methods-sheet';
import { addPcnsSheet } from './icb/pcns-sheet';
import { addPracticesSheet } from './icb/practices-sheet';
import { addRegistersSheet } from './icb/registers-sheet';
import { addSummarySheet } from './icb/summary-sheet';
import { addTrendSheet } from './icb/trend-sheet';

/**
 * The ICB monthly workbook `icb-report-YYYY-MM.xlsx` (SPEC §4.1): Summary, Practices, PCNs, Trend, Methods,
 * Registers, Data quality, Definitions. Aggregates only, no patient-level data; every cell is a
 * value, never a formula.
 *
 * Built with the in-memory `Workbook`, not the streaming writer: it has one row per practice (a few
 * hundred at most), and the Summary needs merged blocks and conditional formats written out of
 * row order, which the streaming writer handles less well. The gap list, which can have ~10,000
 * patient rows, streams instead.
 */
export async function renderIcbWorkbook(report: PeriodReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'pcm-reporter';
  workbook.title = `Patient communication preferences: ${report.icbName}, ${formatPeriod(report.period)}`;
  workbook.subject = `ICB monthly report ${report.period}`;
  const generated = new Date(report.generatedAt);
  if (!Number.isNaN(generated.getTime())) {
    workbook.created = generated;
    workbook.modified = generated;
  }
  addSummarySheet(workbook, report);
  addPracticesSheet(workbook, report);
  addPcnsSheet(workbook, report);
  addTrendSheet(workbook, report);
  addMethodsSheet(workbook, report);
  addRegistersSheet(workbook, report);
  addDataQualitySheet(workbook, report);
  addDefinitionsSheet(workbook, report);
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes);
}
