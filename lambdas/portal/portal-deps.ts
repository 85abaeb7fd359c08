import type { Logger } from '../logger';
import type { DirectoryStore, LedgerStore, ObjectStore, SnapshotStore } from '../ports';
import type { InviteUser, ResendEmail } from './admin-actions';
import type { AuditLog } from './audit-log';
import type { Download } from './downloads';
import type { PortalAuth } from './portal-auth';

export interface PortalConfig {
  icbName: string;
  /** How long gap lists (and so their audit records) are kept, in days. */
  gapListRetentionDays: number;
  /** Where the portal is reached, e.g. `https://reports.example.nhs.uk` or `http://127.0.0.1:8787`. */
  baseUrl: string;
  /** Disclosure control on every aggregate page (SPEC §3), as the workbook of the same configuration shows it. */
  suppressSmallNumbers: boolean;
}

/** Everything the portal needs from outside, passed in (never read from process.env here). */
export interface PortalDeps {
  config: Readonly<PortalConfig>;
  objects: ObjectStore;
  reportsBucket: string;
  snapshots: SnapshotStore;
  directory: DirectoryStore;
  ledger: LedgerStore;
  audit: AuditLog;
  auth: PortalAuth;
  download: Download;
  /** Undefined where users cannot be invited (local mode: there is no user pool). */
  inviteUser?: InviteUser;
  resendEmail?: ResendEmail;
  logger: Logger;
  now: () => Date;
}
