import { ConfigCheck } from '../config';
import { SETTING_DEFAULTS } from '../defaults';
import { ConfigError } from '../errors';
import { SETTING_RULES } from '../settings/setting-rules';

const WHERE = 'The CDK stack sets these on the portal function; see docs/deployment.md.';

/** The deployed portal's settings, from the Lambda environment (set by the CDK stack). */
export interface PortalEnvironment {
  region: string;
  reportsBucket: string;
  tableName: string;
  userPoolId: string;
  userPoolClientId: string;
  /** The Cognito hosted UI base URL. */
  cognitoDomain: string;
  portalBaseUrl: string;
  gapListRetentionDays: number;
  icbName: string;
  /** SUPPRESS_SMALL_NUMBERS: disclosure control on the pages (SPEC §3); true or false, unset is false. */
  suppressSmallNumbers: boolean;
  /** Where the bundle keeps the NHS.UK frontend's dist/nhsuk folder; the installed package when unset. */
  assetsDir?: string;
}

function httpsUrl(check: ConfigCheck, key: string, problems: string[]): string {
  const value = check.text(key).replace(/\/+$/, '');
  if (value !== '' && !/^https:\/\/[^/\s]+$/.test(value)) {
    problems.push(
      `${key} is "${value}": expected an https:// origin with no path, e.g. https://reports.example.nhs.uk.`,
    );
  }
  return value;
}

/** Reads and checks the portal's environment once, listing every problem. */
export function loadPortalEnvironment(env: Readonly<Record<string, string | undefined>>): Readonly<PortalEnvironment> {
  const check = new ConfigCheck(env, WHERE);
  const problems: string[] = [];
  const config = {
    region: env.AWS_REGION?.trim() || 'eu-west-2',
    reportsBucket: check.text('REPORTS_BUCKET'),
    tableName: check.text('TABLE_NAME'),
    userPoolId: check.text('USER_POOL_ID'),
    userPoolClientId: check.text('USER_POOL_CLIENT_ID'),
    cognitoDomain: httpsUrl(check, 'COGNITO_DOMAIN', problems),
    portalBaseUrl: httpsUrl(check, 'PORTAL_BASE_URL', problems),
    gapListRetentionDays: check.ruled(
      'GAP_LIST_RETENTION_DAYS',
      SETTING_RULES.gapListRetentionDays,
      SETTING_DEFAULTS.gapListRetentionDays,
    ),
    icbName: check.text('ICB_NAME', 'NHS Example Integrated Care Board'),
    suppressSmallNumbers: check.flag('SUPPRESS_SMALL_NUMBERS'),
    assetsDir: check.optionalText('PORTAL_ASSETS_DIR'),
  };
  try {
    const checked = check.done(config);
    if (problems.length > 0) throw new ConfigError(problems, WHERE);
    return checked;
  } catch (error) {
    // One error listing every problem: the missing settings and the malformed URLs together.
    if (error instanceof ConfigError && problems.length > 0 && !problems.every((p) => error.problems.includes(p))) {
      throw new ConfigError([...error.problems, ...problems], WHERE);
    }
    throw error;
  }
}
