/**
 * Structured JSON-line logger shared by the Lambdas and local mode.
 * Log decisions and counts only: never NHS numbers, names, dates of birth, phones, emails, rows or cells.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
type Fields = Record<string, string | number | boolean | undefined | null | string[] | number[]>;

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(message: string, fields?: Fields): void;
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, fields?: Fields): void;
  child(fields: Fields): Logger;
}

export type LogSink = (line: string) => void;

export function createLogger(options: { service: string; level?: LogLevel; sink?: LogSink; fields?: Fields }): Logger {
  const threshold = ORDER[options.level ?? 'info'];
  const sink = options.sink ?? ((line: string) => process.stdout.write(`${line}\n`));
  const base = { service: options.service, ...options.fields };
  const write = (level: LogLevel, message: string, fields?: Fields) => {
    if (ORDER[level] < threshold) return;
    sink(JSON.stringify({ level, time: new Date().toISOString(), message, ...base, ...fields }));
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (fields) => createLogger({ ...options, fields: { ...options.fields, ...fields } }),
  };
}

/** The error's class and message only; our own messages never carry patient data. */
export function errorFields(error: unknown): Fields {
  if (error instanceof Error) return { error: error.name, errorMessage: error.message };
  return { error: String(error) };
}

export function logLevelFrom(value: string | undefined): LogLevel {
  return value && value in ORDER ? (value as LogLevel) : 'info';
}
