import { previousPeriod } from '../core/period';
import { type IngestedFileFacts, ingestedFileNotes } from '../core/report/ingested-file-notes';
import type { PracticeSnapshot } from '../core/snapshot';
import { findPracticeCodeInKey } from '../core/values/ods-code';
import { findDateInKey } from '../core/values/uk-date';
import { assertItemSize } from './assert-item-size';
import { contentPhase } from './content-failure';
import { type CountedExport, countExport, type ExportNaming } from './count-export';
import type { IngestDeps } from './ingest-deps';
import type { SnapshotSource } from './save-snapshot';
import { storePractices } from './store-practices';

export interface PracticeOutcome {
  practiceCode: string;
  period: string;
  registered: number;
  snapshot: 'written' | 'superseded';
}

/**
 * Reads one delimited export (a whole object or a zip member) into per-practice snapshots. A file that
 * cannot be used rejects with an ExportRejectedError before anything is stored: also one whose content makes
 * the ingest fail (a limit, a parser fault), as `internal_error` (contentPhase).
 */
export async function ingestDelimited(
  deps: IngestDeps,
  body: AsyncIterable<Uint8Array>,
  source: SnapshotSource,
  file: string,
  names: string[],
  uploadDate: string,
): Promise<PracticeOutcome[]> {
  const naming: ExportNaming = {
    source,
    file,
    names,
    practiceCodeFromKey: firstDefined(names, findPracticeCodeInKey),
    dateFromName: firstDefined(names, findDateInKey),
    uploadDate,
  };
  const spill = deps.scratch.openSpillFile();
  try {
    const { toStore, facts } = await contentPhase(deps.logger, file, () => countExport(deps, body, naming, spill));
    return await storeCounted(deps, toStore, facts);
  } finally {
    spill.close();
  }
}

/** Saves each practice's snapshot and gap list, then the file's Data quality notes. */
async function storeCounted(
  deps: IngestDeps,
  toStore: CountedExport['toStore'],
  facts: IngestedFileFacts,
): Promise<PracticeOutcome[]> {
  // Read once a practice: the registered count to compare with, and last month's list for "new this month".
  const stored = await Promise.all(toStore.map(({ snapshot }) => storedSnapshots(deps, snapshot)));
  const previous = stored.map(previousRegistered);
  const outcomes = (results: readonly ('written' | 'superseded')[]) =>
    toStore.map(({ tally, snapshot }, i) => ({
      practiceCode: tally.practiceCode,
      period: snapshot.period,
      registered: tally.counts.registered,
      extractDateColumn: tally.extractDate,
      snapshot: results[i] ?? 'superseded',
      previous: previous[i],
    }));
  // The notes at their longest (every practice superseded and flagged), checked before the first write.
  await contentPhase(deps.logger, facts.file, async () => {
    for (const note of ingestedFileNotes(facts, outcomes([])).values()) {
      assertItemSize(note, `The Data quality note on ${facts.file}`);
    }
  });
  const practices = outcomes(
    await storePractices(
      deps,
      toStore.map((counted, i) => ({ ...counted, lastMonth: stored[i]?.lastMonth })),
    ),
  );
  for (const [period, note] of ingestedFileNotes(facts, practices)) {
    await deps.ledger.putFileRecord({ kind: 'ingested', period, ...note });
  }
  return practices.map(({ practiceCode, period, registered, snapshot }) => ({
    practiceCode,
    period,
    registered,
    snapshot,
  }));
}

/** The practice's stored snapshots for the export's month (one this export would replace) and the month before. */
async function storedSnapshots(
  deps: IngestDeps,
  snapshot: PracticeSnapshot,
): Promise<{ sameMonth?: PracticeSnapshot; lastMonth?: PracticeSnapshot }> {
  const [sameMonth, lastMonth] = await Promise.all([
    deps.snapshots.getSnapshot(snapshot.practiceCode, snapshot.period),
    deps.snapshots.getSnapshot(snapshot.practiceCode, previousPeriod(snapshot.period)),
  ]);
  return { sameMonth, lastMonth };
}

/**
 * The registered count of the snapshot this one replaces (same period) or, failing that, of the period before:
 * a new snapshot under half of it is flagged in Data quality.
 */
function previousRegistered(stored: {
  sameMonth?: PracticeSnapshot;
  lastMonth?: PracticeSnapshot;
}): { period: string; registered: number } | undefined {
  const found = stored.sameMonth ?? stored.lastMonth;
  return found && { period: found.period, registered: found.counts.registered };
}

function firstDefined<T>(names: readonly string[], find: (name: string) => T | undefined): T | undefined {
  for (const name of names) {
    const found = find(name);
    if (found !== undefined) return found;
  }
  return undefined;
}
