import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { createPcmReporterApp, type PcmReporterApp } from '../../../lib/pcm-reporter-app';

/**
 * The app exactly as bin/app.ts builds it, with PCM_* variables ignored and Lambda bundling skipped (the CDK
 * `aws:cdk:bundling-stacks` context), so property tests take seconds and do not depend on handlers that are still
 * being written. test/unit/lib/cdk-synth.test.ts builds the real bundles.
 */
export function synthForTest(context: Record<string, unknown> = {}): PcmReporterApp & { template: Template } {
  const built = createPcmReporterApp({
    context: { 'aws:cdk:bundling-stacks': [], ...context },
    env: {},
    outdir: mkdtempSync(join(tmpdir(), 'pcm-cdk-test-')),
  });
  return { ...built, template: Template.fromStack(built.stack) };
}
