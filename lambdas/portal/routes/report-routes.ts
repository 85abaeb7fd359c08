import { Hono } from 'hono';
import { reportKeys, XLSX_TYPE } from '../../pipeline/report-keys';
import { funnelChartSvg } from '../../render/charts/funnel-chart';
import { trendChartSvg } from '../../render/charts/trend-chart';
import { guard, refuse } from '../guard';
import { monthPage } from '../pages/month-page';
import { monthsPage } from '../pages/months-page';
import { type HeldPractice, practiceHomePage } from '../pages/practice-home-page';
import { practicePage } from '../pages/practice-page';
import type { PortalDeps } from '../portal-deps';
import { frameOf, type PortalEnv } from '../portal-env';
import { icbFileNames } from '../portal-params';
import type { PortalReports } from '../portal-reports';
import { holdsPractice, seesIcbOutputs } from '../portal-user';
import { sendDownload } from '../send-download';

const SVG_TYPE = 'image/svg+xml; charset=utf-8';

/** Months, a month, its files and charts, a practice's page and its gap list. */
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
    return sendDownload(c, await deps.download(key), file, isWorkbook ? XLSX_TYPE : 'text/csv; charset=utf-8');
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

  app.get('/practice/:ods/:period/gap-list', guard('gapList', deps), async (c) => {
    const practiceCode = c.req.param('ods');
    const period = c.req.param('period');
    const key = reportKeys.gapList(practiceCode, period);
    if (!(await deps.objects.head(deps.reportsBucket, key))) return refuse(c, deps, 404);
    // Recorded before the file is handed over: no audit record, no download.
    await deps.audit.recordDownload({
      user: c.get('user')?.id ?? '',
      practiceCode,
      period,
      at: deps.now().toISOString(),
    });
    deps.logger.info('gap list downloaded', { practiceCode, period });
    return sendDownload(c, await deps.download(key), reportKeys.gapListFile(practiceCode, period), XLSX_TYPE);
  });

  return app;
}
