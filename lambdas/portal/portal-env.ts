import type { Context } from 'hono';
import { formTokenOf } from './form-token';
import type { PageFrame } from './pages/layout';
import type { PortalDeps } from './portal-deps';
import type { PortalUser } from './portal-user';

/** What the portal's middleware leaves on each request. */
export type PortalEnv = { Variables: { user: PortalUser | undefined } };

/** The page frame of this request: the signed-in user and their form token. */
export function frameOf(c: Context<PortalEnv>, deps: PortalDeps): PageFrame {
  return {
    icbName: deps.config.icbName,
    user: c.get('user'),
    formToken: formTokenOf(c.req.raw, deps.auth.sessionCookie),
  };
}
