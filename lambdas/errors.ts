/** A whole file could not be ingested: it is quarantined with this reason and hint (SPEC §2.5). */
export class ExportRejectedError extends Error {
  override readonly name = 'ExportRejectedError';
  constructor(
    readonly file: string,
    readonly reason: string,
    message: string,
    readonly hint: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

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
