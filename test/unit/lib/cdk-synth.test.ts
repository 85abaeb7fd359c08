import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../lib/constructs/handler-function';

const run = promisify(execFile);
const CDK = join(PROJECT_ROOT, 'node_modules', '.bin', 'cdk');

/** The CLI as a person runs it, minus PCM_* settings from the developer's shell, telemetry and version checks. */
function cliEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    CDK_DISABLE_CLI_TELEMETRY: 'true',
    CDK_DISABLE_VERSION_CHECK: '1',
    FORCE_COLOR: '0',
  };
  for (const [name, value] of Object.entries(process.env)) {
    // NODE_ENV=test (set by vitest) would switch the CDK app into its in-memory test mode.
    const skip =
      name.startsWith('PCM_') || name.startsWith('VITEST') || name === 'CDK_CONTEXT_JSON' || name === 'NODE_ENV';
    if (!skip) env[name] = value;
  }
  return env;
}

async function cdkSynth(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(CDK, ['synth', '--no-notices', ...args], {
      cwd: PROJECT_ROOT,
      env: cliEnv(),
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('npx cdk synth --no-notices (the real CLI, real bundles)', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'pcm-cdk-synth-'));
  let result: Awaited<ReturnType<typeof cdkSynth>>;

  beforeAll(async () => {
    result = await cdkSynth(['--quiet', '-o', outdir]);
  }, 180_000);
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('exits 0 and prints no error', () => {
    expect(result.stderr).not.toMatch(/\berror\b/i);
    expect(result.code).toBe(0);
  });

  it('produces exactly one CloudFormation template', () => {
    const templates = readdirSync(outdir).filter((name) => name.endsWith('.template.json'));
    expect(templates).toEqual(['PcmReporter.template.json']);
  });

  it('bundles each of the four handlers (ingest, report, notify, portal) into an ESM index.mjs exporting handler', () => {
    const template = JSON.parse(readFileSync(join(outdir, 'PcmReporter.template.json'), 'utf8'));
    type LambdaResource = { Type: string; Properties: { Runtime?: string; Code: { S3Key: string } } };
    const functions = Object.values(template.Resources as Record<string, LambdaResource>).filter(
      (resource) => resource.Type === 'AWS::Lambda::Function' && resource.Properties.Runtime === 'nodejs24.x',
    );
    expect(functions.length).toBe(4);
    for (const fn of functions) {
      const assetPath = fn.Properties.Code.S3Key.replace(/\.zip$/, '');
      const bundle = join(outdir, `asset.${assetPath}`, 'index.mjs');
      expect(statSync(bundle).size).toBeGreaterThan(10_000);
      const code = readFileSync(bundle, 'utf8');
      expect(code).toMatch(/export\s*\{[^}]*\bas handler\b[^}]*\}|export\s+(async\s+)?function\s+handler\b/);
      expect(code.startsWith("import { createRequire } from 'module';")).toBe(true);
    }
  });

  it('fails on a misconfigured context value with a message naming each wrong key', async () => {
    const badOutdir = mkdtempSync(join(tmpdir(), 'pcm-cdk-bad-'));
    const failed = await cdkSynth([
      '--quiet',
      '-o',
      badOutdir,
      '-c',
      'exportRetentionDays=-1',
      '-c',
      'senderAddress=not-an-address',
    ]);
    rmSync(badOutdir, { recursive: true, force: true });
    expect(failed.code).not.toBe(0);
    expect(failed.stderr).toContain('- exportRetentionDays is "-1"');
    expect(failed.stderr).toContain('- senderAddress is not a plain email address');
  }, 120_000);

  it('fails on a wrong portal setting with a message naming the key, and no stack trace', async () => {
    const badOutdir = mkdtempSync(join(tmpdir(), 'pcm-cdk-bad-'));
    const failed = await cdkSynth(['--quiet', '-o', badOutdir, '-c', 'portalDomainName=reports.example.org']);
    rmSync(badOutdir, { recursive: true, force: true });
    expect(failed.code).not.toBe(0);
    expect(failed.stderr).toContain('- portalCertificateArn is not set');
    expect(failed.stderr).not.toContain('    at ');
  }, 120_000);
});
