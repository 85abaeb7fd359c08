/** One gap-list download, as the audit log keeps it: who, which practice and month, when. No patient data. */
export interface GapListDownload {
  /** The signed-in user's id (PortalUser.id). */
  user: string;
  practiceCode: string;
  /** The period of the gap list downloaded. */
  period: string;
  /** ISO time of the download. */
  at: string;
}

/** Where gap-list downloads are recorded; kept as long as the gap lists themselves. */
export interface AuditLog {
  recordDownload(download: GapListDownload): Promise<void>;
  /** The downloads made during one calendar month (`YYYY-MM` of `at`), oldest first. */
  listDownloads(month: string): Promise<GapListDownload[]>;
}
