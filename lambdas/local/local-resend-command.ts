import { relative, resolve } from 'node:path';

/** The resend command as typed here: `--out` added when the output folder is not the default `out`. */
export function localResendCommand(command: string, outDir: string, cwd = process.cwd()): string {
  if (resolve(cwd, 'out') === resolve(outDir)) return command;
  const path = relative(cwd, outDir) || '.';
  return `${command} --out ${/[\s"'$\\]/.test(path) ? JSON.stringify(path) : path}`;
}
