import type { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { createLogger, logLevelFrom } from '../logger';
import { createPortalApp } from '../portal/create-portal-app';
import { deployedPortalDeps } from '../portal/deployed-portal-deps';
import { nhsukAssets } from '../portal/nhsuk-assets';
import type { PortalEnv } from '../portal/portal-env';
import { loadPortalEnvironment } from '../portal/portal-environment';

/** The portal app of this container, built from the environment on first use and kept (warm starts). */
let app: Hono<PortalEnv> | undefined;

function portalApp(): Hono<PortalEnv> {
  if (!app) {
    const env = loadPortalEnvironment(process.env);
    const logger = createLogger({ service: 'pcm-reporter-portal', level: logLevelFrom(process.env.LOG_LEVEL) });
    app = createPortalApp(deployedPortalDeps(env, logger), nhsukAssets(env.assetsDir));
  }
  return app;
}

type LambdaHandler = ReturnType<typeof handle>;

/** API Gateway (behind CloudFront) → the same request handling `pcm-report serve` runs. */
export const handler: LambdaHandler = (event, context) => handle(portalApp())(event, context);
