import { describe, expect, it } from 'vitest';

describe('Lambda handler modules', () => {
  it('import without reading the environment, and fail on the first event when it is not configured', async () => {
    const saved = { ...process.env };
    for (const key of ['TABLE_NAME', 'EXPORTS_BUCKET', 'REPORTS_BUCKET']) delete process.env[key];
    try {
      const ingest = await import('../../../lambdas/handlers/ingest');
      const report = await import('../../../lambdas/handlers/monthly-report');
      const notify = await import('../../../lambdas/handlers/notify-practices');
      await expect(ingest.handler({ Records: [] })).rejects.toThrow(
        /TABLE_NAME is not set[\s\S]*EXPORTS_BUCKET is not set[\s\S]*REPORTS_BUCKET is not set/,
      );
      await expect(report.handler({ period: '2026-10' })).rejects.toThrow('TABLE_NAME is not set');
      await expect(notify.handler({ period: '2026-10' })).rejects.toThrow('TABLE_NAME is not set');
    } finally {
      Object.assign(process.env, saved);
    }
  });
});
