import type { UserMapping } from './core/fields/header-mapping';
import { parseUserMapping } from './core/fields/parse-user-mapping';
import { parseValueMapping } from './core/fields/parse-value-mapping';
import type { ValueMapping } from './core/fields/value-mapping';
import type { SmsCostAssumptions } from './core/report/period-report';
import { SETTING_DEFAULTS } from './defaults';
import { ConfigError } from './errors';
import { SETTING_RULES, type SettingRule } from './settings/setting-rules';

/** Collects every configuration problem before failing, so one run shows them all. */
export class ConfigCheck {
  private readonly problems: string[] = [];
  constructor(
    private readonly env: Readonly<Record<string, string | undefined>>,
    private readonly where: string,
  ) {}

  text(key: string, fallback?: string): string {
    const value = this.env[key]?.trim() || fallback;
    if (!value) this.problems.push(`${key} is not set: expected a non-empty value.`);
    return value ?? '';
  }

  optionalText(key: string): string | undefined {
    return this.env[key]?.trim() || undefined;
  }

  /** A setting the CDK context and the --config file share, checked by its one rule; `fallback` when unset. */
  ruled<T extends string | number>(key: string, rule: SettingRule<T>, fallback: T): T {
    const raw = this.env[key]?.trim();
    if (raw === undefined || raw === '') return fallback;
    const parsed = rule.schema.safeParse(typeof fallback === 'number' ? Number(raw) : raw);
    if (parsed.success) return parsed.data;
    this.problems.push(`${key} is "${raw}": expected ${rule.expected}.`);
    return fallback;
  }

  list(key: string, fallback: string[]): string[] {
    const raw = this.env[key];
    if (raw === undefined || raw.trim() === '') return fallback;
    return raw
      .split(',')
      .map((item) => item.trim().toLowerCase())
      .filter(Boolean);
  }

  /** Optional JSON, checked by `parse`; its error message says what is wrong. */
  json<T>(key: string, parse: (value: unknown) => T): T | undefined {
    const raw = this.env[key]?.trim();
    if (!raw) return undefined;
    try {
      return parse(JSON.parse(raw));
    } catch (error) {
      this.problems.push(`${key} is not valid: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  done<T>(config: T): Readonly<T> {
    if (this.problems.length > 0) throw new ConfigError(this.problems, this.where);
    return Object.freeze(config);
  }
}

const WHERE =
  'Set these as Lambda environment variables (cdk.json context when deployed) or in your shell for local runs.';

/** Where the AWS clients connect: the real service, or the in-process servers of local mode. */
export interface AwsConnection {
  region: string;
  s3Endpoint?: string;
  dynamoEndpoint?: string;
  forcePathStyle: boolean;
  /** Fixed keys for the local servers; absent in AWS, where the SDK's default chain finds the role's. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export interface PipelineConfig {
  aws: AwsConnection;
  tableName: string;
  exportsBucket: string;
  reportsBucket: string;
  icbName: string;
  assumptions: SmsCostAssumptions;
  /** Where zip archives are spooled (Lambda: /tmp). */
  tmpDir: string;
  suppressSmallNumbers: boolean;
  /** Extra header → field mappings for exports whose columns the aliases do not cover. */
  userMapping?: UserMapping;
  /** The ICB's own vocabulary for preference, SMS consent and AIS values (SPEC §2.3c). */
  valueMapping?: ValueMapping;
}

/** Reads the ingest/report configuration once, at the edge. */
export function loadPipelineConfig(env: Readonly<Record<string, string | undefined>>): Readonly<PipelineConfig> {
  const check = new ConfigCheck(env, WHERE);
  return check.done({
    aws: {
      region: env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim() || 'eu-west-2',
      s3Endpoint: check.optionalText('S3_ENDPOINT'),
      dynamoEndpoint: check.optionalText('DYNAMODB_ENDPOINT'),
      forcePathStyle: env.S3_FORCE_PATH_STYLE === 'true',
    },
    tableName: check.text('TABLE_NAME'),
    exportsBucket: check.text('EXPORTS_BUCKET'),
    reportsBucket: check.text('REPORTS_BUCKET'),
    icbName: check.ruled('ICB_NAME', SETTING_RULES.icbName, SETTING_DEFAULTS.icbName),
    assumptions: {
      costPerFragmentGbp: check.ruled(
        'SMS_COST_PER_FRAGMENT_GBP',
        SETTING_RULES.smsCostPerFragmentGbp,
        SETTING_DEFAULTS.smsCostPerFragmentGbp,
      ),
      invitesPerYear: check.ruled(
        'SMS_INVITES_PER_YEAR',
        SETTING_RULES.smsInvitesPerYear,
        SETTING_DEFAULTS.smsInvitesPerYear,
      ),
      fragmentsPerInvite: check.ruled(
        'SMS_FRAGMENTS_PER_INVITE',
        SETTING_RULES.smsFragmentsPerInvite,
        SETTING_DEFAULTS.smsFragmentsPerInvite,
      ),
      vatRate: check.ruled('SMS_VAT_RATE', SETTING_RULES.smsVatRate, SETTING_DEFAULTS.smsVatRate),
    },
    tmpDir: check.optionalText('TMP_DIR') ?? '/tmp',
    suppressSmallNumbers: env.SUPPRESS_SMALL_NUMBERS === 'true',
    userMapping: check.json('COLUMN_MAPPING', parseUserMapping),
    valueMapping: check.json('VALUE_MAPPING', valueMappingOrThrow),
  });
}

/** parseValueMapping's problems as one error, for ConfigCheck.json (each names the field, value and categories). */
function valueMappingOrThrow(json: unknown): ValueMapping {
  const parsed = parseValueMapping(json);
  if (!parsed.ok) throw new Error(parsed.errors.join(' '));
  return parsed.mapping;
}
