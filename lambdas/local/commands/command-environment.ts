import { loadLocalConfig } from '../local-config';

/**
 * The settings a local command runs with, as the Lambdas' environment variables: the shell's, then
 * the --config file's, then the command's flags. The one place local mode reads `process.env`.
 */
export async function commandEnvironment(
  configFile: string | undefined,
  flags: Record<string, string> = {},
): Promise<Readonly<Record<string, string | undefined>>> {
  return { ...process.env, ...(await loadLocalConfig(configFile)), ...flags };
}
