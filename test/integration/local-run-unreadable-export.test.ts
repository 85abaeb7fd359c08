import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../lambdas/errors';
import { withLocalSession } from '../../lambdas/local/local-session';
import { ingestFiles } from '../../lambdas/local/run-local';

// A file listed at the start of a run but gone (or unreadable) by the time it is handed over: a clear error
// naming it, not a hang and not a bare ENOENT.
describe('an export that cannot be read when its turn comes', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'pcm-unreadable-'));
  });
  afterAll(() => rm(out, { recursive: true, force: true }));

  it('stops the run with a message naming the file and what to do', async () => {
    const gone = { path: join(out, 'A81001_2026-10-31.csv'), relativePath: 'A81001_2026-10-31.csv' };
    const error = await withLocalSession(out, {}, (session) => ingestFiles(session, [gone])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(
      'Could not read A81001_2026-10-31.csv in the exports folder (ENOENT): was it moved, deleted or made ' +
        'unreadable after the run started? The files before it were ingested; run again to read it and the files after it.',
    );
  });
});
