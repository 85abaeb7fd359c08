import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REJECTION_REASONS, type RejectionReason } from '../../lambdas/core/read/export-rejected-error';
import { writeDelimited } from '../support/delimited-writer';
import { type CliResult, runCli } from '../support/run-cli';
import { zipArchive } from '../support/zip-writer';
import { FIXTURES } from './helpers';

/*
 * Issue 13, "run never exits": a quarantined file must not leave its S3 body open (which keeps the socket,
 * and the process, alive). For every rejection reason, `pcm-report run` is spawned as a person runs it and
 * must EXIT. 60 s is a liveness bound (a hang check), not a speed assertion. One run shares all the small bad
 * files (with a good one, which must still be ingested); each large file gets a run of its own.
 */

const LIVENESS_MS = 60_000;
const BAD_INPUT = join(FIXTURES, 'bad-input');
const PRACTICES = join(FIXTURES, 'directory', 'practices.csv');
const GOOD = 'A81001_2026-10-31.csv';

const HEADER = ['NHS Number', 'Surname', 'Forename', 'Date of Birth', 'Practice Code', 'Preferred Contact Method'];
const tinyExport = (code: string) =>
  writeDelimited([HEADER, ['9990002002', 'Quill', 'Quinn', '01/02/1961', code, 'SMS']]);

/** About 4 MB of one repeated row: past the 1 MiB ratio floor and far beyond 200:1 once deflated. */
function repetitive(code: string): Buffer {
  const line = Buffer.from(`9990002002,Quill,Quinn,01/02/1961,${code},SMS\n`);
  return Buffer.concat([Buffer.from(`${HEADER.join(',')}\n`), Buffer.alloc(line.length * 90_000, line)]);
}

/**
 * One upload per rejection reason: a fixture of the catalogue, or bytes made here. All but `internal_error`,
 * which no known upload causes (that is its point); bad-input-hostile.test.ts quarantines a file with it
 * through the same path as every other reason.
 */
const CASES: Record<
  Exclude<RejectionReason, 'internal_error'>,
  { file: string; bytes: () => Promise<Buffer> | Buffer }
> = {
  empty_file: fixture('F86001_2026-10-31_empty-file.csv'),
  not_text: fixture('F86005_2026-10-31_pdf-renamed.csv'),
  unsupported_encoding: fixture('F86007_2026-10-31_utf-16.csv'),
  no_header: fixture('F86006_2026-10-31_colon-delimited.csv'),
  malformed_csv: fixture('F86012_2026-10-31_unterminated-quote.csv'),
  mixed_delimiters: {
    file: 'F86037_2026-10-31_mixed.csv',
    bytes: () => Buffer.concat([tinyExport('F86037'), Buffer.from('9990000018;Quill;Quinn;01/02/1961;F86037;SMS\n')]),
  },
  no_data_rows: fixture('F86003_2026-10-31_header-only.csv'),
  missing_required_columns: fixture('F86010_2026-10-31_missing-column.csv'),
  no_practice_code: fixture('export_2026-10-31_blank-practice-codes.csv'),
  no_valid_patients: {
    file: 'F86038_2026-10-31_spreadsheet-damaged.csv',
    bytes: () => writeDelimited([HEADER, ['9.99E+09', 'Quill', 'Quinn', '01/02/1961', 'F86038', 'SMS']]),
  },
  extract_date_in_future: fixture('F86016_2099-01-31_future-extract-date.csv'),
  bad_extract_date: { file: 'D10012_2026-02-30.csv', bytes: () => tinyExport('D10012') },
  rows_for_another_practice: { file: 'D10013_2026-10-31_foreign.csv', bytes: () => tinyExport('D10014') },
  zip_too_large: {
    file: 'F86030_2026-10-31_many-members.zip',
    bytes: () =>
      zipArchive(Array.from({ length: 101 }, (_, i) => ({ name: `m${i}_2026-10-31.csv`, data: tinyExport('F86030') }))),
  },
  zip_bomb: {
    file: 'F86031_2026-10-31_bomb.zip',
    bytes: () => zipArchive([{ name: 'F86031.csv', data: repetitive('F86031') }]),
  },
  zip_nested: {
    file: 'F86032_2026-10-31_nested.zip',
    bytes: () => zipArchive([{ name: 'inner.zip', data: zipArchive([{ name: 'a.csv', data: tinyExport('F86032') }]) }]),
  },
  zip_unreadable: {
    file: 'F86033_2026-10-31_corrupt.zip',
    bytes: () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 0x41)]),
  },
  zip_empty: {
    file: 'F86034_2026-10-31_folders.zip',
    bytes: () => zipArchive([{ name: 'exports/', data: new Uint8Array(0), method: 'store' }]),
  },
};

function fixture(file: string) {
  return { file, bytes: () => readFile(join(BAD_INPUT, file)) };
}

/** Temporary folders of the runs (the large files are 10 and 50 MB): removed at the end. */
const temporary: string[] = [];
afterAll(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A run over `files` (name → bytes) plus the good export; returns the CLI's result. */
async function runOver(
  files: Record<string, Buffer>,
  setUp?: (exportsDir: string) => Promise<void>,
): Promise<CliResult> {
  const exportsDir = await mkdtemp(join(tmpdir(), 'pcm-exits-'));
  temporary.push(exportsDir);
  await mkdir(join(exportsDir, 'bad'));
  await setUp?.(exportsDir);
  for (const [name, bytes] of Object.entries(files)) await writeFile(join(exportsDir, 'bad', name), bytes);
  await cp(join(FIXTURES, 'systmone', GOOD), join(exportsDir, GOOD));
  const out = await mkdtemp(join(tmpdir(), 'pcm-exits-out-'));
  temporary.push(out);
  return runCli(['run', '--exports', exportsDir, '--practices', PRACTICES, '--out', out], LIVENESS_MS);
}

const quarantineLine = (file: string, reason: string) => `exports/bad/${file}: QUARANTINED (${reason})`;

describe('pcm-report run exits after quarantining a file, for every rejection reason', () => {
  let shared: CliResult;

  beforeAll(async () => {
    const files: Record<string, Buffer> = {};
    for (const { file, bytes } of Object.values(CASES)) files[file] = Buffer.from(await bytes());
    // A symbolic link to a file outside the exports folder: refused, and said so in the summary.
    shared = await runOver(files, async (exportsDir) => {
      const outside = await mkdtemp(join(tmpdir(), 'pcm-exits-outside-'));
      await cp(join(FIXTURES, 'systmone', 'D84004_2026-09-30.csv'), join(outside, 'D84004_2026-09-30.csv'));
      await symlink(join(outside, 'D84004_2026-09-30.csv'), join(exportsDir, 'bad', 'linked.csv'));
    });
  }, LIVENESS_MS + 30_000);

  it('has a case for every rejection reason but internal_error', () => {
    expect(Object.keys(CASES).sort()).toEqual(REJECTION_REASONS.filter((r) => r !== 'internal_error').sort());
  });

  it('exits (with status 0) within the liveness bound', () => {
    expect(shared.hung).toBe(false);
    expect(shared.code).toBe(0);
  });

  it.each(Object.entries(CASES))('quarantined the %s case', (reason, { file }) => {
    expect(shared.stderr).toContain(quarantineLine(file, reason));
  });

  it('names the symbolic link it refused in the run summary, and did not read it', () => {
    expect(shared.stdout).toContain(
      'bad/linked.csv is a symbolic link to a file outside the exports folder; not read. Copy the export into the folder instead.',
    );
    expect(shared.stderr).not.toContain('D84004');
  });

  it('still ingested the other file of the run', () => {
    expect(shared.stderr).toMatch(/A81001_2026-10-31\.csv: A81001 2026-10 \(\d+ patients\)/);
  });
});

describe.each([
  {
    name: 'a 10 MB binary file renamed .csv',
    file: 'F86035_2026-10-31_binary.csv',
    reason: 'not_text',
    // Deterministic noise with NUL bytes: binary from the first byte.
    bytes: () => Buffer.from(Array.from({ length: 10 * 1024 * 1024 }, (_, i) => (i * 2654435761) >>> 24)),
  },
  {
    name: 'a 50 MB file with no newline',
    file: 'F86036_2026-10-31_one-line.csv',
    reason: 'no_header',
    bytes: () => Buffer.alloc(50 * 1024 * 1024, 'NHS Number,'),
  },
])('pcm-report run exits after quarantining $name', ({ file, reason, bytes }) => {
  let result: CliResult;

  beforeAll(async () => {
    result = await runOver({ [file]: bytes() });
  }, LIVENESS_MS + 30_000);

  it('exits within the liveness bound, having quarantined it and ingested the other file', () => {
    expect(result.hung).toBe(false);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(quarantineLine(file, reason));
    expect(result.stderr).toMatch(/A81001_2026-10-31\.csv: A81001 2026-10 \(\d+ patients\)/);
  });
});
