import { Aws, Duration, RemovalPolicy, SecretValue } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  ProviderAttribute,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
  UserPoolEmail,
  UserPoolIdentityProviderOidc,
  UserPoolIdentityProviderSaml,
  UserPoolIdentityProviderSamlMetadata,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { PortalFederation } from '../config/portal-config';
import { acknowledgeFinding } from '../nag/acknowledge';

/** The portal's roles (SPEC §4.5), one Cognito group each; precedence orders them when a user is in several. */
export const PORTAL_GROUPS = [
  { groupName: 'admin', description: 'Analyst rights plus the practice directory, invitations and the audit log' },
  { groupName: 'analyst', description: 'Every period: ICB workbook, tidy CSV, charts, Data quality (no gap lists)' },
  { groupName: 'practice', description: 'Only the practices (ODS codes) in the custom:practices attribute' },
] as const;

/** Custom attribute with the comma-separated ODS codes a practice user may see (`custom:practices` in tokens). */
export const PRACTICES_ATTRIBUTE = 'practices';

/** Where the hosted UI sends the authorization code; the portal app serves this path. */
export const CALLBACK_PATH = '/auth/callback';

/** Email claim of a SAML assertion (Microsoft Entra ID, ADFS and NHSmail send it under this name). */
const SAML_EMAIL_CLAIM = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress';

export interface PortalUserPoolProps {
  /** SES-verified From address of the invitation emails (the stack's senderAddress). */
  readonly senderAddress: string;
  /** Whether SES has the sender address's domain or the address itself verified. */
  readonly sesIdentity: 'domain' | 'address';
  /** Hosted-UI domain prefix. Default: `pcm-reporter-<account id>`. */
  readonly authDomainPrefix?: string;
  /** Optional OIDC or SAML identity provider. Default: Cognito users only. */
  readonly federation?: PortalFederation;
  /** ICB name, shown in the invitation email. */
  readonly icbName: string;
  /** The portal's https base URL without a trailing slash (callback and sign-out URLs, invitation text). */
  readonly portalBaseUrl: string;
}

/**
 * Sign-in for the report portal: a Cognito user pool where only admins create users (no self sign-up), TOTP MFA is
 * required and passwords are strong; invitations are sent through SES as the stack's sender; groups carry the roles
 * and `custom:practices` the ODS codes. One app client for the portal and a hosted-UI domain.
 */
export class PortalUserPool extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: PortalUserPoolProps) {
    super(scope, id);
    const senderDomain = props.senderAddress.split('@').pop();
    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: `${Aws.STACK_NAME}-portal-users`,
      featurePlan: FeaturePlan.ESSENTIALS,
      selfSignUpEnabled: false,
      signInAliases: { email: true, username: false },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: { [PRACTICES_ATTRIBUTE]: new StringAttribute({ minLen: 0, maxLen: 2048, mutable: true }) },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(7),
        passwordHistorySize: 5,
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      email: UserPoolEmail.withSES({
        fromEmail: props.senderAddress,
        fromName: `${props.icbName} reports`,
        // The stack is environment-agnostic: SES in the stack's own region, resolved at deploy time.
        sesRegion: Aws.REGION,
        sesVerifiedDomain: props.sesIdentity === 'domain' ? senderDomain : undefined,
      }),
      userInvitation: {
        emailSubject: `Your ${props.icbName} report portal account`,
        emailBody:
          `<p>An administrator has created your account for the ${props.icbName} report portal.</p>` +
          `<p>Sign in at ${props.portalBaseUrl}/ with your email address {username} and the temporary password ` +
          '{####}. You will choose your own password and set up an authenticator app (MFA) the first time.</p>',
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    acknowledgeFinding(
      this.userPool,
      'AwsSolutions-COG8',
      'The Essentials plan covers this pool: users are created by ICB admins only, TOTP MFA is required and ' +
        'passwords are long with history; the Plus plan adds threat protection at a per-user monthly cost and is ' +
        'one featurePlan change away if the ICB wants it.',
    );

    PORTAL_GROUPS.forEach((group, precedence) => {
      this.userPool.addGroup(`${group.groupName}Group`, { ...group, precedence });
    });

    this.domain = this.userPool.addDomain('HostedUiDomain', {
      cognitoDomain: { domainPrefix: props.authDomainPrefix ?? `pcm-reporter-${Aws.ACCOUNT_ID}` },
    });

    const federated = props.federation ? this.addFederation(props.federation) : undefined;
    this.client = this.userPool.addClient('PortalClient', {
      // A public client (no secret) with PKCE: the portal's contract has no secret variable to carry one, the code
      // exchange is bound to the PKCE verifier kept in the portal's session cookie, and every token is verified by
      // signature, issuer and client id. A secret would sit in the function's environment for no added protection.
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${props.portalBaseUrl}${CALLBACK_PATH}`],
        logoutUrls: [`${props.portalBaseUrl}/`],
      },
      supportedIdentityProviders: [
        UserPoolClientIdentityProvider.COGNITO,
        ...(federated ? [UserPoolClientIdentityProvider.custom(federated.name)] : []),
      ],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true })
        .withCustomAttributes(PRACTICES_ATTRIBUTE),
      // Users may not write custom:practices, or a practice user could grant themselves another practice. Email
      // stays writable because federated sign-in updates it from the identity provider on every sign-in.
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true }),
    });
    if (federated) this.client.node.addDependency(federated.provider);
  }

  private addFederation(federation: PortalFederation): { name: string; provider: Construct } {
    if (federation.type === 'oidc') {
      const provider = new UserPoolIdentityProviderOidc(this, 'OidcProvider', {
        userPool: this.userPool,
        name: federation.name,
        issuerUrl: federation.issuerUrl,
        clientId: federation.clientId,
        // A CloudFormation dynamic reference: the secret is read at deploy time and never written to the template.
        clientSecret: SecretValue.secretsManager(federation.clientSecretName).unsafeUnwrap(),
        scopes: ['openid', 'email', 'profile'],
        attributeMapping: { email: ProviderAttribute.other('email') },
      });
      return { name: federation.name, provider };
    }
    const provider = new UserPoolIdentityProviderSaml(this, 'SamlProvider', {
      userPool: this.userPool,
      name: federation.name,
      metadata: UserPoolIdentityProviderSamlMetadata.url(federation.metadataUrl),
      attributeMapping: { email: ProviderAttribute.other(SAML_EMAIL_CLAIM) },
    });
    return { name: federation.name, provider };
  }
}
