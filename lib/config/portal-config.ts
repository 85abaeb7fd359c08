/**
 * Report portal settings for the CDK app (SPEC §4.5, §5): custom domain and certificate, the hosted-UI domain prefix,
 * the SES identity Cognito sends from, and optional federation to the ICB's identity provider. Read from CDK context
 * (cdk.json "context" or `-c key=value`), falling back to PCM_PORTAL_* environment variables. Every problem is
 * collected before failing, each naming its key, what was found and what is expected.
 */

/** Sign-in through the ICB's OpenID Connect provider (e.g. Microsoft Entra ID). */
export interface PortalOidcFederation {
  readonly type: 'oidc';
  /** Provider name shown on the hosted UI, 3 to 32 letters, digits, `.`, `_` or `-`. */
  readonly name: string;
  /** The provider's issuer, https://…; Cognito discovers its endpoints from there. */
  readonly issuerUrl: string;
  /** The client id registered for the portal at the provider. */
  readonly clientId: string;
  /** Name of the Secrets Manager secret (plain text) holding the client secret; resolved at deploy time. */
  readonly clientSecretName: string;
}

/** Sign-in through the ICB's SAML 2.0 provider (e.g. NHSmail, ADFS). */
export interface PortalSamlFederation {
  readonly type: 'saml';
  /** Provider name shown on the hosted UI, 3 to 32 letters, digits, `.`, `_` or `-`. */
  readonly name: string;
  /** https URL of the provider's SAML metadata document. */
  readonly metadataUrl: string;
}

export type PortalFederation = PortalOidcFederation | PortalSamlFederation;

/** The validated portal settings. Each property documents its context key's default. */
export interface PortalConfig {
  /** `portalDomainName`: the portal's own domain, e.g. `reports.example-icb.nhs.uk`. Default: none (the CloudFront domain). */
  readonly domainName?: string;
  /** `portalCertificateArn`: ACM certificate in us-east-1 covering domainName. Required with domainName. Default: none. */
  readonly certificateArn?: string;
  /** `portalAuthDomainPrefix`: hosted-UI domain prefix. Default: none (the construct uses `pcm-reporter-<account id>`). */
  readonly authDomainPrefix?: string;
  /**
   * `portalSesIdentity`: the SES identity Cognito sends invitations from, `domain` (the sender address's domain is
   * verified in SES) or `address` (the address itself is). Default `domain`.
   */
  readonly sesIdentity: 'domain' | 'address';
  /** `portalFederation`: optional OIDC or SAML identity provider. Default: none (Cognito users only). */
  readonly federation?: PortalFederation;
  /** Settings that are still accepted but no longer used; shown once as a warning at synth. */
  readonly deprecations: readonly string[];
}

/** The context keys read here and the environment variable read when each is absent. */
export const PORTAL_CONFIG_ENV_VARS = {
  portalDomainName: 'PCM_PORTAL_DOMAIN_NAME',
  portalCertificateArn: 'PCM_PORTAL_CERTIFICATE_ARN',
  portalAuthDomainPrefix: 'PCM_PORTAL_AUTH_DOMAIN_PREFIX',
  portalSesIdentity: 'PCM_PORTAL_SES_IDENTITY',
  portalFederation: 'PCM_PORTAL_FEDERATION',
} as const;

export type PortalConfigKey = keyof typeof PORTAL_CONFIG_ENV_VARS;

/** One wrong portal setting: which key, what was found, what is expected, where it came from. */
export interface PortalConfigProblem {
  readonly key: PortalConfigKey;
  readonly problem: string;
  readonly expected: string;
  readonly source: string;
}

/** Every problem in the portal settings; thrown before any resource is defined. */
export class PortalConfigError extends Error {
  override readonly name = 'PortalConfigError';
  constructor(readonly problems: readonly PortalConfigProblem[]) {
    super(describeProblems(problems));
  }
}

/** The deprecation shown when an existing cdk.json still sets linkExpiryDays (emails used to carry presigned URLs). */
export const LINK_EXPIRY_DEPRECATION =
  'linkExpiryDays is deprecated: practice emails now link to the practice page of the report portal, which needs ' +
  'no expiry (the page stays while the gap list is kept). The value is accepted but no longer shapes the emails; ' +
  'remove it from cdk.json "context" (or PCM_LINK_EXPIRY_DAYS).';

const DOMAIN_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const CLOUDFRONT_CERTIFICATE_ARN = /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/;
const AUTH_DOMAIN_PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const RESERVED_IN_PREFIX = /aws|amazon|cognito/;
const PROVIDER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{1,30}[A-Za-z0-9]$/;
const RESERVED_PROVIDER_NAMES = ['cognito', 'google', 'facebook', 'loginwithamazon', 'signinwithapple'];
const CLIENT_ID = /^[\x21-\x7e]{1,255}$/;
const SECRET_NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/;

/** Reads one context key (`app.node.tryGetContext`); undefined when absent. */
type ContextReader = (key: string) => unknown;

/** Reads and validates the portal settings; throws one PortalConfigError listing every problem. */
export function loadPortalConfig(
  readContext: ContextReader,
  env: Readonly<Record<string, string | undefined>> = {},
): PortalConfig {
  const check = new PortalSettingsCheck(readContext, env);
  const domainName = check.domainName();
  const certificateArn = check.certificateArn();
  if ((domainName === undefined) !== (certificateArn === undefined)) {
    const missing: PortalConfigKey = domainName === undefined ? 'portalDomainName' : 'portalCertificateArn';
    check.fail(missing, 'is not set', 'portalDomainName and portalCertificateArn set together, or neither');
  }
  const linkExpirySet = readContext('linkExpiryDays') !== undefined || (env.PCM_LINK_EXPIRY_DAYS ?? '').trim() !== '';
  return check.done({
    domainName,
    certificateArn,
    authDomainPrefix: check.authDomainPrefix(),
    sesIdentity: check.sesIdentity(),
    federation: check.federation(),
    deprecations: linkExpirySet ? [LINK_EXPIRY_DEPRECATION] : [],
  });
}

class PortalSettingsCheck {
  private readonly problems: PortalConfigProblem[] = [];

  constructor(
    private readonly readContext: ContextReader,
    private readonly env: Readonly<Record<string, string | undefined>>,
  ) {}

  domainName(): string | undefined {
    const text = this.text('portalDomainName');
    if (text === undefined) return undefined;
    const labels = text.split('.');
    if (text.length > 253 || labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) {
      this.fail('portalDomainName', `is ${quote(text)}`, 'a lower-case domain name such as reports.example-icb.nhs.uk');
    }
    return text;
  }

  certificateArn(): string | undefined {
    const text = this.text('portalCertificateArn');
    if (text !== undefined && !CLOUDFRONT_CERTIFICATE_ARN.test(text)) {
      this.fail(
        'portalCertificateArn',
        `is ${quote(text)}`,
        'the ARN of an ACM certificate in us-east-1 (CloudFront only uses certificates from that region), e.g. ' +
          'arn:aws:acm:us-east-1:123456789012:certificate/<id>',
      );
    }
    return text;
  }

  authDomainPrefix(): string | undefined {
    const text = this.text('portalAuthDomainPrefix');
    if (text !== undefined && (!AUTH_DOMAIN_PREFIX.test(text) || RESERVED_IN_PREFIX.test(text))) {
      this.fail(
        'portalAuthDomainPrefix',
        `is ${quote(text)}`,
        'a prefix of 1 to 63 lower-case letters, digits and hyphens, not containing aws, amazon or cognito, ' +
          'e.g. example-icb-reports',
      );
    }
    return text;
  }

  sesIdentity(): 'domain' | 'address' {
    const text = this.text('portalSesIdentity') ?? 'domain';
    if (text === 'domain' || text === 'address') return text;
    this.fail(
      'portalSesIdentity',
      `is ${quote(text)}`,
      '"domain" (the sender address\'s domain is verified in SES) or "address" (the address itself is)',
    );
    return 'domain';
  }

  federation(): PortalFederation | undefined {
    const key = 'portalFederation';
    const { value } = this.raw(key);
    if (value === undefined || value === '') return undefined;
    const expected =
      '{"type":"oidc","name":"EntraID","issuerUrl":"https://…","clientId":"…","clientSecretName":"…"} or ' +
      '{"type":"saml","name":"NHSmail","metadataUrl":"https://…"}';
    const parsed = typeof value === 'string' ? parseJson(value) : value;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      this.fail(key, 'is not an object', expected);
      return undefined;
    }
    const fields = parsed as Record<string, unknown>;
    const bad = (field: string, what: string) => this.fail(key, `has ${field} ${quote(fields[field])}`, what);
    const name = typeof fields.name === 'string' ? fields.name : '';
    if (!PROVIDER_NAME.test(name) || RESERVED_PROVIDER_NAMES.includes(name.toLowerCase())) {
      bad('name', 'a provider name of 3 to 32 letters, digits, ".", "_" or "-" (not Cognito, Google, Facebook…)');
    }
    if (fields.type === 'oidc') {
      const { issuerUrl, clientId, clientSecretName } = fields;
      if (!isHttpsUrl(issuerUrl)) bad('issuerUrl', 'the https URL of the OIDC issuer');
      if (typeof clientId !== 'string' || !CLIENT_ID.test(clientId)) bad('clientId', 'the client id, no spaces');
      if (typeof clientSecretName !== 'string' || !SECRET_NAME.test(clientSecretName)) {
        bad('clientSecretName', 'the name of a Secrets Manager secret holding the client secret');
      }
      return {
        type: 'oidc',
        name,
        issuerUrl: String(issuerUrl),
        clientId: String(clientId),
        clientSecretName: String(clientSecretName),
      };
    }
    if (fields.type === 'saml') {
      if (!isHttpsUrl(fields.metadataUrl)) bad('metadataUrl', 'the https URL of the SAML metadata document');
      return { type: 'saml', name, metadataUrl: String(fields.metadataUrl) };
    }
    bad('type', `"oidc" or "saml": ${expected}`);
    return undefined;
  }

  fail(key: PortalConfigKey, problem: string, expected: string): void {
    this.problems.push({ key, problem, expected, source: this.raw(key).source });
  }

  done(config: PortalConfig): PortalConfig {
    if (this.problems.length > 0) throw new PortalConfigError(this.problems);
    return Object.freeze(config);
  }

  /** A trimmed string setting; undefined when unset or empty. Non-strings are reported. */
  private text(key: PortalConfigKey): string | undefined {
    const { value } = this.raw(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      this.fail(key, `is ${quote(value)}`, 'a text value');
      return undefined;
    }
    return value.trim() === '' ? undefined : value.trim();
  }

  private raw(key: PortalConfigKey): { value: unknown; source: string } {
    const fromContext = this.readContext(key);
    if (fromContext !== undefined) return { value: fromContext, source: 'context' };
    const variable = PORTAL_CONFIG_ENV_VARS[key];
    const fromEnv = this.env[variable];
    if (fromEnv !== undefined && fromEnv.trim() !== '')
      return { value: fromEnv, source: `environment variable ${variable}` };
    return { value: undefined, source: 'default' };
  }
}

function isHttpsUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.includes('.') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function quote(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function describeProblems(problems: readonly PortalConfigProblem[]): string {
  const lines = problems.map(
    (p) =>
      `  - ${p.key} ${p.problem} (from ${p.source}). Expected ${p.expected}. ` +
      `Set "${p.key}" in cdk.json "context", pass -c ${p.key}=<value>, or set ${PORTAL_CONFIG_ENV_VARS[p.key]}.`,
  );
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return `The pcm-reporter report portal configuration has ${count}:\n${lines.join('\n')}`;
}
