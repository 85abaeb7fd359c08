import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Duration, RemovalPolicy, type Size } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { ApplicationLogLevel, Architecture, LoggingFormat, Runtime, SystemLogLevel } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** The repository root: entries, package-lock.json and node_modules/.bin/esbuild are found from here. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Lambda runs the newest Node.js LTS that aws-cdk-lib knows (cdk-nag AwsSolutions-L1 checks exactly this). */
export const HANDLER_RUNTIME = Runtime.NODEJS_24_X;

/** esbuild target matching HANDLER_RUNTIME. */
export const HANDLER_TARGET = 'node24';

/** CommonJS dependencies (exceljs, csv-parse internals) call `require`; ESM bundles need it defined. */
const ESM_REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/** Native addons installed next to each bundle instead of being bundled. */
export const NATIVE_MODULES = ['@resvg/resvg-js'] as const;

export interface HandlerFunctionProps {
  /** Handler module, relative to the repository root, e.g. `lambdas/handlers/ingest.ts` (exports `handler`). */
  readonly entry: string;
  /** One line for the console: what the function does. */
  readonly description: string;
  /** Memory in MB. */
  readonly memorySize: number;
  readonly timeout: Duration;
  /** /tmp size. Default: Lambda's 512 MiB. */
  readonly ephemeralStorageSize?: Size;
  /** Caps concurrent executions to protect a downstream system. Default: unreserved. */
  readonly reservedConcurrentExecutions?: number;
  /** `service` field of the structured logs, e.g. `pcm-reporter-ingest`. */
  readonly serviceName: string;
  readonly environment: Record<string, string>;
  /** Encrypts the function's log group. */
  readonly logKey: IKey;
  /**
   * Copies the NHS.UK frontend's built styles and icons to `nhsuk/` beside the bundle (the portal serves them itself,
   * never from a CDN) and points PORTAL_ASSETS_DIR at them. Default false.
   */
  readonly withNhsukFrontend?: boolean;
}

/** Where a bundle's copy of the NHS.UK frontend lands in the Lambda (its code is unpacked at /var/task). */
export const NHSUK_ASSETS_IN_LAMBDA = '/var/task/nhsuk';

/**
 * A handler bundled locally by esbuild (no Docker) as minified ESM with source maps, on ARM, with its own role that
 * starts with nothing but writing to its own encrypted log group. Callers add exactly the grants it needs.
 */
export class HandlerFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: HandlerFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.ONE_YEAR,
      encryptionKey: props.logKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `pcm-reporter ${props.serviceName}: least-privilege execution role`,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: join(PROJECT_ROOT, props.entry),
      handler: 'handler',
      description: props.description,
      runtime: HANDLER_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      ephemeralStorageSize: props.ephemeralStorageSize,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.INFO,
      environment: {
        ...props.environment,
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        LOG_LEVEL: 'info',
        NODE_OPTIONS: '--enable-source-maps',
        ...(props.withNhsukFrontend ? { PORTAL_ASSETS_DIR: NHSUK_ASSETS_IN_LAMBDA } : {}),
      },
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: HANDLER_TARGET,
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        banner: ESM_REQUIRE_BANNER,
        mainFields: ['module', 'main'],
        bundleAwsSDK: true,
        // resvg (charts) is a native addon: it cannot be bundled, so it is installed beside the bundle
        // for Lambda's platform (linux arm64 glibc), whatever machine runs the synth.
        nodeModules: [...NATIVE_MODULES],
        environment: { npm_config_os: 'linux', npm_config_cpu: 'arm64', npm_config_libc: 'glibc' },
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          // The charts' bundled font, found at ./fonts next to index.mjs (lambdas/render/charts/svg-to-png.ts).
          afterBundling: (inputDir: string, outputDir: string) => [
            `mkdir -p "${outputDir}/fonts"`,
            `cp "${inputDir}/assets/fonts/"*.ttf "${inputDir}/assets/fonts/OFL.txt" "${outputDir}/fonts/"`,
            ...(props.withNhsukFrontend ? copyNhsukFrontend(inputDir, outputDir) : []),
          ],
        },
      },
    });
  }
}

/** The portal's styles and icons (lambdas/portal/nhsuk-assets.ts reads nhsuk-frontend.min.css and assets/images/). */
function copyNhsukFrontend(inputDir: string, outputDir: string): string[] {
  const dist = `${inputDir}/node_modules/nhsuk-frontend/dist/nhsuk`;
  return [
    `mkdir -p "${outputDir}/nhsuk/assets"`,
    `cp "${dist}/nhsuk-frontend.min.css" "${outputDir}/nhsuk/"`,
    `cp -R "${dist}/assets/images" "${outputDir}/nhsuk/assets/"`,
  ];
}
