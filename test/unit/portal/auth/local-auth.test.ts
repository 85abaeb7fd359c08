import { describe, expect, it } from 'vitest';
import { LOCAL_SESSION_COOKIE, localAuth } from '../../../../lambdas/portal/auth/local-auth';

const preview = { id: 'local-preview-A81001', roles: ['practice'] as const, practices: ['A81001'] };

function request(cookie: string): Request {
  return new Request('http://127.0.0.1:8787/', { headers: { cookie } });
}

describe('localAuth', () => {
  it('turns the one-time link into a session cookie once, and refuses the link after that', async () => {
    const auth = localAuth(preview);
    const first = await auth.routes.request(auth.signInLink.replace('/auth', ''));
    expect(first.status).toBe(303);
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] as string;
    expect(first.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Lax/);
    expect(await auth.identify(request(cookie))).toEqual(preview);
    expect((await auth.routes.request(auth.signInLink.replace('/auth', ''))).status).toBe(401);
  });

  it('refuses a wrong token and signs nobody in', async () => {
    const auth = localAuth(preview);
    const response = await auth.routes.request('/local?token=guessed');
    expect(response.status).toBe(401);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('does not accept a session cookie whose user was edited (the signature no longer matches)', async () => {
    const auth = localAuth(preview);
    const first = await auth.routes.request(auth.signInLink.replace('/auth', ''));
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const edited = cookie.replace(encodeURIComponent('"practice"'), encodeURIComponent('"admin"'));
    expect(edited).not.toBe(cookie);
    expect(await auth.identify(request(edited))).toBeUndefined();
    expect(
      await auth.identify(
        request(`${LOCAL_SESSION_COOKIE}=${encodeURIComponent(JSON.stringify({ ...preview, roles: ['admin'] }))}`),
      ),
    ).toBeUndefined();
  });
});
