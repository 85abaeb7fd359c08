import { Validations } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { MIN_REASON_WORDS } from '../../../lib/nag/acknowledge';
import { synthForTest } from './synth-for-test';

const { app } = synthForTest();

interface Acknowledgement {
  path: string;
  id: string;
  reason: string;
}

/** Every acknowledgement recorded anywhere in the app (cdk-nag v3 reads exactly this metadata). */
function acknowledgements(root: IConstruct): Acknowledgement[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          // aws-cdk-lib records rule ids with an `Annotation::` namespace; cdk-nag strips it the same way.
          id: id.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );
}

/** The findings cdk-nag would report if nothing were acknowledged, as `path id` strings. */
function findingsIgnoringAcknowledgements(root: IConstruct): { path: string; id: string }[] {
  // Test-only: cdk-nag 3.0.2's private isAcknowledged is bypassed to see every finding, acknowledged or not.
  class EveryFinding extends AwsSolutionsChecks {}
  Object.defineProperty(EveryFinding.prototype, 'isAcknowledged', { value: () => false });
  return new EveryFinding()
    .validateScope(root)
    .violations.flatMap((violation) =>
      violation.violatingResources.map((resource) => ({ path: resource.constructPath ?? '', id: violation.ruleName })),
    );
}

describe('cdk-nag AwsSolutions checks', () => {
  it('report no unacknowledged finding on the app', () => {
    const report = new AwsSolutionsChecks().validateScope(app);
    expect(
      report.violations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath)}`),
    ).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('run inside synthesis, which succeeds', () => {
    expect(() => app.synth()).not.toThrow();
  });

  it('give every acknowledgement a reason of at least ten words', () => {
    const all = acknowledgements(app);
    expect(all.length).toBeGreaterThan(0);
    const short = all.filter((ack) => ack.reason.trim().split(/\s+/).length < MIN_REASON_WORDS);
    expect(short).toEqual([]);
  });

  it('acknowledge only findings that really occur, so no acknowledgement is stale', () => {
    const findings = findingsIgnoringAcknowledgements(app);
    const stale = acknowledgements(app).filter(
      (ack) => !findings.some((finding) => finding.id === ack.id && `${finding.path}/`.startsWith(`${ack.path}/`)),
    );
    expect(stale).toEqual([]);
  });

  it('fail synthesis when a new finding appears', () => {
    const { app: unsafeApp, stack } = synthForTest();
    new Bucket(stack, 'BucketWithoutLogsOrTls');
    const ruleNames = new AwsSolutionsChecks().validateScope(unsafeApp).violations.map((v) => v.ruleName);
    expect(ruleNames).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']));
    expect(() => unsafeApp.synth({ force: true })).toThrow(/AwsSolutions-S1'/);
  });
});
