/**
 * Deployment settings for the CDK app: read once from CDK context (cdk.json "context" or `-c key=value`), falling back
 * to PCM_* environment variables and then to defaults that make a fresh clone synthesise. Every problem is collected
 * before failing, so one `cdk synth` names every wrong key, what it should be and where to set it.
 */

import { parseUserMapping } from '../../lambdas/core/fields/parse-user-mapping';
import { parseValueMapping } from '../../lambdas/core/fields/parse-value-mapping';
import { isDomainName } from '../../lambdas/core/values/domain-name';
import { isValidEmail } from '../../lambdas/core/values/email-address';
import { SETTING_DEFAULTS } from '../../lambdas/defaults';
import { SETTING_RULES } from '../../lambdas/settings/setting-rules';
import { loadPortalConfig, PORTAL_CONFIG_ENV_VARS, type PortalConfig } from './portal-config';
import { unknownContextKeys } from './unknown-context-keys';

/** The validated deployment settings. Each property documents its context key's default. */
export interface DeployConfig {
  /** ICB name shown in reports and emails. Default `NHS Example Integrated Care Board`. */
  readonly icbName: string;
  /** EventBridge Scheduler cron expression, evaluated in Europe/London. Default `cron(0 6 2 * ? *)` (06:00 on the 2nd). */
  readonly reportSchedule: string;
  /** SES-verified From address for practice emails. Default `pcm-reports@example.org` (replace before deploying). */
  readonly senderAddress: string;
  /** Days before raw exports (and quarantined copies) expire. Default 30. */
  readonly exportRetentionDays: number;
  /** Days before gap lists and staged gap-list rows (patient data) expire. Default 90. */
  readonly gapListRetentionDays: number;
  /**
   * Recipient domains that may receive the gap list as an attachment instead of a link. Default `['nhs.net']`;
   * `[]` (or `none`) sends links only.
   */
  readonly attachmentDomains: readonly string[];
  /** Cost of one SMS fragment in GBP, before VAT. Default 0.024 (NHS Notify's list price from 1 April 2026). */
  readonly smsCostPerFragmentGbp: number;
  /** QOF invitations per patient per year. Default 2. */
  readonly smsInvitesPerYear: number;
  /** SMS fragments per invitation. Default 1. */
  readonly smsFragmentsPerInvite: number;
  /** VAT added to the SMS cost, 0 to 1. Default 0.2 (GP practices have had no free SMS allowance since April 2024). */
  readonly smsVatRate: number;
  /**
   * Header → field for exports whose columns the aliases do not cover, e.g. `{"fields": {"Pt Mob": "mobile"}}`
   * (docs/column-mapping.md), checked at synth. Default: none.
   */
  readonly columnMapping?: Readonly<Record<string, unknown>>;
  /**
   * The ICB's own vocabulary (SPEC §2.3c), e.g. `{"preferredContactMethod": {"Txt msg": "sms"}}`, checked at synth.
   * Default: none.
   */
  readonly valueMapping?: Readonly<Record<string, unknown>>;
  /**
   * Disclosure control (SPEC §3) on every aggregate output: the workbook, the CSVs and the portal's pages. Default
   * false (the ICB's own copies, exact).
   */
  readonly suppressSmallNumbers: boolean;
  /** Email address subscribed to the alarm topic. Default: none (subscribe later). */
  readonly alarmEmail?: string;
  /** Days a gap-list link stays valid, 1 to 7 (SigV4 presigned URLs cannot exceed 7 days). Default 7. */
  readonly linkExpiryDays: number;
  /** The person or team at the ICB named in every practice email as the one to ask. Default: none. */
  readonly icbContactName?: string;
  /** Their address: the practice emails' Reply-To. Default: none (replies go to senderAddress). */
  readonly icbContactEmail?: string;
}

/** One wrong setting: which key, what was found, what is expected. */
export interface DeployConfigProblem {
  readonly key: keyof DeployConfig;
  readonly problem: string;
  readonly expected: string;
  /** Where the value came from, e.g. `context` or `environment variable PCM_ICB_NAME`. */
  readonly source: string;
}

/** Every problem in the deployment configuration; thrown before any resource is defined. */
export class DeployConfigError extends Error {
  override readonly name = 'DeployConfigError';
  constructor(
    readonly problems: readonly DeployConfigProblem[],
    /** Context keys that are neither this project's nor CDK's, e.g. "unknown key 'icbNmae' — did you mean 'icbName'?". */
    readonly unknownKeys: readonly string[] = [],
  ) {
    super(describeProblems(problems, unknownKeys));
  }
}

/** Defaults used when neither the context key nor its environment variable is set. */
export const DEPLOY_CONFIG_DEFAULTS = {
  icbName: SETTING_DEFAULTS.icbName,
  reportSchedule: 'cron(0 6 2 * ? *)',
  senderAddress: SETTING_DEFAULTS.senderAddress,
  exportRetentionDays: 30,
  gapListRetentionDays: SETTING_DEFAULTS.gapListRetentionDays,
  attachmentDomains: SETTING_DEFAULTS.attachmentDomains,
  smsCostPerFragmentGbp: SETTING_DEFAULTS.smsCostPerFragmentGbp,
  smsInvitesPerYear: SETTING_DEFAULTS.smsInvitesPerYear,
  smsFragmentsPerInvite: SETTING_DEFAULTS.smsFragmentsPerInvite,
  smsVatRate: SETTING_DEFAULTS.smsVatRate,
  columnMapping: undefined,
  valueMapping: undefined,
  suppressSmallNumbers: false,
  alarmEmail: undefined,
  linkExpiryDays: SETTING_DEFAULTS.linkExpiryDays,
  icbContactName: undefined,
  icbContactEmail: undefined,
} as const satisfies Record<keyof DeployConfig, unknown>;

/** The environment variable read when a context key is absent. */
export const DEPLOY_CONFIG_ENV_VARS = {
  icbName: 'PCM_ICB_NAME',
  reportSchedule: 'PCM_REPORT_SCHEDULE',
  senderAddress: 'PCM_SENDER_ADDRESS',
  exportRetentionDays: 'PCM_EXPORT_RETENTION_DAYS',
  gapListRetentionDays: 'PCM_GAP_LIST_RETENTION_DAYS',
  attachmentDomains: 'PCM_ATTACHMENT_DOMAINS',
  smsCostPerFragmentGbp: 'PCM_SMS_COST_PER_FRAGMENT_GBP',
  smsInvitesPerYear: 'PCM_SMS_INVITES_PER_YEAR',
  smsFragmentsPerInvite: 'PCM_SMS_FRAGMENTS_PER_INVITE',
  smsVatRate: 'PCM_SMS_VAT_RATE',
  columnMapping: 'PCM_COLUMN_MAPPING',
  valueMapping: 'PCM_VALUE_MAPPING',
  suppressSmallNumbers: 'PCM_SUPPRESS_SMALL_NUMBERS',
  alarmEmail: 'PCM_ALARM_EMAIL',
  linkExpiryDays: 'PCM_LINK_EXPIRY_DAYS',
  icbContactName: 'PCM_ICB_CONTACT_NAME',
  icbContactEmail: 'PCM_ICB_CONTACT_EMAIL',
} as const satisfies Record<keyof DeployConfig, string>;

/** Reads one context key (`app.node.tryGetContext`); undefined when absent. */
export type ContextReader = (key: string) => unknown;

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const CRON = /^cron\(([^()]+)\)$/;
const CRON_FIELD = /^[0-9A-Za-z*?,/#-]+$/;
const SPACES = /\s+/;

/**
 * Reads and validates every setting. Context wins over the environment variable, which wins over the default.
 * `contextKeys` (every key in the app's context) are checked against this project's keys, CDK's own left alone.
 * Throws one DeployConfigError listing every problem.
 */
export function loadDeployConfig(
  readContext: ContextReader,
  env: Readonly<Record<string, string | undefined>> = {},
  contextKeys: readonly string[] = [],
): DeployConfig {
  const check = new SettingsCheck(readContext, env, unknownContextKeys(contextKeys, projectContextKeys()));
  const exportRetentionDays = check.integer('exportRetentionDays', 1, 3650, 'days');
  const gapListRetentionDays = check.integer('gapListRetentionDays', 1, 3650, 'days');
  const linkExpiryDays = check.shared('linkExpiryDays');
  if (gapListRetentionDays < linkExpiryDays) {
    check.report('gapListRetentionDays', {
      problem: `is ${gapListRetentionDays}, shorter than linkExpiryDays (${linkExpiryDays})`,
      expected: 'at least linkExpiryDays, so a link in an email never points at an expired gap list',
    });
  }
  const config: DeployConfig = {
    icbName: check.name('icbName'),
    reportSchedule: check.cron('reportSchedule'),
    senderAddress: check.email('senderAddress'),
    exportRetentionDays,
    gapListRetentionDays,
    attachmentDomains: check.domains('attachmentDomains'),
    smsCostPerFragmentGbp: check.shared('smsCostPerFragmentGbp'),
    smsInvitesPerYear: check.shared('smsInvitesPerYear'),
    smsFragmentsPerInvite: check.shared('smsFragmentsPerInvite'),
    smsVatRate: check.shared('smsVatRate'),
    columnMapping: check.mapping('columnMapping', columnMappingProblems),
    valueMapping: check.mapping('valueMapping', valueMappingProblems),
    suppressSmallNumbers: check.flag('suppressSmallNumbers'),
    alarmEmail: check.optionalEmail('alarmEmail'),
    linkExpiryDays,
    icbContactName: check.optionalShared('icbContactName'),
    icbContactEmail: check.optionalShared('icbContactEmail'),
  };
  return check.done(config);
}

interface RawValue {
  value: unknown;
  source: string;
  isDefault: boolean;
}

class SettingsCheck {
  private readonly problems: DeployConfigProblem[] = [];

  constructor(
    private readonly readContext: ContextReader,
    private readonly env: Readonly<Record<string, string | undefined>>,
    private readonly unknownKeys: readonly string[],
  ) {}

  report(key: keyof DeployConfig, found: { problem: string; expected: string }): void {
    this.problems.push({ key, ...found, source: this.raw(key).source });
  }

  name(key: 'icbName'): string {
    const { value } = this.raw(key);
    const text = typeof value === 'string' ? value.trim() : '';
    const rule = SETTING_RULES[key];
    if (!rule.schema.safeParse(text).success)
      this.fail(key, text === '' ? 'is empty' : `is ${quote(value)}`, rule.expected);
    return text;
  }

  cron(key: 'reportSchedule'): string {
    const { value } = this.raw(key);
    const text = typeof value === 'string' ? value.trim() : '';
    const fields = CRON.exec(text)?.[1]?.trim().split(SPACES) ?? [];
    const valid =
      fields.length === 6 &&
      fields.every((field) => CRON_FIELD.test(field)) &&
      (fields[2] === '?') !== (fields[4] === '?');
    if (!valid) {
      this.fail(
        key,
        `is ${quote(value)}`,
        'an EventBridge Scheduler cron expression with six fields (minutes hours day-of-month month day-of-week ' +
          'year) and "?" in exactly one of day-of-month and day-of-week, e.g. cron(0 6 2 * ? *) for 06:00 on the ' +
          '2nd of every month, Europe/London time',
      );
    }
    return text;
  }

  email(key: 'senderAddress'): string {
    const { value } = this.raw(key);
    const text = typeof value === 'string' ? value.trim() : '';
    if (!isValidEmail(text)) {
      this.fail(
        key,
        text === '' ? 'is empty' : 'is not a plain email address',
        'an address such as pcm-reports@your-icb.nhs.uk whose domain (or the address itself) is verified in SES',
      );
    }
    return text;
  }

  optionalEmail(key: 'alarmEmail'): string | undefined {
    const { value, isDefault } = this.raw(key);
    if (isDefault) return undefined;
    const text = typeof value === 'string' ? value.trim() : '';
    if (text === '') return undefined;
    if (!isValidEmail(text)) {
      this.fail(key, 'is not a plain email address', 'an address such as platform-team@your-icb.nhs.uk, or no value');
    }
    return text;
  }

  integer(key: keyof DeployConfig, min: number, max: number, unit: string): number {
    const number = this.number(key);
    if (number === undefined || !Number.isInteger(number) || number < min || number > max) {
      const expected = `a whole number of ${unit} from ${min} to ${max}`;
      this.fail(key, `is ${quote(this.raw(key).value)}`, expected);
      return Number.NaN;
    }
    return number;
  }

  /** A number setting the Lambdas and local mode share, checked by its one rule (lambdas/settings/setting-rules.ts). */
  shared(
    key: 'linkExpiryDays' | 'smsCostPerFragmentGbp' | 'smsInvitesPerYear' | 'smsFragmentsPerInvite' | 'smsVatRate',
  ): number {
    const rule = SETTING_RULES[key];
    const parsed = rule.schema.safeParse(this.number(key));
    if (!parsed.success) {
      this.fail(key, `is ${quote(this.raw(key).value)}`, rule.expected);
      return Number.NaN;
    }
    return parsed.data;
  }

  /**
   * An optional JSON object (cdk.json holds it as one, -c and PCM_* as its JSON text), checked by the same parser
   * the Lambda runs at start, so a wrong mapping stops `cdk synth` rather than every ingest.
   */
  mapping(
    key: 'columnMapping' | 'valueMapping',
    problemsOf: (json: unknown) => readonly string[],
  ): Readonly<Record<string, unknown>> | undefined {
    const { value, isDefault } = this.raw(key);
    if (isDefault) return undefined;
    let json: unknown = value;
    if (typeof value === 'string') {
      try {
        json = JSON.parse(value);
      } catch {
        this.fail(key, 'is not JSON', `a JSON object; ${MAPPING_EXAMPLES[key]}`);
        return undefined;
      }
    }
    const problems = problemsOf(json);
    for (const problem of problems) this.fail(key, `is not valid: ${problem}`, MAPPING_EXAMPLES[key]);
    return problems.length > 0 ? undefined : (json as Record<string, unknown>);
  }

  /** A text setting with no default, shared with the Lambdas (one rule each); undefined when unset. */
  optionalShared(key: 'icbContactName' | 'icbContactEmail'): string | undefined {
    const { value, isDefault } = this.raw(key);
    if (isDefault) return undefined;
    const rule = SETTING_RULES[key];
    const parsed = rule.schema.safeParse(value);
    if (!parsed.success) {
      this.fail(key, `is ${quote(value)}`, rule.expected);
      return undefined;
    }
    return parsed.data;
  }

  /** true or false: a cdk.json boolean, or its text (any case) from -c or PCM_*; anything else is named. */
  flag(key: 'suppressSmallNumbers'): boolean {
    const { value } = this.raw(key);
    if (typeof value === 'boolean') return value;
    const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
    if (text === 'true' || text === 'false') return text === 'true';
    this.fail(key, `is ${quote(value)}`, 'true or false');
    return false;
  }

  domains(key: 'attachmentDomains'): readonly string[] {
    const { value } = this.raw(key);
    const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : undefined;
    const expected =
      'a list of domain names such as ["nhs.net"] in cdk.json, or nhs.net,example.nhs.uk with -c ' +
      '([] or none: always send a link, never an attachment)';
    if (items?.length === 1 && typeof items[0] === 'string' && items[0].trim().toLowerCase() === 'none') return [];
    if (!items) {
      this.fail(key, `is ${quote(value)}`, expected);
      return [];
    }
    const domains: string[] = [];
    for (const item of items) {
      const domain = typeof item === 'string' ? item.trim().toLowerCase() : '';
      if (typeof item === 'string' && domain === '') continue;
      if (!isDomainName(domain)) {
        this.fail(key, `contains ${quote(item)}, which is not a domain name`, expected);
      } else if (!domains.includes(domain)) {
        domains.push(domain);
      }
    }
    return Object.freeze(domains);
  }

  done(config: DeployConfig): DeployConfig {
    if (this.problems.length > 0 || this.unknownKeys.length > 0) {
      throw new DeployConfigError(this.problems, this.unknownKeys);
    }
    return Object.freeze(config);
  }

  private number(key: keyof DeployConfig): number | undefined {
    const { value } = this.raw(key);
    if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
    if (typeof value === 'string' && DECIMAL.test(value.trim())) return Number(value.trim());
    return undefined;
  }

  private fail(key: keyof DeployConfig, problem: string, expected: string): void {
    this.problems.push({ key, problem, expected, source: this.raw(key).source });
  }

  private raw(key: keyof DeployConfig): RawValue {
    const fromContext = this.readContext(key);
    if (fromContext !== undefined) return { value: fromContext, source: 'context', isDefault: false };
    const variable = DEPLOY_CONFIG_ENV_VARS[key];
    const fromEnv = this.env[variable];
    if (fromEnv !== undefined && fromEnv.trim() !== '') {
      return { value: fromEnv, source: `environment variable ${variable}`, isDefault: false };
    }
    return { value: DEPLOY_CONFIG_DEFAULTS[key], source: 'default', isDefault: true };
  }
}

const MAPPING_EXAMPLES = {
  columnMapping: 'e.g. {"fields": {"Pt Mob": "mobile"}} (docs/column-mapping.md)',
  valueMapping: 'e.g. {"preferredContactMethod": {"Txt msg": "sms"}} (docs/column-mapping.md)',
} as const;

function columnMappingProblems(json: unknown): string[] {
  try {
    parseUserMapping(json);
    return [];
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

function valueMappingProblems(json: unknown): string[] {
  const parsed = parseValueMapping(json);
  return parsed.ok ? [] : parsed.errors;
}

function quote(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function describeProblems(problems: readonly DeployConfigProblem[], unknownKeys: readonly string[]): string {
  const lines = problems.map(
    (p) =>
      `  - ${p.key} ${p.problem} (from ${p.source}). Expected ${p.expected}. ` +
      `Set "${p.key}" in cdk.json "context", pass -c ${p.key}=<value>, or set ${DEPLOY_CONFIG_ENV_VARS[p.key]}.`,
  );
  for (const unknown of unknownKeys) {
    lines.push(`  - context: ${unknown} (this project's keys: ${projectContextKeys().join(', ')}).`);
  }
  const total = lines.length;
  const count = total === 1 ? '1 problem' : `${total} problems`;
  return `The pcm-reporter deployment configuration has ${count}:\n${lines.join('\n')}`;
}

/** Every setting the stack reads: the deployment's and the report portal's (lib/config/portal-config.ts). */
export interface StackConfig extends DeployConfig {
  readonly portal: PortalConfig;
}

/**
 * loadDeployConfig (which also names `contextKeys` this project does not read), then loadPortalConfig (throws
 * PortalConfigError); each error names every wrong key it checks.
 */
export function loadStackConfig(
  readContext: ContextReader,
  env: Readonly<Record<string, string | undefined>> = {},
  contextKeys: readonly string[] = [],
): StackConfig {
  return Object.freeze({
    ...loadDeployConfig(readContext, env, contextKeys),
    portal: loadPortalConfig(readContext, env),
  });
}

/** Every context key this project reads: the deployment's, then the report portal's. */
function projectContextKeys(): string[] {
  return [...Object.keys(DEPLOY_CONFIG_DEFAULTS), ...Object.keys(PORTAL_CONFIG_ENV_VARS)];
}
