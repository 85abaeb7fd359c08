import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { parse } from 'hono/utils/cookie';

/** The hidden field every form carries. */
export const FORM_TOKEN_FIELD = 'csrfToken';

/**
 * The CSRF token of a session: a hash of the session cookie, which another site can neither read
 * (HttpOnly) nor guess. Needs no server-side secret, so every Lambda container agrees on it.
 */
export function formTokenFor(sessionValue: string): string {
  return createHash('sha256').update(`pcm-form-token:${sessionValue}`).digest('base64url');
}

/** The token for the request's session, or undefined when there is no session cookie. */
export function formTokenOf(request: Request, sessionCookie: string): string | undefined {
  const value = parse(request.headers.get('cookie') ?? '', sessionCookie)[sessionCookie];
  return value ? formTokenFor(value) : undefined;
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Refuses (403) any POST whose form does not carry its session's token. */
export function requireFormToken(sessionCookie: string): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const expected = formTokenOf(c.req.raw, sessionCookie);
    const body = await c.req.parseBody();
    const sent = body[FORM_TOKEN_FIELD];
    if (expected === undefined || typeof sent !== 'string' || !sameToken(sent, expected)) {
      return c.text(
        'This form has expired or did not come from this portal. Go back, reload the page and try again.',
        403,
      );
    }
    return next();
  };
}
