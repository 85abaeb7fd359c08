import { resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { UsageError } from '../../errors';
import { DEFAULT_SAMPLE_OPTIONS } from '../samples/sample-plan';
import { writeSamples } from '../samples/write-samples';

interface SamplesOptions {
  out: string;
  seed: number;
  practices: number;
  patients?: number;
  months: number;
}

/** A commander parser for a whole number in [min, max], with a message naming the option. */
function wholeNumber(option: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value.trim());
    if (!/^\d+$/.test(value.trim()) || n < min || n > max) {
      throw new InvalidArgumentError(`${option} takes a whole number from ${min} to ${max}.`);
    }
    return n;
  };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

const EXAMPLES = `
Examples:
  $ pcm-report samples                              # the bundled set, into out/samples
  $ pcm-report samples --out samples                # regenerate the bundled samples/ folder exactly
  $ pcm-report samples --practices 40 --patients 2000 --months 6 --out out/big-icb

Then: pcm-report run --exports <out>/exports --practices <out>/practices.csv
All data is synthetic: 999-range NHS numbers, example.* emails, 07700 900xxx mobiles.`;

/** `pcm-report samples`: writes a fresh synthetic set of exports and a practice directory (SPEC §6). */
export function samplesCommand(): Command {
  return new Command('samples')
    .description('Write synthetic SystmOne / EMIS Web exports and a practice directory to try the reports on')
    .option('--out <dir>', 'where to write exports/ and practices.csv', 'out/samples')
    .option(
      '--seed <n>',
      'seed: the same seed writes byte-identical files',
      wholeNumber('--seed', 0, 4_294_967_295),
      DEFAULT_SAMPLE_OPTIONS.seed,
    )
    .option(
      '--practices <n>',
      'practices that export',
      wholeNumber('--practices', 1, 500),
      DEFAULT_SAMPLE_OPTIONS.practices,
    )
    .option(
      '--patients <n>',
      'mean list size per practice (default: the bundled sizes, 400 to 3,000)',
      wholeNumber('--patients', 50, 200_000),
    )
    .option(
      '--months <n>',
      'consecutive months from 2026-09',
      wholeNumber('--months', 1, 36),
      DEFAULT_SAMPLE_OPTIONS.months,
    )
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError('(add --help for usage)')
    .action(async (options: SamplesOptions, command: Command) => {
      const output = command.configureOutput();
      const writeOut = output.writeOut ?? ((text: string) => process.stdout.write(text));
      const outDir = resolve(options.out);
      let written: Awaited<ReturnType<typeof writeSamples>>;
      try {
        written = await writeSamples(outDir, {
          seed: options.seed,
          practices: options.practices,
          months: options.months,
          ...(options.patients === undefined ? {} : { patients: options.patients }),
        });
      } catch (error) {
        // The plan's limits (e.g. more patients than the 999 test range holds) are the user's to change.
        if (error instanceof RangeError) throw new UsageError(error.message);
        throw error;
      }
      const periods = written.periods;
      const lines = [
        `Wrote ${written.files.length} files (${megabytes(written.totalBytes)}) to ${options.out}`,
        `  ${written.practices} practices exporting, ${periods.length} month${periods.length === 1 ? '' : 's'} (${periods[0]} to ${periods[periods.length - 1]}), seed ${options.seed}`,
      ];
      if (written.strayFiles.length > 0) {
        lines.push(
          `  Note: ${written.strayFiles.length} other file(s) under ${options.out}/exports are not part of this set and were left in place;`,
          '  delete them for a clean set, or they will be ingested too.',
        );
      }
      lines.push(`Next: npm start -- run --exports ${options.out}/exports --practices ${options.out}/practices.csv`);
      writeOut(`${lines.join('\n')}\n`);
    });
}
