import { periodOf } from '../core/period';
import { findDateInKey } from '../core/values/uk-date';
import type { IngestDeps } from './ingest-deps';

/** Where a landing key is kept once quarantined: `exports/a/b.csv` → `quarantine/a/b.csv`. */
export function quarantineKey(key: string): string {
  return key.startsWith('exports/') ? `quarantine/${key.slice('exports/'.length)}` : `quarantine/${key}`;
}

/**
 * Keeps a file that could not be (fully) ingested: copies it to quarantine/ with a JSON error
 * report beside it, records it for the Data quality sheet, then removes it from the landing prefix.
 * The copy is made before the delete, so the export is never lost.
 */
export async function quarantineExport(
  deps: Pick<IngestDeps, 'objects' | 'ledger' | 'logger' | 'now'>,
  bucket: string,
  key: string,
  rejections: { file: string; reason: string; message: string; hint: string }[],
): Promise<string> {
  const target = quarantineKey(key);
  const at = deps.now().toISOString();
  await deps.objects.copy(bucket, key, bucket, target);
  const report =
    rejections.length === 1
      ? { ...rejections[0], quarantinedAt: at }
      : { file: key, reason: 'members_rejected', members: rejections, quarantinedAt: at };
  await deps.objects.put(bucket, `${target}.error.json`, `${JSON.stringify(report, null, 2)}\n`, 'application/json');
  for (const rejection of rejections) {
    const dated = findDateInKey(rejection.file.split('!').pop() ?? rejection.file) ?? findDateInKey(key);
    await deps.ledger.putFileRecord({
      kind: 'quarantined',
      period: dated ? periodOf(dated) : 'undated',
      file: rejection.file,
      reason: rejection.reason,
      hint: `${rejection.message} ${rejection.hint}`,
      quarantinedAt: at,
    });
  }
  if (target !== key) await deps.objects.delete(bucket, key);
  deps.logger.warn('export quarantined', { file: key, quarantine: target, reasons: rejections.map((r) => r.reason) });
  return target;
}
