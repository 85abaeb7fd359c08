/** Where every output lives in the reports bucket (the same names locally under out/YYYY-MM/). */
export const reportKeys = {
  icbWorkbook: (period: string) => `reports/${period}/icb-report-${period}.xlsx`,
  tidyCsv: (period: string) => `reports/${period}/practice-metrics-${period}.csv`,
  gapListFile: (practiceCode: string, period: string) => `gap-list-${practiceCode}-${period}.xlsx`,
  gapList: (practiceCode: string, period: string) =>
    `gap-lists/${period}/${reportKeys.gapListFile(practiceCode, period)}`,
  /**
   * The gap list's patients, kept (encrypted, 90 days) so the monthly report can rebuild the workbook.
   * One object per source export, written before the snapshot that names that source is committed: a
   * snapshot never lacks its rows, and a superseded or concurrent ingest never overwrites them.
   */
  gapRows: (practiceCode: string, period: string, source: { etag: string; member?: string }) =>
    `staging/gap-rows/${period}/${practiceCode}/${source.etag}${source.member ? `-${encodeURIComponent(source.member)}` : ''}.json`,
};

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
