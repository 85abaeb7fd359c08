import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { type DirectoryRejection, parseDirectoryCsv } from '../../core/directory/parse-directory';
import { UsageError } from '../../errors';
import { withLocalSession } from '../local-session';

export interface PracticesImportResult {
  file: string;
  upserted: number;
  rejected: DirectoryRejection[];
}

/** `pcm-report practices import FILE.csv`: load or update the practice directory. */
export function practicesCommand(): Command {
  const practices = new Command('practices').description(
    'The practice directory: names, PCNs, clinical systems and email addresses (drives reports and emails)',
  );
  practices.addCommand(
    new Command('import')
      .description(
        'Add or update practices from a CSV with columns practice_code,practice_name,pcn,clinical_system,email',
      )
      .argument('<file>', 'the practice directory CSV')
      .option('--out <dir>', 'the output folder whose local state (<out>/.state) holds the directory', 'out')
      .addHelpText(
        'after',
        '\nEach valid line adds the practice or replaces what the directory held for it. Lines with a bad ODS code,\n' +
          'an empty name or an invalid email are rejected and listed; the exit code is then 1.',
      )
      .action(async (file: string, options: { out: string }) => {
        const result = await importPracticesFile({ file: resolve(file), outDir: resolve(options.out) });
        for (const line of formatImportResult(result)) process.stdout.write(`${line}\n`);
        if (result.rejected.length > 0) process.exitCode = 1;
      }),
  );
  return practices;
}

/**
 * Validates the directory CSV (ODS code format, a name, email syntax) and upserts every valid
 * line into the local directory; invalid lines are returned with their line and field.
 */
export async function importPracticesFile(options: {
  file: string;
  outDir: string;
  env?: Record<string, string>;
}): Promise<PracticesImportResult> {
  let text: string;
  try {
    text = await readFile(options.file, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new UsageError(
      `Could not read the practice directory ${options.file}${typeof code === 'string' ? ` (${code})` : ''}. ` +
        'Check the path; the file must be a CSV with columns practice_code,practice_name,pcn,clinical_system,email.',
    );
  }
  const { entries, rejected } = parseDirectoryCsv(text);
  if (entries.length > 0) {
    await withLocalSession(options.outDir, options.env ?? {}, ({ table }) => table.upsertPractices(entries));
  }
  return { file: options.file, upserted: entries.length, rejected };
}

/** `3 practices added or updated from practices.csv.` and then each rejected line as `line N, field: message`. */
export function formatImportResult(result: PracticesImportResult): string[] {
  const lines = [
    `${result.upserted} ${result.upserted === 1 ? 'practice' : 'practices'} added or updated from ${result.file}.`,
  ];
  if (result.rejected.length > 0) {
    lines.push(`${result.rejected.length} line(s) rejected; correct them and import the file again:`);
    for (const r of result.rejected) lines.push(`  line ${r.line}, ${r.field}: ${r.message}`);
  }
  return lines;
}
