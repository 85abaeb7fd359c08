import { resolve } from 'node:path';
import { Command } from 'commander';
import { isPeriod, monthName } from '../../core/period';
import { UsageError } from '../../errors';
import { withLocalSession } from '../local-session';
import { printProgress } from '../print-run';
import { buildReport } from '../run-local';
import { commandEnvironment } from './command-environment';

/** `pcm-report report --period YYYY-MM`: build one month's reports from the local store. */
export function reportCommand(): Command {
  return new Command('report')
    .description("Build one month's ICB workbook, tidy CSV and gap lists from what has been ingested")
    .requiredOption('--period <YYYY-MM>', 'the month to report, e.g. 2026-10')
    .option('--out <dir>', 'output folder whose .state holds the local store', 'out')
    .option('--config <file>', 'JSON settings (see README)')
    .option('--suppress-small-numbers', 'show counts 1–7 as * (shareable copies)')
    .action(async (options: { period: string; out: string; config?: string; suppressSmallNumbers?: boolean }) => {
      if (!isPeriod(options.period)) throw new UsageError(`--period "${options.period}" is not a month like 2026-10.`);
      const env = await commandEnvironment(
        options.config,
        options.suppressSmallNumbers ? { SUPPRESS_SMALL_NUMBERS: 'true' } : {},
      );
      await withLocalSession(resolve(options.out), env, async (session) => {
        const periods = await session.table.listPeriods();
        if (!periods.includes(options.period)) {
          throw new UsageError(
            `No export has been ingested for ${monthName(options.period)}. Periods available: ${periods.join(', ') || 'none'}.`,
          );
        }
        const output = await buildReport(session, options.period, printProgress);
        process.stdout.write(`Reports for ${monthName(options.period)} are in ${output.dir}\n`);
      });
    });
}
