import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObjectNotFoundError } from '../../lambdas/ports';
import { FaultPlan } from '../support/fault-plan';
import { FaultyObjectStore } from '../support/faulty-object-store';
import { type PipelineHarness, REPORTS_BUCKET, startPipelineHarness } from '../support/pipeline-harness';

let h: PipelineHarness;
beforeAll(async () => {
  h = await startPipelineHarness();
});
afterAll(() => h.close());

// The port's not-found contract against a real S3 wire protocol (the in-process server), not a fake of it.
describe('ObjectStore.get of a key that is not there', () => {
  it('rejects with ObjectNotFoundError from the S3 adapter', async () => {
    const error = await h.objects.get(REPORTS_BUCKET, 'staging/none.gaprows').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ObjectNotFoundError);
    expect(error).toMatchObject({ bucket: REPORTS_BUCKET, key: 'staging/none.gaprows' });
  });

  it('rejects with the same error through the fault-injecting decorator tests wrap it in', async () => {
    const objects = new FaultyObjectStore(h.objects, new FaultPlan());
    await expect(objects.get(REPORTS_BUCKET, 'staging/none.gaprows')).rejects.toThrow(ObjectNotFoundError);
  });
});
