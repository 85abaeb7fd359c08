import { Hono } from 'hono';
import type { NhsukAssets } from '../nhsuk-assets';

/** The portal's own few rules on top of NHS.UK frontend (a file, because the CSP forbids inline styles). */
export const PORTAL_CSS =
  '.portal-chart{display:block;max-width:100%;height:auto;margin-bottom:32px;background:#fff}' +
  '.portal-sign-out{text-align:right}';

const CACHE = 'public, max-age=3600';

/** `/assets/*`: the NHS.UK stylesheet and icons, and the portal's stylesheet. Public. */
export function assetRoutes(assets: NhsukAssets): Hono {
  const app = new Hono();
  app.get('/nhsuk-frontend.min.css', async (c) =>
    c.body(await assets.stylesheet(), 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': CACHE }),
  );
  app.get('/portal.css', (c) =>
    c.body(PORTAL_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': CACHE }),
  );
  app.get('/images/:name', async (c) => {
    const image = await assets.image(c.req.param('name'));
    if (!image) return c.text('Not found', 404);
    return c.body(image.body, 200, { 'Content-Type': image.type, 'Cache-Control': CACHE });
  });
  return app;
}
