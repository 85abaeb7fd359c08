import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { MIN_REASON_WORDS } from '../../../lib/nag/acknowledge';

/*
 * The checks nag.test.ts runs on the app. They live here so that the same functions can be run on a small app
 * with a deliberate problem, which proves each of them reports one.
 */

export interface Acknowledgement {
  path: string;
  id: string;
  reason: string;
}

/** cdk-nag's unacknowledged findings, as `rule at path` strings: what would fail synthesis. */
export function unacknowledgedFindings(root: IConstruct): string[] {
  return new AwsSolutionsChecks()
    .validateScope(root)
    .violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}`));
}

/** Every acknowledgement recorded anywhere below `root` (cdk-nag v3 reads exactly this metadata). */
export function acknowledgements(root: IConstruct): Acknowledgement[] {
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

/** Acknowledgements whose reason is shorter than MIN_REASON_WORDS words. */
export function shortAcknowledgements(root: IConstruct): Acknowledgement[] {
  return acknowledgements(root).filter((ack) => ack.reason.trim().split(/\s+/).length < MIN_REASON_WORDS);
}

/** Acknowledgements of a finding that does not occur at or below their construct. */
export function staleAcknowledgements(root: IConstruct): Acknowledgement[] {
  const findings = findingsIgnoringAcknowledgements(root);
  return acknowledgements(root).filter(
    (ack) => !findings.some((finding) => finding.id === ack.id && `${finding.path}/`.startsWith(`${ack.path}/`)),
  );
}

/** The findings cdk-nag would report if nothing were acknowledged. */
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
