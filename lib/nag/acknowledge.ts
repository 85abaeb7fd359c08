import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** Every acknowledgement must say why in at least this many words: "not needed" is not a reason. */
export const MIN_REASON_WORDS = 10;

const WORDS = /\s+/;

/**
 * Acknowledges one cdk-nag finding on a construct and everything below it (cdk-nag v3: CDK's own
 * `Validations.of(scope).acknowledge`). Throws at synth when the reason is too short to be useful to a reviewer.
 */
export function acknowledgeFinding(scope: IConstruct, id: string, reason: string): void {
  const words = reason.trim().split(WORDS).filter(Boolean).length;
  if (words < MIN_REASON_WORDS) {
    throw new Error(
      `The acknowledgement of ${id} on ${scope.node.path} gives a ${words}-word reason; ` +
        `write at least ${MIN_REASON_WORDS} words saying why the finding is acceptable here.`,
    );
  }
  Validations.of(scope).acknowledge({ id, reason });
}

/** The id of the AwsSolutions-IAM5 finding for one wildcard resource, as cdk-nag spells it (`<Logical.Arn>/x/*`). */
export function wildcardResourceFinding(scope: IConstruct, resource: string): string {
  return `AwsSolutions-IAM5[Resource::${flattenReference(Stack.of(scope).resolve(resource))}]`;
}

/** Mirrors cdk-nag's flattening of CloudFormation intrinsics so finding ids match exactly. */
function flattenReference(node: unknown): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node.replaceAll('${', '<').replaceAll('}', '>');
  const value = node as Record<string, unknown>;
  const join = value['Fn::Join'];
  if (Array.isArray(join)) {
    const [delimiter, items] = join as [string, unknown[]];
    return items.map(flattenReference).join(delimiter);
  }
  if (value['Fn::Sub'] !== undefined) return flattenReference(value['Fn::Sub']);
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt)) return `<${flattenReference(getAtt[0])}.${flattenReference(getAtt[1])}>`;
  if (value['Fn::ImportValue'] !== undefined) return flattenReference(value['Fn::ImportValue']);
  if (value.Ref !== undefined) return `<${flattenReference(value.Ref)}>`;
  return JSON.stringify(node);
}
