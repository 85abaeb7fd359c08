import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDelimited } from '../support/delimited-writer';
import { type InjectedIdentifier, identifierArbitrary } from '../support/identifier-injection';
import { EXPORT_HEADER } from '../support/practice-export';
import { type CliResult, runCli } from '../support/run-cli';
import { syntheticNhsNumbers } from '../support/synthetic-nhs-number';
import { xlsxParts } from '../unit/render/xlsx-parts';
import { FIXTURES } from './helpers';

/*
 * Issue 13's acceptance scan: `pcm-report run` over an export with patient identifiers (NHS numbers, names,
 * mobiles, emails, dates, postcodes, from identifier-injection.ts) typed into every column, plus a header line
 * merged with a data row. None of them may appear in any output of the run but the gap list: the ICB workbook
 * (every XML part, unzipped), the tidy CSV, the quarantine error JSON, the CLI's output and logs, and the
 * outbox emails. A baseline run of the same exports without the identifiers tells fixed text (a footer's
 * "Page", today's date in a timestamp) from a leak.
 */

const PRACTICE = 'A81001';
const HEADER = [...EXPORT_HEADER, 'QOF Registers', 'SMS Consent', 'AIS Need', 'Extract Date', 'Notes'];
const ROWS = 80;
const NHS = syntheticNhsNumbers(ROWS, 300_000);
const IDENTIFIERS: InjectedIdentifier[] = fc.sample(identifierArbitrary, { seed: 13, numRuns: 120 });

/** A plain row for patient i: letters only in the name columns, so every identifier comes from the seed. */
function cleanRow(i: number): string[] {
  return [
    NHS[i] as string,
    'Quayle',
    'Quentin',
    '01/02/1961',
    PRACTICE,
    i % 3 === 0 ? '' : 'SMS',
    '',
    '',
    'DM',
    'Yes',
    'No',
    '31/10/2026',
    '',
  ];
}

/**
 * The seeded export: identifier k goes into column k mod 13 of row k mod 80, so every column gets several.
 * The extract date column gets no dates (a date there would move the file to another month, or quarantine it
 * as a future extract, and nothing would reach the outputs); a name is also put in a name column, so that
 * the export holds the patient's name.
 */
function seededExport(): Buffer {
  const rows = Array.from({ length: ROWS }, (_, i) => cleanRow(i));
  const extractDate = HEADER.indexOf('Extract Date');
  IDENTIFIERS.forEach((identifier, k) => {
    const row = rows[k % ROWS] as string[];
    let column = k % HEADER.length;
    if (column === extractDate && identifier.kind === 'date') column = HEADER.indexOf('Date of Birth');
    row[column] = identifier.text;
    if (identifier.name) (rows[(k + 1) % ROWS] as string[])[1] = identifier.name;
  });
  // Two header cells that are identifiers, in columns the report ignores.
  const header = [...HEADER, IDENTIFIERS[0]?.text ?? '', IDENTIFIERS[2]?.text ?? ''];
  return writeDelimited([header, ...rows.map((row) => [...row, '', ''])]);
}

/** A header line merged with its first data row, missing the preference column: quarantined. */
function mergedHeader(seeded: boolean): Buffer {
  const cells = seeded ? IDENTIFIERS.slice(3, 9).map((i) => i.text) : ['a', 'b', 'c', 'd', 'e', 'f'];
  return writeDelimited([
    ['NHS Number', 'Date of Birth', ...cells],
    [NHS[0] as string, '01/02/1961'],
  ]);
}

/** Every output of a run but the gap lists (and the servers' own state), as text, by path. */
async function outputs(out: string, cli: CliResult): Promise<Map<string, string>> {
  const texts = new Map<string, string>([
    ['<stdout>', cli.stdout],
    ['<stderr>', cli.stderr],
  ]);
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.state' && entry.name !== 'gap-lists') await walk(path);
        continue;
      }
      const name = relative(out, path);
      if (name.startsWith('quarantine/') && !name.endsWith('.error.json')) continue; // the upload itself, kept
      const bytes = await readFile(path);
      if (name.endsWith('.xlsx')) {
        for (const [part, xml] of await xlsxParts(bytes)) texts.set(`${name}:${part}`, xml);
      } else {
        texts.set(name, name.endsWith('.eml') ? decodeQuotedPrintable(bytes.toString('utf8')) : bytes.toString('utf8'));
      }
    }
  };
  await walk(out);
  return texts;
}

function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** Where the identifier appears (case-insensitively; a name as a whole word). */
function occurrences(texts: ReadonlyMap<string, string>, identifier: InjectedIdentifier): string[] {
  const needle = identifier.text.toLowerCase();
  const word = new RegExp(`(?<![\\p{L}])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'iu');
  return [...texts]
    .filter(([, text]) => (identifier.kind === 'name' ? word.test(text) : text.toLowerCase().includes(needle)))
    .map(([name]) => name);
}

const temporary: string[] = [];
afterAll(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

async function run(seeded: boolean): Promise<Map<string, string>> {
  const exportsDir = await mkdtemp(join(tmpdir(), 'pcm-scan-'));
  temporary.push(exportsDir);
  await mkdir(join(exportsDir, 'bad'));
  const rows = seeded
    ? seededExport()
    : writeDelimited([[...HEADER, 'x', 'y'], ...Array.from({ length: ROWS }, (_, i) => [...cleanRow(i), '', ''])]);
  await writeFile(join(exportsDir, `${PRACTICE}_2026-10-31.csv`), rows);
  await writeFile(join(exportsDir, 'bad', 'B82002_2026-10-31_merged.csv'), mergedHeader(seeded));
  const out = await mkdtemp(join(tmpdir(), 'pcm-scan-out-'));
  temporary.push(out);
  const practices = join(FIXTURES, 'directory', 'practices.csv');
  const cli = await runCli(['run', '--exports', exportsDir, '--practices', practices, '--out', out], 120_000, {
    LOG_LEVEL: 'debug',
  });
  expect(cli.hung).toBe(false);
  expect(cli.code).toBe(0);
  return outputs(out, cli);
}

describe('a run seeded with patient identifiers in every column', () => {
  let baseline: Map<string, string>;
  let seeded: Map<string, string>;

  beforeAll(async () => {
    baseline = await run(false);
    seeded = await run(true);
  }, 300_000);

  it('produced the outputs the scan reads', () => {
    const names = [...seeded.keys()];
    expect(names).toContainEqual(
      expect.stringMatching(/^2026-10\/icb-report-2026-10\.xlsx:xl\/worksheets\/sheet\d+\.xml$/),
    );
    expect(names).toContain('2026-10/practice-metrics-2026-10.csv');
    expect(names).toContain('quarantine/bad/B82002_2026-10-31_merged.csv.error.json');
    expect(names.some((n) => n.endsWith('.eml'))).toBe(true);
    expect(seeded.get('<stderr>')).toMatch(/A81001 2026-10 \(\d+ patients\)/);
  });

  it('every kind of identifier was injected', () => {
    expect(new Set(IDENTIFIERS.map((i) => i.kind))).toEqual(
      new Set(['nhsNumber', 'name', 'mobile', 'email', 'date', 'postcode']),
    );
  });

  it('shows none of the identifiers in any output but the gap list', () => {
    const leaks = IDENTIFIERS.flatMap((identifier) => {
      const before = new Set(occurrences(baseline, identifier));
      const where = occurrences(seeded, identifier).filter((name) => !before.has(name));
      return where.length > 0 ? [`${identifier.kind} "${identifier.text}" in ${where.join(', ')}`] : [];
    });
    expect(leaks).toEqual([]);
  });
});
