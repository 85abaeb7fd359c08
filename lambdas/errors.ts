/** Configuration is missing or invalid; the message lists every problem. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly problems: string[],
    where: string,
  ) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}\n${where}`);
  }
}

/** A user-facing problem the CLI reports in one line (no stack unless --verbose). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
