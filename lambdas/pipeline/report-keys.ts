/** Where every output lives in the reports bucket (the same names locally under out/YYYY-MM/). */
export const reportKeys = {
  icbWorkbook: (period: string) => `reports/${period}/icb-report-${period}.xlsx`,
  tidyCsv: (period: string) => `reports/${period}/practice-metrics-${period}.csv`,
  /** Every period's tidy rows, beside the month folders (locally out/practice-metrics-history.csv). */
  historyCsv: () => 'reports/practice-metrics-history.csv',
  gapListFile: (practiceCode: string, period: string) => `gap-list-${practiceCode}-${period}.xlsx`,
  gapList: (practiceCode: string, period: string) =>
    `gap-lists/${period}/${reportKeys.gapListFile(practiceCode, period)}`,
  /** Beside each gap list, under the same prefix (its retention and access): its patients' NHS numbers. */
  gapListNhsNumbersFile: (practiceCode: string, period: string) => `gap-list-${practiceCode}-${period}-nhs-numbers.csv`,
  gapListNhsNumbers: (practiceCode: string, period: string) =>
    `gap-lists/${period}/${reportKeys.gapListNhsNumbersFile(practiceCode, period)}`,
  /**
   * The gap list's patients, kept (encrypted, 90 days) so the monthly report can rebuild the workbook.
   * One object per source export, written before the snapshot that names that source is committed: a
   * snapshot never lacks its rows, and a superseded or concurrent ingest never overwrites them.
   */
  gapRows: (practiceCode: string, period: string, source: { etag: string; member?: string }) =>
    `${stagedRowsStem(practiceCode, period, source)}.gaprows`,
  /** Where releases before the binary form (gap-row-codec) staged the rows, as JSON; read when the above is absent. */
  gapRowsJson: (practiceCode: string, period: string, source: { etag: string; member?: string }) =>
    `${stagedRowsStem(practiceCode, period, source)}.json`,
};

function stagedRowsStem(practiceCode: string, period: string, source: { etag: string; member?: string }): string {
  const member = source.member ? `-${encodeURIComponent(source.member)}` : '';
  return `staging/gap-rows/${period}/${practiceCode}/${source.etag}${member}`;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
