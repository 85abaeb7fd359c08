import type { Workbook, Worksheet } from 'exceljs';
import type { PeriodReport } from '../../core/report/period-report';
import { excelDate } from '../excel-date';
import { formatPeriod } from '../format-period';
import type { CellData } from '../metric-cell';
import { NUM_FMT } from '../number-formats';
import { type SectionTable, writeSectionTable } from '../section-table';
import { COLOURS, font, landscapeTablePages, paragraph } from '../sheet-style';
import { unrecognisedValueAdvice, unrecognisedValuesIntro } from './value-mapping-advice';

const WIDTHS = [30, 32, 24, 14, 14, 16, 40] as const;
const LAST_COLUMN = WIDTHS.length;

/** Row rejection reasons in words, with what to do; an unknown reason is shown as written. */
const REJECTION_REASONS: Readonly<Record<string, string>> = {
  invalid_nhs_number:
    'NHS number is not 10 digits with a valid check digit. Correct it in the clinical system; the row is not counted.',
};

const timestamp = new Intl.DateTimeFormat('en-GB', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

/**
 * The Data quality sheet: everything an analyst should check before comparing practices — which
 * practices did not report, rows that were rejected or duplicated, values that were not understood,
 * and files that were ingested with notes or quarantined.
 */
export function addDataQualitySheet(workbook: Workbook, report: PeriodReport): Worksheet {
  const ws = workbook.addWorksheet('Data quality', {
    views: [{ showGridLines: false }],
    pageSetup: landscapeTablePages(),
    headerFooter: { oddFooter: `&LData quality, ${report.period}&RPage &P of &N` },
  });
  WIDTHS.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  const names = practiceNames(report);
  const name = (code: string): string => names.get(code) ?? 'Not in the practice directory';
  const dq = report.dataQuality;
  const { completeness } = report;

  const title = ws.getCell(1, 1);
  title.value = `Data quality: ${formatPeriod(report.period)}`;
  title.font = font({ bold: true, size: 16, color: { argb: COLOURS.title } });
  ws.mergeCells(1, 1, 1, LAST_COLUMN);
  ws.getRow(1).height = 24;
  const rejected = dq.rejectedRows.reduce((sum, r) => sum + r.count, 0);
  paragraph(
    ws,
    2,
    `Check this sheet before comparing practices. ${completeness.reporting} of ${completeness.expected} ` +
      `practices sent an export for ${formatPeriod(report.period)}${notInDirectoryNote(completeness.notInDirectory.length)}. Rows rejected: ${rejected}; ` +
      `quarantined files: ${dq.quarantinedFiles.length}. Each table says what the problem means and how to fix it.`,
    1,
    LAST_COLUMN,
  );

  const tables: SectionTable[] = [
    {
      heading: 'Practices without an export this month',
      intro:
        'These practices have blank rows on the Practices sheet and are not in the ICB figures: numbers are never carried forward from an earlier month.',
      headers: ['Practice code', 'Practice name', 'Status', 'Last export', 'What to do'],
      rows: [
        ...completeness.missing.map((p): CellData[] => [
          p.practiceCode,
          p.practiceName ?? name(p.practiceCode),
          'Missing: no export ever received',
          null,
          'Ask the practice to schedule the monthly export in SystmOne or EMIS Web.',
        ]),
        ...completeness.stale.map((p): CellData[] => [
          p.practiceCode,
          p.practiceName ?? name(p.practiceCode),
          'Stale: no export this month',
          excelDate(p.lastExtractDate) ?? null,
          'Ask the practice to check that its scheduled export ran and was uploaded this month.',
        ]),
      ],
      numFmts: [undefined, undefined, undefined, NUM_FMT.date],
      emptyText: 'None: every practice in the directory sent an export this month.',
    },
    {
      heading: 'Practices not in the practice directory',
      intro: 'They sent an export and are included in every figure, but have no name, PCN or email address.',
      headers: ['Practice code', 'Name', 'What to do'],
      rows: completeness.notInDirectory.map((p): CellData[] => [
        p.practiceCode,
        p.practiceName ?? 'Not known',
        'Add the practice to the directory (practices import) so that it gets a name, PCN and gap-list email.',
      ]),
      emptyText: 'None.',
    },
    {
      heading: 'Rejected rows by reason',
      intro: 'Rows that could not be used. They are counted in "Rows read" but in no other figure.',
      headers: ['Practice code', 'Practice name', 'Reason', 'Rows', 'What it means'],
      rows: dq.rejectedRows.map((r): CellData[] => [
        r.practiceCode,
        name(r.practiceCode),
        r.reason,
        r.count,
        REJECTION_REASONS[r.reason] ?? 'See the README, "Error codes".',
      ]),
      numFmts: [undefined, undefined, undefined, NUM_FMT.count],
      emptyText: 'None: every row was usable.',
    },
    {
      heading: 'Duplicate NHS numbers',
      intro: 'Later rows repeating an NHS number in the same export: only the first row is counted.',
      headers: ['Practice code', 'Practice name', 'Duplicate rows', 'What to do'],
      rows: dq.duplicates.map((d): CellData[] => [
        d.practiceCode,
        name(d.practiceCode),
        d.count,
        'Check the report definition in the clinical system: it may join a table that repeats patients.',
      ]),
      numFmts: [undefined, undefined, NUM_FMT.count],
      emptyText: 'None.',
    },
    {
      heading: 'Date of birth missing or invalid',
      intro: 'These patients are in the all-ages figures but left out of the 16+ figures.',
      headers: ['Practice code', 'Practice name', 'Patients', 'What to do'],
      rows: dq.dobMissing.map((d): CellData[] => [
        d.practiceCode,
        name(d.practiceCode),
        d.count,
        'Check that the export includes the date of birth column in a UK date format (DD/MM/YYYY or YYYY-MM-DD).',
      ]),
      numFmts: [undefined, undefined, NUM_FMT.count],
      emptyText: 'None.',
    },
    {
      heading: 'Unrecognised preference values',
      intro: unrecognisedValuesIntro(dq.unrecognisedValues.map((u) => u.value)),
      headers: ['Value as written', 'Practices', 'Patients', 'What to do'],
      rows: dq.unrecognisedValues.map((u): CellData[] => [
        u.value,
        u.practiceCodes.join(', '),
        u.count,
        unrecognisedValueAdvice(u.value),
      ]),
      numFmts: [undefined, undefined, NUM_FMT.count],
      emptyText: 'None.',
    },
    {
      heading: 'Unknown register codes',
      intro: 'Register codes that are not QOF register codes: kept as written.',
      headers: ['Code as written', 'Practices', 'Patients', 'What to do'],
      rows: dq.unknownRegisterCodes.map((u): CellData[] => [
        u.code,
        u.practiceCodes.join(', '),
        u.count,
        'Check the register list in the practice report; use QOF register codes such as DM, HYP or AST.',
      ]),
      numFmts: [undefined, undefined, NUM_FMT.count],
      emptyText: 'None.',
    },
    {
      heading: 'Files ingested this month',
      intro: 'Each export read for this month, with anything that was skipped or looked odd.',
      headers: [
        'File',
        'Practices',
        'Rows without a valid practice code',
        'Lines skipped above the header',
        'Summary lines at the end',
        'Columns ignored',
        'Notes',
      ],
      rows: dq.ingestedFiles.map((f): CellData[] => [
        f.file,
        f.practiceCodes.join(', '),
        f.unattributedRows,
        f.preambleLines,
        f.trailingSummaryLines,
        f.ignoredHeaders.join(', '),
        f.notes.join('\n'),
      ]),
      numFmts: [undefined, undefined, NUM_FMT.count, NUM_FMT.count, NUM_FMT.count],
      emptyText: 'No files were ingested for this month.',
    },
    {
      heading: 'Quarantined files',
      intro:
        'Files that could not be read at all. They are kept, unchanged, and counted nowhere until fixed and sent again.',
      headers: ['File', 'Reason', 'Quarantined at', 'How to fix'],
      rows: dq.quarantinedFiles.map((q): CellData[] => [q.file, q.reason, formatTimestamp(q.quarantinedAt), q.hint]),
      emptyText: 'None.',
    },
  ];
  let r = 4;
  for (const table of tables) r = writeSectionTable(ws, r, table, LAST_COLUMN);
  return ws;
}

/** E.g. ` (1 of them not in the practice directory)`; empty when every practice is in the directory. */
function notInDirectoryNote(count: number): string {
  return count === 0 ? '' : ` (${count} of them not in the practice directory)`;
}

/** Practice code → name, from the directory rows and completeness entries of the report. */
function practiceNames(report: PeriodReport): Map<string, string> {
  const names = new Map<string, string>();
  for (const p of report.practices) if (p.practice_name !== undefined) names.set(p.practice_code, p.practice_name);
  const { missing, stale, notInDirectory } = report.completeness;
  for (const p of [...missing, ...stale, ...notInDirectory]) {
    if (p.practiceName !== undefined && !names.has(p.practiceCode)) names.set(p.practiceCode, p.practiceName);
  }
  return names;
}

function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : timestamp.format(date);
}
