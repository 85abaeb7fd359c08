import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../lambdas/errors';
import { loadPortalEnvironment } from '../../../lambdas/portal/portal-environment';

const VALID = {
  AWS_REGION: 'eu-west-2',
  REPORTS_BUCKET: 'pcm-reports',
  TABLE_NAME: 'pcm-reporter',
  USER_POOL_ID: 'eu-west-2_Pool',
  USER_POOL_CLIENT_ID: 'client123',
  COGNITO_DOMAIN: 'https://pcm.auth.eu-west-2.amazoncognito.com/',
  PORTAL_BASE_URL: 'https://reports.example.org',
};

describe('loadPortalEnvironment', () => {
  it('reads the settings the stack passes, with 90 days of gap-list retention by default', () => {
    expect(loadPortalEnvironment(VALID)).toMatchObject({
      reportsBucket: 'pcm-reports',
      cognitoDomain: 'https://pcm.auth.eu-west-2.amazoncognito.com',
      portalBaseUrl: 'https://reports.example.org',
      gapListRetentionDays: 90,
      icbName: 'NHS Example Integrated Care Board',
      suppressSmallNumbers: false,
    });
  });

  it('reads SUPPRESS_SMALL_NUMBERS as true or false, and names any other value', () => {
    expect(loadPortalEnvironment({ ...VALID, SUPPRESS_SMALL_NUMBERS: 'true' }).suppressSmallNumbers).toBe(true);
    expect(loadPortalEnvironment({ ...VALID, SUPPRESS_SMALL_NUMBERS: 'FALSE' }).suppressSmallNumbers).toBe(false);
    expect(() => loadPortalEnvironment({ ...VALID, SUPPRESS_SMALL_NUMBERS: 'yes' })).toThrow(
      'SUPPRESS_SMALL_NUMBERS is "yes": expected true or false.',
    );
  });

  it('lists every missing setting and malformed URL in one error', () => {
    let error: unknown;
    try {
      loadPortalEnvironment({ ...VALID, TABLE_NAME: '', USER_POOL_ID: undefined, PORTAL_BASE_URL: 'http://x.org' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'TABLE_NAME is not set: expected a non-empty value.',
      'USER_POOL_ID is not set: expected a non-empty value.',
      'PORTAL_BASE_URL is "http://x.org": expected an https:// origin with no path, e.g. https://reports.example.nhs.uk.',
    ]);
  });
});
