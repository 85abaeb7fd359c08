import { createHash } from 'node:crypto';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { COGNITO_SESSION_COOKIE, cognitoAuth, verifiedUser } from '../../../../lambdas/portal/auth/cognito-auth';

const POOL = 'eu-west-2_TestPool1';
const OTHER_POOL = 'eu-west-2_OtherPool';
const CLIENT = 'testclientid123';
const ISSUER = `https://cognito-idp.eu-west-2.amazonaws.com/${POOL}`;
const KID = 'test-key-1';
const NOW = Math.floor(Date.now() / 1000);

let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let jwk: JWK;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  privateKey = pair.privateKey;
  jwk = { ...(await exportJWK(pair.publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
});

/** The real verifier of the portal, given the local key set instead of fetching the pool's JWKS. */
function verifier() {
  const v = CognitoJwtVerifier.create({ userPoolId: POOL, clientId: CLIENT, tokenUse: 'id' });
  v.cacheJwks({ keys: [jwk as never] });
  return v;
}

function claims(overrides: Record<string, unknown> = {}) {
  return {
    sub: '0f6e-synthetic',
    iss: ISSUER,
    aud: CLIENT,
    token_use: 'id',
    'cognito:username': 'pm@example.org',
    'cognito:groups': ['practice'],
    'custom:practices': 'A81001,B82002',
    iat: NOW - 60,
    exp: NOW + 3600,
    ...overrides,
  };
}

async function sign(payload: Record<string, unknown>): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: KID }).sign(privateKey);
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('ID token verification (aws-jwt-verify, a locally generated RS256 key set)', () => {
  it('accepts a valid token and reads the groups and practices', async () => {
    expect(await verifiedUser(verifier(), await sign(claims()))).toEqual({
      id: 'pm@example.org',
      roles: ['practice'],
      practices: ['A81001', 'B82002'],
    });
  });

  it.each([
    { name: 'an expired token', payload: () => claims({ iat: NOW - 7200, exp: NOW - 3600 }) },
    {
      name: 'another pool’s issuer',
      payload: () => claims({ iss: `https://cognito-idp.eu-west-2.amazonaws.com/${OTHER_POOL}` }),
    },
    { name: 'another client (audience)', payload: () => claims({ aud: 'someotherclient' }) },
    { name: 'an access token (wrong token use)', payload: () => claims({ token_use: 'access', client_id: CLIENT }) },
  ])('rejects $name', async ({ payload }) => {
    expect(await verifiedUser(verifier(), await sign(payload()))).toBeUndefined();
  });

  it('rejects a token whose payload was changed after signing (tampered)', async () => {
    const [header, , signature] = (await sign(claims())).split('.');
    const forged = `${header}.${b64(claims({ 'cognito:groups': ['admin'] }))}.${signature}`;
    expect(await verifiedUser(verifier(), forged)).toBeUndefined();
  });

  it('rejects a token with a broken signature', async () => {
    const token = await sign(claims());
    // One character inside the signature, always changed (it replaced the second-to-last with 'A' while checking
    // the last, so a signature whose second-to-last was already 'A' stayed valid: the test failed 1 run in 64).
    const at = token.length - 10;
    const flipped = token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
    expect(flipped).not.toBe(token);
    expect(await verifiedUser(verifier(), flipped)).toBeUndefined();
  });

  it('rejects an unsigned token (alg: none)', async () => {
    const unsigned = `${b64({ alg: 'none', kid: KID })}.${b64(claims({ 'cognito:groups': ['admin'] }))}.`;
    expect(await verifiedUser(verifier(), unsigned)).toBeUndefined();
  });

  it('ignores unknown groups and malformed practice codes', async () => {
    const token = await sign(
      claims({ 'cognito:groups': ['analyst', 'superuser'], 'custom:practices': 'a81001, C83003,../x' }),
    );
    expect(await verifiedUser(verifier(), token)).toEqual({
      id: 'pm@example.org',
      roles: ['analyst'],
      practices: ['C83003'],
    });
  });
});

describe('hosted UI sign-in (authorization code + PKCE)', () => {
  const options = {
    userPoolId: POOL,
    clientId: CLIENT,
    domain: 'https://pcm-test.auth.eu-west-2.amazoncognito.com',
    baseUrl: 'https://portal.example.org',
  };

  it('sends the browser to the hosted UI with a S256 challenge, then exchanges the code with its verifier', async () => {
    const idToken = await sign(claims());
    const tokenEndpoint = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) =>
      Response.json({ id_token: idToken, access_token: 'x', token_type: 'Bearer' }),
    );
    const auth = cognitoAuth({ ...options, verifier: verifier(), fetch: tokenEndpoint as unknown as typeof fetch });

    const login = await auth.routes.request('/login');
    expect(login.status).toBe(302);
    const authorize = new URL(login.headers.get('location') ?? '');
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${options.domain}/oauth2/authorize`);
    expect(authorize.searchParams.get('client_id')).toBe(CLIENT);
    expect(authorize.searchParams.get('redirect_uri')).toBe('https://portal.example.org/auth/callback');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    const signInCookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    expect(login.headers.get('set-cookie')).toMatch(/HttpOnly; Secure; SameSite=Lax/);

    const state = authorize.searchParams.get('state');
    const callback = await auth.routes.request(`/callback?code=the-code&state=${state}`, {
      headers: { cookie: signInCookie },
    });
    expect(callback.status).toBe(302);
    const body = new URLSearchParams(String(tokenEndpoint.mock.calls[0]?.[1]?.body));
    expect(String(tokenEndpoint.mock.calls[0]?.[0])).toBe(`${options.domain}/oauth2/token`);
    expect(body.get('grant_type')).toBe('authorization_code');
    expect(body.get('code')).toBe('the-code');
    const verifierSent = body.get('code_verifier') ?? '';
    expect(createHash('sha256').update(verifierSent).digest('base64url')).toBe(
      authorize.searchParams.get('code_challenge'),
    );
    const session = callback.headers.getSetCookie().find((c) => c.startsWith(`${COGNITO_SESSION_COOKIE}=`)) ?? '';
    expect(session).toMatch(/HttpOnly; Secure; SameSite=Lax/);

    const user = await auth.identify(
      new Request('https://portal.example.org/', { headers: { cookie: session.split(';')[0] as string } }),
    );
    expect(user?.practices).toEqual(['A81001', 'B82002']);
  });

  it('refuses a callback whose state does not match the sign-in it started', async () => {
    const tokenEndpoint = vi.fn();
    const auth = cognitoAuth({ ...options, verifier: verifier(), fetch: tokenEndpoint as unknown as typeof fetch });
    const login = await auth.routes.request('/login');
    const signInCookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const callback = await auth.routes.request('/callback?code=c&state=forged', { headers: { cookie: signInCookie } });
    expect(callback.status).toBe(400);
    expect(tokenEndpoint).not.toHaveBeenCalled();
  });

  it('does not sign in with a token from the endpoint that fails verification', async () => {
    const expired = await sign(claims({ iat: NOW - 7200, exp: NOW - 3600 }));
    const auth = cognitoAuth({
      ...options,
      verifier: verifier(),
      fetch: (async () => Response.json({ id_token: expired })) as unknown as typeof fetch,
    });
    const login = await auth.routes.request('/login');
    const state = new URL(login.headers.get('location') ?? '').searchParams.get('state');
    const signInCookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const callback = await auth.routes.request(`/callback?code=c&state=${state}`, {
      headers: { cookie: signInCookie },
    });
    expect(callback.status).toBe(401);
    expect(callback.headers.getSetCookie().some((c) => c.startsWith(`${COGNITO_SESSION_COOKIE}=ey`))).toBe(false);
  });
});
