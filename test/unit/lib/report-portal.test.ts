import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { LINK_EXPIRY_DEPRECATION } from '../../../lib/config/portal-config';
import { synthForTest } from './synth-for-test';

// Two syntheses: the defaults (CloudFront domain, no federation), and a custom domain with OIDC federation (and
// disclosure control on).
const { stack, template } = synthForTest();
const CERTIFICATE = 'arn:aws:acm:us-east-1:123456789012:certificate/0f8e1c2a-4b3d-4e5f-8a9b-0c1d2e3f4a5b';
const custom = synthForTest({
  portalDomainName: 'reports.example-icb.nhs.uk',
  portalCertificateArn: CERTIFICATE,
  portalAuthDomainPrefix: 'example-icb-reports',
  portalFederation: {
    type: 'oidc',
    name: 'EntraID',
    issuerUrl: 'https://login.example.org/tenant/v2.0',
    clientId: 'portal-client',
    clientSecretName: 'pcm-reporter/entra-client-secret',
  },
  linkExpiryDays: 7,
  suppressSmallNumbers: true,
});

type Element = Parameters<typeof stack.getLogicalId>[0];
const logicalId = (construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(construct.node.defaultChild as Element);
const only = <T>(resources: Record<string, T>): T => {
  const values = Object.values(resources);
  expect(values.length).toBe(1);
  return values[0] as T;
};
// biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON
type Json = any;

const distributionId = logicalId(stack.portal.site.distribution);
const distributionDomain = { 'Fn::GetAtt': [distributionId, 'DomainName'] };

describe('portal user pool', () => {
  const pool = () => only(template.findResources('AWS::Cognito::UserPool')).Properties;

  it('lets only admins create users, requires TOTP MFA and a strong password', () => {
    expect(pool().AdminCreateUserConfig.AllowAdminCreateUserOnly).toBe(true);
    expect(pool().MfaConfiguration).toBe('ON');
    expect(pool().EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(pool().Policies.PasswordPolicy).toEqual({
      MinimumLength: 14,
      RequireLowercase: true,
      RequireUppercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
      TemporaryPasswordValidityDays: 7,
      PasswordHistorySize: 5,
    });
    expect(pool().UsernameAttributes).toEqual(['email']);
  });

  it('sends its email through SES as the configured sender, from the verified sender domain', () => {
    expect(pool().EmailConfiguration).toEqual({
      EmailSendingAccount: 'DEVELOPER',
      From: 'NHS Example Integrated Care Board reports <pcm-reports@example.org>',
      SourceArn: {
        'Fn::Join': [
          '',
          [
            'arn:',
            { Ref: 'AWS::Partition' },
            ':ses:',
            { Ref: 'AWS::Region' },
            ':',
            { Ref: 'AWS::AccountId' },
            ':identity/example.org',
          ],
        ],
      },
    });
  });

  it('has a mutable custom practices attribute and the three role groups', () => {
    expect(pool().Schema).toContainEqual({
      AttributeDataType: 'String',
      Mutable: true,
      Name: 'practices',
      StringAttributeConstraints: { MaxLength: '2048', MinLength: '0' },
    });
    const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup')).map((g) => [
      g.Properties.GroupName,
      g.Properties.Precedence,
    ]);
    expect(groups.sort()).toEqual([
      ['admin', 0],
      ['analyst', 1],
      ['practice', 2],
    ]);
  });

  it('has one public app client: code grant (PKCE), callback on the portal, users cannot write custom:practices', () => {
    const client = only(template.findResources('AWS::Cognito::UserPoolClient')).Properties;
    expect(client).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      CallbackURLs: [{ 'Fn::Join': ['', ['https://', distributionDomain, '/auth/callback']] }],
      SupportedIdentityProviders: ['COGNITO'],
      PreventUserExistenceErrors: 'ENABLED',
      ReadAttributes: ['custom:practices', 'email', 'email_verified'],
      WriteAttributes: ['email'],
      IdTokenValidity: 60,
      AccessTokenValidity: 60,
    });
  });

  it('takes the hosted-UI prefix from context, and federates to the configured OIDC provider', () => {
    custom.template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'example-icb-reports' });
    custom.template.hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderName: 'EntraID',
      ProviderType: 'OIDC',
      ProviderDetails: Match.objectLike({
        client_id: 'portal-client',
        client_secret: '{{resolve:secretsmanager:pcm-reporter/entra-client-secret:SecretString:::}}',
        oidc_issuer: 'https://login.example.org/tenant/v2.0',
      }),
    });
    const client = only(custom.template.findResources('AWS::Cognito::UserPoolClient'));
    expect(client.Properties.SupportedIdentityProviders).toEqual(['COGNITO', 'EntraID']);
    expect(client.Properties.CallbackURLs).toEqual(['https://reports.example-icb.nhs.uk/auth/callback']);
  });
});

describe('portal distribution', () => {
  const config = (t: typeof template): Json =>
    only(t.findResources('AWS::CloudFront::Distribution')).Properties.DistributionConfig;

  it('redirects HTTP to HTTPS, caches nothing and forwards every viewer header but Host to the API over TLS 1.2', () => {
    expect(config(template).DefaultCacheBehavior).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // Managed-AllViewerExceptHostHeader
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
    });
    expect(config(template).Origins[0].CustomOriginConfig).toEqual({
      OriginProtocolPolicy: 'https-only',
      OriginSSLProtocols: ['TLSv1.2'],
      OriginReadTimeout: 30,
    });
  });

  it('writes access logs to the access-logs bucket', () => {
    expect(config(template).Logging).toEqual({
      Bucket: { 'Fn::GetAtt': [logicalId(stack.accessLogsBucket), 'RegionalDomainName'] },
      Prefix: 'portal-cloudfront/',
    });
  });

  it('adds HSTS, the strict CSP, no framing, nosniff and a same-origin referrer policy to every response', () => {
    const policy = only(template.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    expect(policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig).toEqual({
      StrictTransportSecurity: { AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Override: true },
      ContentSecurityPolicy: {
        ContentSecurityPolicy:
          "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        Override: true,
      },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ContentTypeOptions: { Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'same-origin', Override: true },
    });
    expect(config(template).DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({
      Ref: stack.getLogicalId(stack.portal.site.headersPolicy.node.defaultChild as Element),
    });
  });

  it('uses the default certificate without a custom domain', () => {
    expect(config(template).ViewerCertificate).toBeUndefined();
    expect(config(template).Aliases).toBeUndefined();
  });

  it('serves the custom domain from context with its us-east-1 certificate, TLS 1.2 or later, SNI', () => {
    expect(config(custom.template).Aliases).toEqual(['reports.example-icb.nhs.uk']);
    expect(config(custom.template).ViewerCertificate).toEqual({
      AcmCertificateArn: CERTIFICATE,
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
  });
});

describe('portal function', () => {
  const portalFunctionId = logicalId(stack.portal.portalFunction.function);
  const environment = (t: typeof template, id: string): Json =>
    t.findResources('AWS::Lambda::Function')[id]?.Properties.Environment.Variables;

  it('gets exactly the environment the portal reads, with the portal URL and Cognito ids', () => {
    const poolId = logicalId(stack.portal.users.userPool);
    expect(environment(template, portalFunctionId)).toEqual({
      REPORTS_BUCKET: { Ref: logicalId(stack.reportsBucket) },
      TABLE_NAME: { Ref: logicalId(stack.table) },
      ICB_NAME: 'NHS Example Integrated Care Board',
      GAP_LIST_RETENTION_DAYS: '90',
      SUPPRESS_SMALL_NUMBERS: 'false',
      USER_POOL_ID: { Ref: poolId },
      USER_POOL_CLIENT_ID: { Ref: logicalId(stack.portal.users.client) },
      COGNITO_DOMAIN: {
        'Fn::Join': [
          '',
          [
            'https://',
            { Ref: logicalId(stack.portal.users.domain) },
            '.auth.',
            { Ref: 'AWS::Region' },
            '.amazoncognito.com',
          ],
        ],
      },
      PORTAL_BASE_URL: { 'Fn::Join': ['', ['https://', distributionDomain]] },
      POWERTOOLS_SERVICE_NAME: 'pcm-reporter-portal',
      LOG_LEVEL: 'info',
      NODE_OPTIONS: '--enable-source-maps',
      PORTAL_ASSETS_DIR: '/var/task/nhsuk',
    });
  });

  it('uses the custom domain as the portal URL, for the portal and for the emails that link to it', () => {
    const id = custom.stack.getLogicalId(custom.stack.portal.portalFunction.function.node.defaultChild as Element);
    expect(environment(custom.template, id).PORTAL_BASE_URL).toBe('https://reports.example-icb.nhs.uk');
    const notifyId = custom.stack.getLogicalId(
      custom.stack.monthlyReport.notifyFunction.function.node.defaultChild as Element,
    );
    expect(environment(custom.template, notifyId).PORTAL_BASE_URL).toBe('https://reports.example-icb.nhs.uk');
  });

  it("gets the deployment's disclosure control setting, the same value the report and notify functions get", () => {
    const id = custom.stack.getLogicalId(custom.stack.portal.portalFunction.function.node.defaultChild as Element);
    expect(environment(custom.template, id).SUPPRESS_SMALL_NUMBERS).toBe('true');
    const reportId = custom.stack.getLogicalId(
      custom.stack.monthlyReport.reportFunction.function.node.defaultChild as Element,
    );
    expect(environment(custom.template, reportId).SUPPRESS_SMALL_NUMBERS).toBe('true');
  });

  it('is reached through an HTTP API with access logs and throttling on its $default stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: { 'Fn::GetAtt': [portalFunctionId, 'Arn'] },
      PayloadFormatVersion: '2.0',
    });
    const stage = only(template.findResources('AWS::ApiGatewayV2::Stage')).Properties;
    expect(stage).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [logicalId(stack.portal.api.accessLogGroup), 'Arn'] } },
    });
  });
});

describe('audit items', () => {
  it('expire through DynamoDB TTL on expiresAt', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });
});

describe('deprecated linkExpiryDays', () => {
  it('is accepted with one synth warning, and without it there is none', () => {
    const warnings = Annotations.fromStack(custom.stack).findWarning('*', Match.stringLikeRegexp('linkExpiryDays'));
    expect(warnings.map((w) => String(w.entry.data).startsWith(LINK_EXPIRY_DEPRECATION))).toEqual([true]);
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('linkExpiryDays'))).toEqual([]);
  });
});
