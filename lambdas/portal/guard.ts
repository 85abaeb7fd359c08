import type { Context, MiddlewareHandler } from 'hono';
import { authorise } from './authorise';
import { ERROR_DETAIL, errorPage } from './pages/error-page';
import type { PortalDeps } from './portal-deps';
import { frameOf, type PortalEnv } from './portal-env';
import type { RouteName } from './portal-routes';

/** The refusal page for a status, with nothing about what was asked for. */
export function refuse(c: Context<PortalEnv>, deps: PortalDeps, status: 400 | 401 | 403 | 404): Response {
  return c.html(errorPage(frameOf(c, deps), status, ERROR_DETAIL[status], deps.auth.signInPath), status);
}

/** Lets the request through only if authorise() allows it for this route and its path parameters. */
export function guard(route: RouteName, deps: PortalDeps): MiddlewareHandler<PortalEnv> {
  return async (c, next) => {
    const { ods, period, file } = c.req.param() as Record<string, string | undefined>;
    const decision = authorise(c.get('user'), route, { ods, period, file });
    if (decision.outcome === 'deny') {
      deps.logger.info('portal request refused', { route, status: decision.status });
      return refuse(c, deps, decision.status);
    }
    await next();
  };
}
