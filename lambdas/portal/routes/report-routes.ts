import { type Context, Hono } from 'hono';
import { reportKeys, XLSX_TYPE } from '../../pipeline/report-keys';
import { funnelChartSvg } from '../../render/charts/funnel-chart';
import { trendChartSvg } from '../../render/charts/trend-chart';
import type { PatientFile } from '../audit-log';
import { guard, refuse } from '../guard';
import { monthPage } from '../pages/month-page';
import { monthsPage } from '../pages/months-page';
import { type HeldPractice, practiceHomePage } from '../pages/practice-home-page';
import { practicePage } from '../pages/practice-page';
import type { PortalDeps } from '../portal-deps';
import { frameOf, type PortalEnv } from '../portal-env';
import { HISTORY_FILE_NAME, icbFileNames } from '../portal-params';
import type { PortalReports } from '../portal-reports';
import { holdsPractice, seesIcbOutputs } from '../portal-user';
import { sendDownload } from '../send-download';

const SVG_TYPE = 'image/svg+xml; charset=utf-8';
const CSV_TYPE = 'text/csv; charset=utf-8';

/** Months, a month, its files and charts, the history CSV, a practice's page, its gap list and NHS-number file. */
export function reportRoutes(deps: PortalDeps, reports: PortalReports): Hono<PortalEnv> {
  const app = new Hono<PortalEnv>();

  app.get('/', guard('home', deps), async (c) => {
    const user = c.get('user');
    if (user && seesIcbOutputs(user)) return c.html(monthsPage(frameOf(c, deps), await reports.headlines()));
    const [periods, directory] = await Promise.all([reports.periods(), deps.directory.listPractices()]);
    const held: HeldPractice[] = [];
    for (const practiceCode of user?.practices ?? []) {
      const snapshots = await Promise.all(periods.map((p) => deps.snapshots.getSnapshot(practiceCode, p)));
      held.push({
        practiceCode,
        practiceName: directory.find((d) => d.practiceCode === practiceCode)?.practiceName,
        periods: periods.filter((_, i) => snapshots[i] !== undefined).reverse(),
      });
    }
    return c.html(practiceHomePage(frameOf(c, deps), held));
  });

  app.get('/month/:period', guard('month', deps), async (c) => {
    const report = await reports.report(c.req.param('period'));
    return report ? c.html(monthPage(frameOf(c, deps), report)) : refuse(c, deps, 404);
  });

  app.get('/month/:period/funnel.svg', guard('funnelChart', deps), async (c) => {
    const report = await reports.report(c.req.param('period'));
    return report ? c.body(funnelChartSvg(report), 200, { 'Content-Type': SVG_TYPE }) : refuse(c, deps, 404);
  });

  app.get('/month/:period/trend.svg', guard('trendChart', deps), async (c) => {
    const report = await reports.report(c.req.param('period'));
    return report ? c.body(trendChartSvg(report), 200, { 'Content-Type': SVG_TYPE }) : refuse(c, deps, 404);
  });

  app.get('/month/:period/files/:file', guard('monthFile', deps), async (c) => {
    const period = c.req.param('period');
    const file = c.req.param('file');
    const isWorkbook = file === icbFileNames(period).workbook;
    const key = isWorkbook ? reportKeys.icbWorkbook(period) : reportKeys.tidyCsv(period);
    if (!(await deps.objects.head(deps.reportsBucket, key))) return refuse(c, deps, 404);
    return sendDownload(c, await deps.download(key), file, isWorkbook ? XLSX_TYPE : CSV_TYPE);
  });

  app.get('/history/:file', guard('historyFile', deps), async (c) => {
    const key = reportKeys.historyCsv();
    if (!(await deps.objects.head(deps.reportsBucket, key))) return refuse(c, deps, 404);
    return sendDownload(c, await deps.download(key), HISTORY_FILE_NAME, CSV_TYPE);
  });

  app.get('/practice/:ods/:period', guard('practice', deps), async (c) => {
    const ods = c.req.param('ods');
    const period = c.req.param('period');
    const report = await reports.report(period);
    const metrics = report?.practices.find((p) => p.practice_code === ods && p.registered !== undefined);
    if (!report || !metrics) return refuse(c, deps, 404);
    const user = c.get('user');
    const trend = report.trend.practices.find((p) => p.practiceCode === ods);
    const otherPeriods = report.trend.periods.filter((p, i) => p !== period && trend?.values[i] !== undefined);
    return c.html(
      practicePage(frameOf(c, deps), {
        report,
        metrics,
        mayDownloadGapList: user !== undefined && holdsPractice(user, ods),
        otherPeriods: otherPeriods.reverse(),
      }),
    );
  });

  app.get('/practice/:ods/:period/gap-list', guard('gapList', deps), async (c) => sendPatientFile(c, deps, 'gap-list'));

  app.get('/practice/:ods/:period/nhs-numbers', guard('nhsNumbers', deps), async (c) =>
    sendPatientFile(c, deps, 'nhs-numbers'),
  );

  return app;
}

const PATIENT_FILES: Readonly<
  Record<
    PatientFile,
    { key: (ods: string, period: string) => string; name: (ods: string, period: string) => string; type: string }
  >
> = {
  'gap-list': { key: reportKeys.gapList, name: reportKeys.gapListFile, type: XLSX_TYPE },
  'nhs-numbers': { key: reportKeys.gapListNhsNumbers, name: reportKeys.gapListNhsNumbersFile, type: CSV_TYPE },
};

/** A practice's patient file (already guarded: its own users only), audited before it is handed over. */
async function sendPatientFile(c: Context<PortalEnv>, deps: PortalDeps, file: PatientFile): Promise<Response> {
  const practiceCode = c.req.param('ods') as string;
  const period = c.req.param('period') as string;
  const { key, name, type } = PATIENT_FILES[file];
  if (!(await deps.objects.head(deps.reportsBucket, key(practiceCode, period)))) return refuse(c, deps, 404);
  // Recorded before the file is handed over: no audit record, no download.
  await deps.audit.recordDownload({
    user: c.get('user')?.id ?? '',
    practiceCode,
    period,
    at: deps.now().toISOString(),
    file,
  });
  deps.logger.info(file === 'gap-list' ? 'gap list downloaded' : 'NHS-number list downloaded', {
    practiceCode,
    period,
  });
  return sendDownload(c, await deps.download(key(practiceCode, period)), name(practiceCode, period), type);
}
