import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, describe, expect, it } from 'vitest';
import { acknowledgeFinding } from '../../../lib/nag/acknowledge';
import { acknowledgements, shortAcknowledgements, staleAcknowledgements, unacknowledgedFindings } from './nag-findings';
import { synthForTest } from './synth-for-test';

const { app } = synthForTest();

const outdirs: string[] = [];
afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * A fresh app with one stack holding a bucket that has neither access logs (AwsSolutions-S1) nor a TLS-only
 * policy (AwsSolutions-S10), checked by cdk-nag the way createPcmReporterApp checks the real one.
 */
function appWithUnsafeBucket(): { app: App; bucket: Bucket } {
  const outdir = mkdtempSync(join(tmpdir(), 'pcm-nag-test-'));
  outdirs.push(outdir);
  const small = new App({ outdir });
  const bucket = new Bucket(new Stack(small, 'Small'), 'Unlogged');
  Validations.of(small).addPlugins(new AwsSolutionsChecks(small));
  return { app: small, bucket };
}

const UNSAFE_BUCKET = 'Small/Unlogged/Resource';
const TEN_WORDS = 'This test bucket holds nothing, so its access need not be logged.';

describe('cdk-nag AwsSolutions checks on the app', () => {
  it('report no unacknowledged finding', () => {
    expect(unacknowledgedFindings(app)).toEqual([]);
  });

  it('run inside synthesis, which succeeds', () => {
    // force: the app was synthesised once already (synthForTest), and a second synth() would return that result.
    expect(() => app.synth({ force: true })).not.toThrow();
  });

  it('give every acknowledgement a reason of at least ten words', () => {
    expect(acknowledgements(app).length).toBeGreaterThan(0);
    expect(shortAcknowledgements(app)).toEqual([]);
  });

  it('acknowledge only findings that really occur, so no acknowledgement is stale', () => {
    expect(staleAcknowledgements(app)).toEqual([]);
  });

  it('fail synthesis when a new finding appears', () => {
    const { app: unsafeApp, stack } = synthForTest();
    new Bucket(stack, 'BucketWithoutLogsOrTls');
    expect(unacknowledgedFindings(unsafeApp)).toEqual(
      expect.arrayContaining([
        'AwsSolutions-S1 at PcmReporter/BucketWithoutLogsOrTls/Resource',
        'AwsSolutions-S10 at PcmReporter/BucketWithoutLogsOrTls/Resource',
      ]),
    );
    expect(() => unsafeApp.synth({ force: true })).toThrow(/AwsSolutions-S1'/);
  });
});

// The checks above pass on a clean app; these prove each of them reports the problem it looks for.
describe('the checks themselves, on a fresh app with a deliberate problem', () => {
  it('report the findings on a bucket without access logs or TLS, and synthesis fails', () => {
    const { app: small } = appWithUnsafeBucket();
    expect(unacknowledgedFindings(small)).toEqual([
      `AwsSolutions-S1 at ${UNSAFE_BUCKET}`,
      `AwsSolutions-S10 at ${UNSAFE_BUCKET}`,
    ]);
    expect(() => small.synth()).toThrow(/AwsSolutions-S1'[\s\S]*AwsSolutions-S10'/);
  });

  it('stop reporting a finding once it is acknowledged, and do not count that acknowledgement as stale', () => {
    const { app: small, bucket } = appWithUnsafeBucket();
    acknowledgeFinding(bucket, 'AwsSolutions-S1', TEN_WORDS);
    expect(unacknowledgedFindings(small)).toEqual([`AwsSolutions-S10 at ${UNSAFE_BUCKET}`]);
    expect(staleAcknowledgements(small)).toEqual([]);
  });

  it('report an acknowledgement of a finding that does not occur as stale', () => {
    const { app: small, bucket } = appWithUnsafeBucket();
    acknowledgeFinding(bucket, 'AwsSolutions-IAM4', TEN_WORDS);
    expect(staleAcknowledgements(small)).toEqual([
      { path: 'Small/Unlogged', id: 'AwsSolutions-IAM4', reason: TEN_WORDS },
    ]);
  });

  it('report an acknowledgement whose reason is shorter than ten words', () => {
    const { app: small, bucket } = appWithUnsafeBucket();
    // Straight through CDK: acknowledgeFinding itself refuses a short reason.
    Validations.of(bucket).acknowledge({ id: 'AwsSolutions-S1', reason: 'Not needed here.' });
    expect(shortAcknowledgements(small)).toEqual([
      { path: 'Small/Unlogged', id: 'AwsSolutions-S1', reason: 'Not needed here.' },
    ]);
  });
});
