import { createDocumentClient } from '../adapters/aws-clients';
import { DynamoAuditLog } from '../adapters/dynamo-audit-log';
import { createLogger } from '../logger';
import type { LocalAuth } from '../portal/auth/local-auth';
import { streamedDownloads } from '../portal/downloads';
import { ledgerResend } from '../portal/ledger-resend';
import type { PortalDeps } from '../portal/portal-deps';
import type { LocalSession } from './local-session';

/** How long gap lists are kept unless GAP_LIST_RETENTION_DAYS says otherwise (SPEC §5: 90 days). */
export const DEFAULT_GAP_LIST_RETENTION_DAYS = 90;

/**
 * The portal's ports over the local stores of `<out>/.state`: files are streamed (the local S3
 * server is not for browsers), there is no user pool to invite into, and a resent email goes out
 * the next time `notify` runs.
 */
export function localPortalDeps(session: LocalSession, auth: LocalAuth, port: number): PortalDeps {
  const { config, objects, table } = session;
  const retention = Number(process.env.GAP_LIST_RETENTION_DAYS ?? DEFAULT_GAP_LIST_RETENTION_DAYS);
  const now = () => new Date();
  return {
    config: {
      icbName: config.icbName,
      gapListRetentionDays: retention,
      baseUrl: `http://127.0.0.1:${port}`,
      // From serve --config, the same file run reads: the pages show what that run's workbook shows.
      suppressSmallNumbers: config.suppressSmallNumbers,
    },
    objects,
    reportsBucket: config.reportsBucket,
    snapshots: table,
    directory: table,
    ledger: table,
    audit: new DynamoAuditLog(createDocumentClient(config.aws), config.tableName, retention),
    auth,
    download: streamedDownloads(objects, config.reportsBucket),
    resendEmail: ledgerResend(
      table,
      now,
      'the next time notify runs for that month (stop serve, then run `npm start -- notify --period <YYYY-MM>`)',
    ),
    logger: createLogger({ service: 'portal', level: 'warn' }),
    now,
  };
}
