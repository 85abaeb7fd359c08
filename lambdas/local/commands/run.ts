import { resolve } from 'node:path';
import { Command } from 'commander';
import { BUNDLED } from '../bundled-paths';
import { printProgress, printSummary } from '../print-run';
import { runLocal } from '../run-local';
import { commandEnvironment } from './command-environment';

/** `pcm-report run`: the whole monthly job on this machine (the default command). */
export function runCommand(): Command {
  return new Command('run')
    .description("Ingest every export in a folder, build each month's ICB report, tidy CSV and gap lists")
    .option('--exports <dir>', 'folder of SystmOne / EMIS Web exports (.csv, .txt, .zip)', BUNDLED.exports)
    .option(
      '--practices <file>',
      'practice directory CSV (practice_code,practice_name,pcn,clinical_system,email)',
      BUNDLED.practices,
    )
    .option('--out <dir>', 'where reports are written; local state is kept in <out>/.state', 'out')
    .option('--config <file>', 'JSON settings: icbName, sms costs and VAT, columnMapping, valueMapping (see README)')
    .option('--suppress-small-numbers', 'show counts 1–7 as * in the ICB report and CSV (shareable copies)')
    .action(
      async (options: {
        exports: string;
        practices: string;
        out: string;
        config?: string;
        suppressSmallNumbers?: boolean;
      }) => {
        const env = await commandEnvironment(
          options.config,
          options.suppressSmallNumbers ? { SUPPRESS_SMALL_NUMBERS: 'true' } : {},
        );
        const started = Date.now();
        const summary = await runLocal({
          exportsDir: resolve(options.exports),
          practicesFile: options.practices ? resolve(options.practices) : undefined,
          outDir: resolve(options.out),
          env,
          onProgress: printProgress,
        });
        printSummary(summary, Date.now() - started);
        if (summary.periods.length === 0 || (summary.notify?.failed.length ?? 0) > 0) process.exitCode = 1;
      },
    );
}
