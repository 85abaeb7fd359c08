import { describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../../lambdas/errors';
import { onFirstInvocation } from '../../../lambdas/handlers/on-first-invocation';
import { runtimeFromEnvironment } from '../../../lambdas/handlers/runtime-from-environment';

const LAMBDA_ENV = { TABLE_NAME: 'pcm-table', EXPORTS_BUCKET: 'pcm-exports', REPORTS_BUCKET: 'pcm-reports' };

describe('onFirstInvocation', () => {
  it('builds the handler on the first event only and reuses it on warm starts', async () => {
    let builds = 0;
    const handler = onFirstInvocation(() => {
      builds += 1;
      return async (event: number) => event * 2;
    });
    expect(builds).toBe(0);
    expect(await handler(3)).toBe(6);
    expect(await handler(5)).toBe(10);
    expect(builds).toBe(1);
  });

  it('turns a configuration problem into a rejected invocation, not a failed import', async () => {
    const handler = onFirstInvocation(() => createFromEnvironment({}));
    await expect(handler(1)).rejects.toThrow(ConfigError);
    await expect(handler(1)).rejects.toThrow('TABLE_NAME is not set');
  });
});

function createFromEnvironment(env: Record<string, string>) {
  runtimeFromEnvironment(env, 'test');
  return async (event: number) => event;
}

describe('runtimeFromEnvironment', () => {
  it('checks the email settings only when the notify side is first used', () => {
    const runtime = runtimeFromEnvironment({ ...LAMBDA_ENV, LINK_EXPIRY_DAYS: '9' }, 'pcm-reporter-ingest');
    expect(runtime.config.tableName).toBe('pcm-table');
    expect(() => runtime.notifyAdapters('2026-10')).toThrow(
      'LINK_EXPIRY_DAYS is "9": expected a whole number of days from 1 to 7 (S3 presigned links signed with SigV4 cannot last longer than 7 days).',
    );
  });

  it('builds the notify adapters once, whatever the period', () => {
    const runtime = runtimeFromEnvironment({ ...LAMBDA_ENV, OUTBOX_DIR: '/tmp/outbox' }, 'pcm-reporter-notify');
    const first = runtime.notifyAdapters('2026-09');
    expect(runtime.notifyAdapters('2026-10')).toBe(first);
    expect(first.config).toMatchObject({ transport: 'outbox', outboxDir: '/tmp/outbox', linkExpiryDays: 7 });
  });

  it('publishes the report metric (CloudWatch EMF on stdout) only inside a Lambda', () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      const at = new Date('2026-11-02T06:00:00Z');
      runtimeFromEnvironment(LAMBDA_ENV, 'x').reportProduced('2026-10', at);
      expect(lines).toEqual([]);
      runtimeFromEnvironment({ ...LAMBDA_ENV, AWS_LAMBDA_FUNCTION_NAME: 'report' }, 'x').reportProduced('2026-10', at);
    } finally {
      spy.mockRestore();
    }
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      {
        _aws: {
          Timestamp: Date.parse('2026-11-02T06:00:00Z'),
          CloudWatchMetrics: [
            { Namespace: 'PcmReporter', Dimensions: [[]], Metrics: [{ Name: 'ReportProduced', Unit: 'Count' }] },
          ],
        },
        ReportProduced: 1,
        period: '2026-10',
      },
    ]);
  });
});
