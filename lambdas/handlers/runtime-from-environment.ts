import { loadPipelineConfig } from '../config';
import { createLogger, logLevelFrom } from '../logger';
import { loadNotifyConfig } from '../notify-config';
import { createMailer } from './create-mailer';
import { emitReportProduced } from './report-produced-metric';
import { createStores, type NotifyAdapters, type Runtime } from './runtime';

/**
 * The Lambda runtime: configuration checked from the function's environment (every problem in one
 * ConfigError, before any work), the real AWS clients, and the metric the alarms watch. The email
 * settings are read on the notify handler's first use only: the other functions do not carry them.
 */
export function runtimeFromEnvironment(env: Readonly<Record<string, string | undefined>>, service: string): Runtime {
  const config = loadPipelineConfig(env);
  const stores = createStores(config);
  let notify: NotifyAdapters | undefined;
  return {
    config,
    ...stores,
    logger: createLogger({ service, level: logLevelFrom(env.LOG_LEVEL) }),
    now: () => new Date(),
    // Only a real Lambda publishes the metric; the same handler elsewhere (tests, scripts) stays quiet.
    reportProduced: env.AWS_LAMBDA_FUNCTION_NAME ? emitReportProduced : () => {},
    notifyAdapters: () => {
      if (!notify) {
        const notifyConfig = loadNotifyConfig(env);
        notify = {
          config: notifyConfig,
          mailer: createMailer(notifyConfig, config.aws),
          link: (key, expiresInSeconds) => stores.objects.link(config.reportsBucket, key, expiresInSeconds),
        };
      }
      return notify;
    },
  };
}
