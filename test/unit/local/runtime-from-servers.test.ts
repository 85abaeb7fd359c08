import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../lambdas/errors';
import { LOCAL_NAMES, type LocalServers } from '../../../lambdas/local/local-servers';
import { runtimeFromServers } from '../../../lambdas/local/runtime-from-servers';

// The runtime only reads the servers' names and endpoints; its clients connect on first use, so none is started.
const SERVERS: LocalServers = {
  s3Endpoint: 'http://127.0.0.1:1',
  dynamoEndpoint: 'http://127.0.0.1:2',
  connection: {
    region: LOCAL_NAMES.region,
    forcePathStyle: true,
    credentials: { accessKeyId: 'k', secretAccessKey: 's' },
  },
  env: {
    TABLE_NAME: LOCAL_NAMES.tableName,
    EXPORTS_BUCKET: LOCAL_NAMES.exportsBucket,
    REPORTS_BUCKET: LOCAL_NAMES.reportsBucket,
  },
  objectFile: (bucket, key) => `/tmp/s3/${bucket}/${key}._S3rver_object`,
  putFile: async () => {},
  close: async () => {},
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    runtimeFromServers(SERVERS, { env, outDir: '/tmp/out', tmpDir: '/tmp/out/.state/tmp' });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('runtimeFromServers', () => {
  it('points the handlers at the servers, with the settings given and nothing from process.env', () => {
    const runtime = runtimeFromServers(SERVERS, {
      env: { ICB_NAME: 'NHS Local ICB' },
      outDir: '/tmp/out',
      tmpDir: '/tmp/out/.state/tmp',
    });
    expect(runtime.config).toMatchObject({
      aws: SERVERS.connection,
      tableName: 'pcm-reporter',
      icbName: 'NHS Local ICB',
      tmpDir: '/tmp/out/.state/tmp',
    });
    expect(runtime.notifyAdapters('2026-10').config).toMatchObject({
      transport: 'outbox',
      outboxDir: '/tmp/out/2026-10/outbox',
    });
  });

  it("links local emails to the local portal: port 8787, or the config file's portalPort (PORTAL_PORT)", () => {
    const at = (env: Record<string, string>) =>
      runtimeFromServers(SERVERS, { env, outDir: '/tmp/out', tmpDir: '/tmp/t' }).notifyAdapters('2026-10').config
        .portalBaseUrl;
    expect(at({})).toBe('http://127.0.0.1:8787');
    expect(at({ PORTAL_PORT: '9123' })).toBe('http://127.0.0.1:9123');
    // A deployed portal's address in the shell never reaches a local email.
    expect(at({ PORTAL_BASE_URL: 'https://reports.example.org' })).toBe('http://127.0.0.1:8787');
  });

  it('checks the email settings with the others before any work, listing every problem at once', () => {
    expect(problemsOf({ SMS_FRAGMENTS_PER_INVITE: '0', MAIL_TRANSPORT: 'pigeon' })).toEqual([
      'SMS_FRAGMENTS_PER_INVITE is "0": expected a whole number of fragments from 1 to 10.',
      'MAIL_TRANSPORT is "pigeon": expected ses, smtp or outbox.',
    ]);
  });

  it('refuses SES locally, when notify asks for its adapters', () => {
    const runtime = runtimeFromServers(SERVERS, {
      env: { MAIL_TRANSPORT: 'ses', SENDER_ADDRESS: 'reports@example.org' },
      outDir: '/tmp/out',
      tmpDir: '/tmp/t',
    });
    expect(() => runtime.notifyAdapters('2026-10')).toThrow('MAIL_TRANSPORT=ses sends through Amazon SES');
  });
});
