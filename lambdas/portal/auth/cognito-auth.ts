import { createHash, randomBytes } from 'node:crypto';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { parse } from 'hono/utils/cookie';
import type { PortalAuth } from '../portal-auth';
import type { PortalUser } from '../portal-user';
import { type IdTokenClaims, userFromIdToken } from './cognito-user';

/** The session: the verified ID token itself, checked again on every request. */
export const COGNITO_SESSION_COOKIE = '__Host-pcm_session';
/** The PKCE verifier and state of a sign-in in progress (10 minutes). */
const SIGN_IN_COOKIE = '__Host-pcm_signin';
const SIGN_IN_SECONDS = 600;

export interface CognitoAuthOptions {
  userPoolId: string;
  clientId: string;
  /** The hosted UI's base URL, e.g. `https://pcm-example.auth.eu-west-2.amazoncognito.com`. */
  domain: string;
  /** The portal's own base URL (the callback is `<baseUrl>/auth/callback`). */
  baseUrl: string;
  /** For tests: the token endpoint's fetch, and a verifier hydrated with a local key set. */
  fetch?: typeof fetch;
  verifier?: IdTokenVerifier;
}

export interface IdTokenVerifier {
  verify(token: string): Promise<unknown>;
}

/** Verifies signature, issuer (the pool), audience (the client), expiry and token use (`id`). */
export function cognitoIdTokenVerifier(userPoolId: string, clientId: string): IdTokenVerifier {
  return CognitoJwtVerifier.create({ userPoolId, clientId, tokenUse: 'id' });
}

/** The user of a token that verifies; undefined for any token that does not. */
export async function verifiedUser(verifier: IdTokenVerifier, token: string): Promise<PortalUser | undefined> {
  try {
    return userFromIdToken((await verifier.verify(token)) as IdTokenClaims);
  } catch {
    return undefined;
  }
}

const base64url = (bytes: Buffer) => bytes.toString('base64url');
const challengeOf = (verifier: string) => base64url(createHash('sha256').update(verifier).digest());

/**
 * Deployed sign-in: the Cognito hosted UI with the authorization code flow and PKCE. The ID token
 * is kept in a HttpOnly, Secure, SameSite=Lax cookie (Lax, so a link from an email still arrives
 * signed in) and verified with aws-jwt-verify on every request.
 */
export function cognitoAuth(options: CognitoAuthOptions): PortalAuth {
  const verifier = options.verifier ?? cognitoIdTokenVerifier(options.userPoolId, options.clientId);
  const doFetch = options.fetch ?? fetch;
  const callbackUrl = `${options.baseUrl}/auth/callback`;
  const secure = { httpOnly: true, secure: true, sameSite: 'Lax', path: '/' } as const;

  const routes = new Hono();
  routes.get('/login', (c) => {
    const state = base64url(randomBytes(16));
    const codeVerifier = base64url(randomBytes(32));
    setCookie(c, SIGN_IN_COOKIE, `${state}.${codeVerifier}`, { ...secure, maxAge: SIGN_IN_SECONDS });
    const url = new URL('/oauth2/authorize', options.domain);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: options.clientId,
      redirect_uri: callbackUrl,
      scope: 'openid email profile',
      state,
      code_challenge: challengeOf(codeVerifier),
      code_challenge_method: 'S256',
    }).toString();
    return c.redirect(url.toString(), 302);
  });

  routes.get('/callback', async (c) => {
    const [state, codeVerifier] = (getCookie(c, SIGN_IN_COOKIE) ?? '').split('.');
    deleteCookie(c, SIGN_IN_COOKIE, secure);
    const code = c.req.query('code');
    if (!state || !codeVerifier || !code || c.req.query('state') !== state) {
      return c.text('This sign-in has expired or did not start here. Go to the portal and sign in again.', 400);
    }
    const response = await doFetch(new URL('/oauth2/token', options.domain), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: options.clientId,
        code,
        redirect_uri: callbackUrl,
        code_verifier: codeVerifier,
      }),
    });
    const idToken = response.ok ? ((await response.json()) as { id_token?: unknown }).id_token : undefined;
    const user = typeof idToken === 'string' ? await verifiedUser(verifier, idToken) : undefined;
    if (typeof idToken !== 'string' || !user) {
      return c.text('Sign-in did not complete. Go to the portal and sign in again.', 401);
    }
    setCookie(c, COGNITO_SESSION_COOKIE, idToken, secure);
    return c.redirect('/', 302);
  });

  routes.post('/sign-out', (c) => {
    deleteCookie(c, COGNITO_SESSION_COOKIE, secure);
    const url = new URL('/logout', options.domain);
    url.search = new URLSearchParams({
      client_id: options.clientId,
      logout_uri: `${options.baseUrl}/auth/signed-out`,
    }).toString();
    return c.redirect(url.toString(), 303);
  });

  routes.get('/signed-out', (c) => c.text('You have signed out of the report portal.'));

  return {
    sessionCookie: COGNITO_SESSION_COOKIE,
    routes,
    signInPath: '/auth/login',
    async identify(request) {
      const token = parse(request.headers.get('cookie') ?? '', COGNITO_SESSION_COOKIE)[COGNITO_SESSION_COOKIE];
      return token ? verifiedUser(verifier, token) : undefined;
    },
  };
}
