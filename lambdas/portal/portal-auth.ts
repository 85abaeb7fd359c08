import type { Hono } from 'hono';
import type { PortalUser } from './portal-user';

/**
 * How the portal knows who is asking: Cognito tokens when deployed, a one-time token turned into a
 * signed session cookie locally. Each mode brings its own `/auth/*` routes.
 */
export interface PortalAuth {
  /** The signed-in user, or undefined (no session, or one that no longer verifies). */
  identify(request: Request): Promise<PortalUser | undefined>;
  /** The session cookie's name: every form's CSRF token is derived from its value. */
  sessionCookie: string;
  /** Sign-in, callback and sign-out routes, mounted at `/auth`. */
  routes: Hono;
  /** Where the "sign in" link of a 401 page goes; undefined when signing in needs a new link (local). */
  signInPath?: string;
}
