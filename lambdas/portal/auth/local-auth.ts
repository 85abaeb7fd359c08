import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { deleteCookie, setSignedCookie } from 'hono/cookie';
import { parseSigned } from 'hono/utils/cookie';
import type { PortalAuth } from '../portal-auth';
import { isRole, type PortalUser } from '../portal-user';

export const LOCAL_SESSION_COOKIE = 'pcm_session';

export interface LocalAuth extends PortalAuth {
  /** The one-time sign-in path to print (`/auth/local?token=…`). */
  signInLink: string;
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Local sign-in, as notebook servers do it: `serve` prints a link with a random token that works
 * once; it turns into a session cookie signed with a key that lives only in this process. The
 * cookie is not `Secure` because the local portal is plain http on 127.0.0.1 (browsers treat
 * loopback as a secure context, but a Secure cookie over http is still refused by some).
 */
export function localAuth(user: PortalUser, options: { landingPath?: string } = {}): LocalAuth {
  const key = randomBytes(32);
  let token: string | undefined = randomBytes(24).toString('base64url');
  const signInLink = `/auth/local?token=${token}`;

  const routes = new Hono();
  routes.get('/local', async (c) => {
    const offered = c.req.query('token') ?? '';
    if (token === undefined || !sameSecret(offered, token)) {
      return c.text(
        'This sign-in link has already been used or is not the one serve printed. Restart `npm start -- serve` for a new link.',
        401,
      );
    }
    token = undefined; // one use only
    await setSignedCookie(c, LOCAL_SESSION_COOKIE, JSON.stringify(user), key, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
    });
    return c.redirect(options.landingPath ?? '/', 303);
  });
  routes.post('/sign-out', (c) => {
    deleteCookie(c, LOCAL_SESSION_COOKIE, { path: '/' });
    return c.text('Signed out. Restart `npm start -- serve` for a new sign-in link.');
  });

  return {
    sessionCookie: LOCAL_SESSION_COOKIE,
    routes,
    signInLink,
    async identify(request) {
      const signed = await parseSigned(request.headers.get('cookie') ?? '', key, LOCAL_SESSION_COOKIE);
      const value = signed[LOCAL_SESSION_COOKIE];
      if (!value) return undefined;
      const parsed = JSON.parse(value) as PortalUser;
      return { id: parsed.id, roles: parsed.roles.filter(isRole), practices: parsed.practices };
    },
  };
}
