import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { requireFormToken } from './form-token';
import { refuse } from './guard';
import { type NhsukAssets, nhsukAssets } from './nhsuk-assets';
import { errorPage } from './pages/error-page';
import type { PortalDeps } from './portal-deps';
import { frameOf, type PortalEnv } from './portal-env';
import { portalReports } from './portal-reports';
import { adminRoutes } from './routes/admin-routes';
import { assetRoutes } from './routes/asset-routes';
import { reportRoutes } from './routes/report-routes';
import { securityHeaders } from './security-headers';

const MAX_FORM_BYTES = 1024 * 1024;
const TOO_LARGE = 'The file is larger than 1 MB: split the directory and upload each part.';

/**
 * The report portal (SPEC §4.5): the same request handling in Lambda (hono/aws-lambda) and in
 * `pcm-report serve` (@hono/node-server). Everything outside comes in through `deps`.
 */
export function createPortalApp(deps: PortalDeps, assets: NhsukAssets = nhsukAssets()): Hono<PortalEnv> {
  const app = new Hono<PortalEnv>();
  app.use('*', securityHeaders());
  app.route('/assets', assetRoutes(assets));
  // Form posts only from the portal's own pages (Origin), and each form carries its session's token.
  app.use('*', csrf({ origin: new URL(deps.config.baseUrl).origin }));
  app.use('*', async (c, next) => {
    c.set('user', await deps.auth.identify(c.req.raw));
    await next();
  });
  // The largest form is the practice directory: a few hundred practices are a few tens of kilobytes.
  app.use('*', bodyLimit({ maxSize: MAX_FORM_BYTES, onError: (c) => c.text(TOO_LARGE, 413) }));
  app.use('*', requireFormToken(deps.auth.sessionCookie));
  app.route('/auth', deps.auth.routes);
  app.route('/admin', adminRoutes(deps));
  app.route('/', reportRoutes(deps, portalReports(deps)));

  app.notFound((c) => refuse(c, deps, 404));
  app.onError((error, c) => {
    // The Origin check (csrf) refuses by throwing: answer with the portal's own 403 page.
    if (error instanceof HTTPException) return error.status === 403 ? refuse(c, deps, 403) : error.getResponse();
    deps.logger.error('portal request failed', { path: c.req.routePath, error: error.name });
    return c.html(errorPage(frameOf(c, deps), 500, 'Try again later. If it keeps happening, tell the ICB team.'), 500);
  });
  return app;
}
