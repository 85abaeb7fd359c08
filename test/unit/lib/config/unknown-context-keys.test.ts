import { describe, expect, it } from 'vitest';
import { DeployConfigError, loadDeployConfig } from '../../../../lib/config/deploy-config';
import { isCdkContextKey, unknownContextKeys } from '../../../../lib/config/unknown-context-keys';
import { createPcmReporterApp } from '../../../../lib/pcm-reporter-app';

describe('unknownContextKeys', () => {
  it("names each key that is neither this project's nor CDK's, with a guess", () => {
    expect(
      unknownContextKeys(['icbName', 'icbNmae', 'linkExpiryDay', 'colour'], ['icbName', 'linkExpiryDays']),
    ).toEqual([
      "unknown key 'colour'",
      "unknown key 'icbNmae' — did you mean 'icbName'?",
      "unknown key 'linkExpiryDay' — did you mean 'linkExpiryDays'?",
    ]);
  });

  it("leaves CDK's feature flags, toolkit settings, lookups and plain keys alone", () => {
    const cdkKeys = [
      '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy',
      'aws:cdk:bundling-stacks',
      'aws-cdk:enableDiffNoFail',
      'availability-zones:account=123456789012:region=eu-west-2',
      'acknowledged-issue-numbers',
    ];
    expect(cdkKeys.every(isCdkContextKey)).toBe(true);
    expect(unknownContextKeys(cdkKeys, ['icbName'])).toEqual([]);
  });
});

describe('loadDeployConfig with the context keys', () => {
  it('fails with every unknown key as one more problem, saying which keys are known', () => {
    let error: unknown;
    try {
      loadDeployConfig(() => undefined, {}, ['icbNmae', '@aws-cdk/core:newStyleStackSynthesis']);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DeployConfigError);
    const { unknownKeys, message } = error as DeployConfigError;
    expect(unknownKeys).toEqual(["unknown key 'icbNmae' — did you mean 'icbName'?"]);
    expect(message).toMatch(/^The pcm-reporter deployment configuration has 1 problem:\n {2}- context: unknown key/);
    expect(message).toContain("this project's keys: icbName, reportSchedule, senderAddress");
  });

  it('is given every context key by the app, so a misspelt cdk.json key stops the synth', () => {
    expect(() => createPcmReporterApp({ context: { smsInvitesPerYr: 3 }, env: {} })).toThrow(
      "context: unknown key 'smsInvitesPerYr' — did you mean 'smsInvitesPerYear'?",
    );
  });
});
