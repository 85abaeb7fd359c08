import { unknownKeyMessage } from '../../lambdas/settings/did-you-mean';

/** Context keys CDK itself reads that have neither an `@` nor a `:` in them. */
const CDK_PLAIN_KEYS = new Set(['acknowledged-issue-numbers', 'cli-telemetry']);

/**
 * CDK's own context is left alone: feature flags (`@aws-cdk/...`), CLI and toolkit settings (`aws:cdk:...`,
 * `aws-cdk:...`), cached lookups (`availability-zones:account=...`) and the few plain keys above.
 */
export function isCdkContextKey(key: string): boolean {
  return key.startsWith('@') || key.includes(':') || CDK_PLAIN_KEYS.has(key);
}

/**
 * One message per context key that is neither CDK's nor this project's (`projectKeys`), with a guess at the
 * project key it meant: "unknown key 'icbNmae' — did you mean 'icbName'?". A misspelt key would otherwise
 * be ignored and its setting silently left at the default.
 */
export function unknownContextKeys(contextKeys: readonly string[], projectKeys: readonly string[]): string[] {
  const known = new Set(projectKeys);
  return contextKeys
    .filter((key) => !known.has(key) && !isCdkContextKey(key))
    .sort()
    .map((key) => unknownKeyMessage(key, projectKeys));
}
