import { resolve } from 'node:path';
import { Command } from 'commander';
import { listExportFolder } from '../list-export-files';
import { withLocalSession } from '../local-session';
import { createProgressPrinter } from '../progress-printer';
import { ingestFiles } from '../run-local';
import { commandEnvironment } from './command-environment';

/** `pcm-report ingest FILE…`: ingest exports into the local store without building reports. */
export function ingestCommand(): Command {
  return new Command('ingest')
    .description('Ingest export files (or folders) into the local store; run `report` afterwards')
    .argument('<files...>', 'export files or folders')
    .option('--out <dir>', 'output folder whose .state holds the local store', 'out')
    .option('--config <file>', 'JSON settings (see README)')
    .action(async (paths: string[], options: { out: string; config?: string }) => {
      const env = await commandEnvironment(options.config);
      const listed = await Promise.all(paths.map((path) => listExportFolder(resolve(path))));
      const files = listed.flatMap((l) => l.files);
      for (const { message } of listed.flatMap((l) => l.refused)) process.stderr.write(`Not read: ${message}\n`);
      await withLocalSession(resolve(options.out), env, async (session) => {
        const summary = await ingestFiles(session, files, createProgressPrinter());
        process.stdout.write(
          `Ingested ${summary.exports} file(s) into ${options.out}/.state; ${summary.quarantined.length} quarantined. ` +
            `Next: pcm-report report --period YYYY-MM --out ${options.out}\n`,
        );
      });
    });
}
