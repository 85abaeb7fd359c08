import type { IngestedFileNote, QuarantinedFile } from './period-report';

/** An ingest record for one period: notes on an ingested export, or a quarantined file. */
export type FileRecord =
  | ({ kind: 'ingested'; period: string } & IngestedFileNote)
  | ({ kind: 'quarantined'; period: string } & QuarantinedFile);
