import { spawn } from 'node:child_process';
import type { Scenario, ScenarioResult } from './scenario';

/**
 * Runs one scenario in a fresh Node process (the bundled scenario runner) and returns its result, so
 * that every peak RSS belongs to one scenario alone. `nodeArgs` go before the script (e.g. --cpu-prof).
 */
export function runChild(
  scenarioBundle: string,
  scenario: Scenario,
  env: Record<string, string>,
  nodeArgs: readonly string[] = [],
): Promise<ScenarioResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--no-deprecation', ...nodeArgs, scenarioBundle, JSON.stringify(scenario)], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !last.startsWith('{')) {
        reject(new Error(`Scenario ${scenario.kind} failed (exit ${code}):\n${stderr.trim() || stdout.trim()}`));
        return;
      }
      resolve(JSON.parse(last) as ScenarioResult);
    });
  });
}
