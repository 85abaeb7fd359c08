import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { Command } from 'commander';
import { parseOdsCode } from '../../core/values/ods-code';
import { UsageError } from '../../errors';
import { localAuth } from '../../portal/auth/local-auth';
import { createPortalApp } from '../../portal/create-portal-app';
import type { PortalUser } from '../../portal/portal-user';
import { loadLocalConfig } from '../local-config';
import { localPortalDeps } from '../local-portal-deps';
import { withLocalSession } from '../local-session';

export const DEFAULT_PORTAL_PORT = 8787;

/** `--as practice:D83001` → a practice user holding D83001; no `--as` → the local admin. */
export function localUser(as: string | undefined): PortalUser {
  if (as === undefined) return { id: 'local-admin', roles: ['admin'], practices: [] };
  const match = /^practice:(.+)$/.exec(as);
  const code = match ? parseOdsCode(match[1] as string) : undefined;
  if (!code)
    throw new UsageError(`--as "${as}" is not understood: use --as practice:<ODS>, e.g. --as practice:D83001.`);
  return { id: `local-preview-${code}`, roles: ['practice'], practices: [code] };
}

function parsePort(raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UsageError(`--port "${raw}" is not a port number: use a whole number from 1 to 65535, e.g. 8787.`);
  }
  return port;
}

/** `pcm-report serve`: the report portal over the local state, on 127.0.0.1 only. */
export function serveCommand(): Command {
  return new Command('serve')
    .description('Open the report portal on this machine (127.0.0.1 only) over the reports in --out')
    .option('--out <dir>', 'the output folder whose local state (<out>/.state) holds the reports', 'out')
    .option('--port <n>', 'the port to listen on', String(DEFAULT_PORTAL_PORT))
    .option('--as <who>', 'preview what a practice user sees: practice:<ODS>')
    .option('--config <file>', 'JSON settings (icbName…), as for run')
    .addHelpText(
      'after',
      '\nPrints a sign-in link with a one-time token. Other commands cannot use the same --out while it runs.',
    )
    .action(async (options: { out: string; port: string; as?: string; config?: string }) => {
      const user = localUser(options.as);
      const port = parsePort(options.port);
      const env = await loadLocalConfig(options.config);
      const outDir = resolve(options.out);
      if (!existsSync(join(outDir, '.state'))) {
        throw new UsageError(
          `There are no reports in ${outDir} yet (no ${join(options.out, '.state')}). Build them first with ` +
            `npm start -- --out ${options.out}, or point --out at the folder a run wrote to.`,
        );
      }
      await withLocalSession(outDir, env, async (session) => {
        const auth = localAuth(user);
        const app = createPortalApp(localPortalDeps(session, auth, port));
        const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port });
        await new Promise<void>((done, fail) => {
          server.once('listening', () => done());
          server.once('error', (error: NodeJS.ErrnoException) =>
            fail(
              error.code === 'EADDRINUSE'
                ? new UsageError(`Port ${port} is already in use. Choose another with --port, e.g. --port ${port + 1}.`)
                : error,
            ),
          );
        });
        const who = user.roles.includes('admin') ? 'an admin' : `practice ${user.practices.join(', ')}`;
        process.stdout.write(
          `Report portal for ${outDir}, signed in as ${who}:\n\n  http://127.0.0.1:${port}${auth.signInLink}\n\n` +
            'Open the link in your browser; it works once. Press Ctrl+C to stop.\n',
        );
        await new Promise<void>((done) => {
          const stop = () => server.close(() => done());
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
      });
    });
}
