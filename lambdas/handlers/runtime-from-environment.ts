import { loadPipelineConfig } from '../config';
import { createLogger, logLevelFrom } from '../logger';
import { loadNotifyConfig } from '../notify-config';
import { createMailer } from './create-mailer';
import { emitReportProduced } from './report-produced-metric';
import { createStores, type NotifyAdapters, type Runtime } from './runtime';
import { emitUnknownDeliveries } from './unknown-deliveries-metric';

/**
 * The Lambda runtime: configuration checked from the function's environment (every problem in one
 * ConfigError, before any work), the real AWS clients, and the metric the alarms watch. The email
 * settings are read on the notify handler's first use only (the other functions do not need them), so a
 * deprecated one is logged once per container.
 */
export function runtimeFromEnvironment(env: Readonly<Record<string, string | undefined>>, service: string): Runtime {
  const config = loadPipelineConfig(env);
  const stores = createStores(config);
  let notify: NotifyAdapters | undefined;
  const logger = createLogger({ service, level: logLevelFrom(env.LOG_LEVEL) });
  return {
    config,
    ...stores,
    logger,
    now: () => new Date(),
    // Only a real Lambda publishes the metric; the same handler elsewhere (tests, scripts) stays quiet.
    reportProduced: env.AWS_LAMBDA_FUNCTION_NAME ? emitReportProduced : () => {},
    unknownDeliveries: env.AWS_LAMBDA_FUNCTION_NAME ? emitUnknownDeliveries : () => {},
    notifyAdapters: () => {
      if (!notify) {
        const notifyConfig = loadNotifyConfig(env);
        for (const deprecation of notifyConfig.deprecations) logger.warn('deprecated setting', { deprecation });
        notify = { config: notifyConfig, mailer: createMailer(notifyConfig, config.aws) };
      }
      return notify;
    },
  };
}
