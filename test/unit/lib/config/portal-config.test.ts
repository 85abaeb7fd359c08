import { describe, expect, it } from 'vitest';
import { loadStackConfig } from '../../../../lib/config/deploy-config';
import { LINK_EXPIRY_DEPRECATION, loadPortalConfig, PortalConfigError } from '../../../../lib/config/portal-config';

const contextOf =
  (values: Record<string, unknown>) =>
  (key: string): unknown =>
    values[key];

const CERTIFICATE = 'arn:aws:acm:us-east-1:123456789012:certificate/0f8e1c2a-4b3d-4e5f-8a9b-0c1d2e3f4a5b';
const OIDC = {
  type: 'oidc',
  name: 'EntraID',
  issuerUrl: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0',
  clientId: 'b1c2d3e4-portal',
  clientSecretName: 'pcm-reporter/entra-client-secret',
};

function problemsFor(context: Record<string, unknown>, env: Record<string, string> = {}): PortalConfigError {
  try {
    loadPortalConfig(contextOf(context), env);
  } catch (error) {
    if (error instanceof PortalConfigError) return error;
    throw error;
  }
  throw new Error('expected a PortalConfigError, but the configuration was accepted');
}

describe('loadPortalConfig', () => {
  it('defaults to the CloudFront domain, a derived hosted-UI prefix, the sender domain in SES and no federation', () => {
    expect(loadPortalConfig(contextOf({}), {})).toEqual({
      domainName: undefined,
      certificateArn: undefined,
      authDomainPrefix: undefined,
      sesIdentity: 'domain',
      federation: undefined,
      deprecations: [],
    });
  });

  it('reads a custom domain with its us-east-1 certificate, a prefix, the SES identity and OIDC federation', () => {
    const config = loadPortalConfig(
      contextOf({
        portalDomainName: 'reports.example-icb.nhs.uk',
        portalCertificateArn: CERTIFICATE,
        portalAuthDomainPrefix: 'example-icb-reports',
        portalSesIdentity: 'address',
        portalFederation: OIDC,
      }),
      {},
    );
    expect(config).toEqual({
      domainName: 'reports.example-icb.nhs.uk',
      certificateArn: CERTIFICATE,
      authDomainPrefix: 'example-icb-reports',
      sesIdentity: 'address',
      federation: OIDC,
      deprecations: [],
    });
  });

  it('reads SAML federation given as JSON text with -c, and the domain from PCM_PORTAL_* variables', () => {
    const config = loadPortalConfig(
      contextOf({
        portalFederation: '{"type":"saml","name":"NHSmail","metadataUrl":"https://idp.example.org/md.xml"}',
      }),
      { PCM_PORTAL_DOMAIN_NAME: 'reports.example.org', PCM_PORTAL_CERTIFICATE_ARN: CERTIFICATE },
    );
    expect(config.federation).toEqual({ type: 'saml', name: 'NHSmail', metadataUrl: 'https://idp.example.org/md.xml' });
    expect(config.domainName).toBe('reports.example.org');
  });

  it.each([
    {
      key: 'portalDomainName',
      context: { portalDomainName: 'Reports.Example.org', portalCertificateArn: CERTIFICATE },
    },
    { key: 'portalCertificateArn', context: { portalDomainName: 'reports.example.org' } },
    { key: 'portalDomainName', context: { portalCertificateArn: CERTIFICATE } },
    {
      key: 'portalCertificateArn',
      context: {
        portalDomainName: 'reports.example.org',
        portalCertificateArn: CERTIFICATE.replace('us-east-1', 'eu-west-2'),
      },
    },
    { key: 'portalAuthDomainPrefix', context: { portalAuthDomainPrefix: 'my-cognito-login' } },
    { key: 'portalAuthDomainPrefix', context: { portalAuthDomainPrefix: 'Example_ICB' } },
    { key: 'portalSesIdentity', context: { portalSesIdentity: 'both' } },
    { key: 'portalFederation', context: { portalFederation: { ...OIDC, issuerUrl: 'http://idp.example.org' } } },
    { key: 'portalFederation', context: { portalFederation: { ...OIDC, clientSecretName: undefined } } },
    { key: 'portalFederation', context: { portalFederation: { ...OIDC, name: 'Cognito' } } },
    { key: 'portalFederation', context: { portalFederation: { type: 'ldap', name: 'Corp' } } },
    { key: 'portalFederation', context: { portalFederation: '{not json' } },
  ])('rejects a wrong $key, naming the key and where to set it', ({ key, context }) => {
    const error = problemsFor(context);
    expect(error.problems.map((p) => p.key)).toEqual([key]);
    expect(error.message).toContain(`- ${key} `);
    expect(error.message).toContain(`-c ${key}=<value>`);
  });

  it('says the certificate must be in us-east-1 and names the environment variable it came from', () => {
    const error = problemsFor(
      {},
      {
        PCM_PORTAL_DOMAIN_NAME: 'reports.example.org',
        PCM_PORTAL_CERTIFICATE_ARN: CERTIFICATE.replace('us-east-1', 'eu-west-2'),
      },
    );
    expect(error.problems).toEqual([
      expect.objectContaining({
        key: 'portalCertificateArn',
        source: 'environment variable PCM_PORTAL_CERTIFICATE_ARN',
      }),
    ]);
    expect(error.message).toContain('an ACM certificate in us-east-1');
  });

  it('lists every wrong key in one error', () => {
    const error = problemsFor({ portalSesIdentity: 'both', portalAuthDomainPrefix: 'aws-login' });
    expect(error.problems.map((p) => p.key)).toEqual(['portalAuthDomainPrefix', 'portalSesIdentity']);
    expect(error.message).toContain('has 2 problems');
  });

  it('accepts linkExpiryDays from an existing cdk.json or PCM_LINK_EXPIRY_DAYS with a deprecation, not a failure', () => {
    expect(loadPortalConfig(contextOf({ linkExpiryDays: 7 }), {}).deprecations).toEqual([LINK_EXPIRY_DEPRECATION]);
    expect(loadPortalConfig(contextOf({}), { PCM_LINK_EXPIRY_DAYS: '5' }).deprecations).toEqual([
      LINK_EXPIRY_DEPRECATION,
    ]);
    expect(loadStackConfig(contextOf({ linkExpiryDays: 5 }), {})).toMatchObject({
      linkExpiryDays: 5,
      portal: { deprecations: [LINK_EXPIRY_DEPRECATION] },
    });
  });
});
