/**
 * The only shapes a path parameter may take, checked before any store lookup: anything else
 * (lower case, `..`, an encoded slash, an unexpected file name) is a 400 and never reaches a key.
 */
const ODS_CODE = /^[A-Z][0-9]{5}$/;
const PERIOD = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

export interface PortalParams {
  ods?: string;
  period?: string;
  file?: string;
}

export function isOdsCode(value: string): boolean {
  return ODS_CODE.test(value);
}

export function isPortalPeriod(value: string): boolean {
  return PERIOD.test(value);
}

/** The ICB files of a month that may be downloaded, by their exact names. */
export function icbFileNames(period: string): { workbook: string; csv: string } {
  return { workbook: `icb-report-${period}.xlsx`, csv: `practice-metrics-${period}.csv` };
}

/** Whether every parameter present has its one allowed shape (file names only as the period's own). */
export function paramsAreValid(params: PortalParams): boolean {
  if (params.ods !== undefined && !isOdsCode(params.ods)) return false;
  if (params.period !== undefined && !isPortalPeriod(params.period)) return false;
  if (params.file !== undefined) {
    if (params.period === undefined) return false;
    const names = icbFileNames(params.period);
    if (params.file !== names.workbook && params.file !== names.csv) return false;
  }
  return true;
}
