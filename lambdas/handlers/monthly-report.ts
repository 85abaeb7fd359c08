// Placeholder until the report pipeline lands (same session); the CDK stack bundles this entry.
export async function handler(_event: { period?: string }): Promise<unknown> {
  throw new Error('monthly report handler not implemented yet');
}
