import type { Context } from 'aws-lambda';
import type { LambdaEvent } from 'hono/aws-lambda';
import { describe, expect, it } from 'vitest';

/** An API Gateway HTTP API (payload 2.0) request, as CloudFront forwards a browser's GET. */
function get(path: string, cookie?: string): LambdaEvent {
  return {
    body: null,
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'api.example.org', 'x-forwarded-proto': 'https', ...(cookie ? { cookie } : {}) },
    cookies: cookie ? [cookie] : undefined,
    isBase64Encoded: false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.org',
      domainPrefix: 'api',
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'test' },
      requestId: 'r',
      routeKey: '$default',
      stage: '$default',
      time: '05/Nov/2026:09:30:00 +0000',
      timeEpoch: 1793871000000,
      authentication: null,
      authorizer: {},
    },
  };
}

describe('portal Lambda entry', () => {
  it('answers API Gateway with the portal: 401 and a sign-in link for an anonymous visitor, with the CSP', async () => {
    Object.assign(process.env, {
      REPORTS_BUCKET: 'pcm-reports',
      TABLE_NAME: 'pcm-reporter',
      USER_POOL_ID: 'eu-west-2_Pool',
      USER_POOL_CLIENT_ID: 'client123',
      COGNITO_DOMAIN: 'https://pcm.auth.eu-west-2.amazoncognito.com',
      PORTAL_BASE_URL: 'https://reports.example.org',
      LOG_LEVEL: 'silent',
    });
    const { handler } = await import('../../../lambdas/handlers/portal');
    const response = (await handler(get('/'), {} as Context)) as {
      statusCode: number;
      headers: Record<string, string>;
      body: string;
    };
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(response.body).toContain('href="/auth/login"');

    const login = (await handler(get('/auth/login'), {} as Context)) as {
      statusCode: number;
      headers: Record<string, string>;
    };
    expect(login.statusCode).toBe(302);
    expect(login.headers.location).toMatch(
      /^https:\/\/pcm\.auth\.eu-west-2\.amazoncognito\.com\/oauth2\/authorize\?.*redirect_uri=https%3A%2F%2Freports\.example\.org%2Fauth%2Fcallback/,
    );
  });
});
