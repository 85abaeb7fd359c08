#!/usr/bin/env -S npx tsx
import { Command, CommanderError } from 'commander';
import { ConfigError, UsageError } from '../lambdas/errors';
import { ingestCommand } from '../lambdas/local/commands/ingest';
import { notifyCommand } from '../lambdas/local/commands/notify';
import { practicesCommand } from '../lambdas/local/commands/practices';
import { reportCommand } from '../lambdas/local/commands/report';
import { runCommand } from '../lambdas/local/commands/run';
import { samplesCommand } from '../lambdas/local/commands/samples';
import { serveCommand } from '../lambdas/local/commands/serve';
import { smsCheckCommand } from '../lambdas/local/commands/sms-check';

const program = new Command('pcm-report')
  .description('Patient communication preference reports for an ICB: run locally, or see README for AWS.')
  .option('--verbose', 'show stack traces for errors')
  .showHelpAfterError();

program.addCommand(runCommand(), { isDefault: true });
program.addCommand(ingestCommand());
program.addCommand(reportCommand());
program.addCommand(notifyCommand());
program.addCommand(practicesCommand());
program.addCommand(samplesCommand());
program.addCommand(smsCheckCommand());
program.addCommand(serveCommand());

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else {
    const known = error instanceof UsageError || error instanceof ConfigError;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`pcm-report: ${message}\n`);
    if (!known && program.opts().verbose && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    else if (!known) process.stderr.write('Run again with --verbose for details.\n');
    process.exitCode = 1;
  }
}
