import { Annotations, App, Tags, Validations } from 'aws-cdk-lib';
import { CURRENTLY_RECOMMENDED_FLAGS } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { loadStackConfig, type StackConfig } from './config/deploy-config';
import { PcmReporterStack } from './pcm-reporter-stack';

/** The stack's id and CloudFormation name. */
export const STACK_NAME = 'PcmReporter';

export interface PcmReporterAppOptions {
  /** Context that cdk.json and `-c` can still override (tests pass settings here). */
  readonly context?: Record<string, unknown>;
  /** Where PCM_* fallbacks are read. Default: process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Cloud assembly directory. Default: the CLI's, or a temporary one. */
  readonly outdir?: string;
}

export interface PcmReporterApp {
  readonly app: App;
  readonly stack: PcmReporterStack;
  readonly config: StackConfig;
}

/**
 * The whole CDK app, shared by bin/app.ts and the tests so both synthesise the same thing: current recommended
 * feature flags, configuration validated once (throws DeployConfigError or PortalConfigError), the stack, a warning
 * for each deprecated setting, and cdk-nag AwsSolutions checks
 * as a validation plugin (an unacknowledged finding fails synthesis).
 *
 * The stack is environment-agnostic: `cdk synth` needs no account or region lookups and works offline; `cdk deploy`
 * uses the account and region of the current AWS profile.
 */
export function createPcmReporterApp(options: PcmReporterAppOptions = {}): PcmReporterApp {
  const app = new App({
    context: { ...CURRENTLY_RECOMMENDED_FLAGS, ...options.context },
    outdir: options.outdir,
  });
  const config = loadStackConfig((key) => app.node.tryGetContext(key), options.env ?? process.env);
  const stack = new PcmReporterStack(app, STACK_NAME, {
    config,
    description:
      'pcm-reporter: patient communication preference reports for an ICB (exports, ingest, monthly report, portal)',
  });
  for (const deprecation of config.portal.deprecations) {
    Annotations.of(stack).addWarningV2('pcm-reporter:deprecated-setting', deprecation);
  }
  Tags.of(app).add('project', 'pcm-reporter');
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack, config };
}
