import { describe, expect, it, vi } from 'vitest';
import { runtimeFromEnvironment } from '../../../lambdas/handlers/runtime-from-environment';

const LAMBDA_ENV = { TABLE_NAME: 'pcm-table', EXPORTS_BUCKET: 'pcm-exports', REPORTS_BUCKET: 'pcm-reports' };

describe('the unknown-deliveries metric', () => {
  it('is published as CloudWatch EMF on stdout only inside a Lambda, 0 included (so its alarm clears)', () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const at = new Date('2026-11-02T07:00:00Z');
    try {
      runtimeFromEnvironment(LAMBDA_ENV, 'x').unknownDeliveries(2, '2026-10', at);
      expect(lines).toEqual([]);
      const inLambda = runtimeFromEnvironment({ ...LAMBDA_ENV, AWS_LAMBDA_FUNCTION_NAME: 'notify' }, 'x');
      inLambda.unknownDeliveries(2, '2026-10', at);
      inLambda.unknownDeliveries(0, '2026-10', at);
    } finally {
      spy.mockRestore();
    }
    const metric = (count: number) => ({
      _aws: {
        Timestamp: Date.parse('2026-11-02T07:00:00Z'),
        CloudWatchMetrics: [
          { Namespace: 'PcmReporter', Dimensions: [[]], Metrics: [{ Name: 'UnknownDeliveries', Unit: 'Count' }] },
        ],
      },
      UnknownDeliveries: count,
      period: '2026-10',
    });
    expect(lines.map((line) => JSON.parse(line))).toEqual([metric(2), metric(0)]);
  });
});
