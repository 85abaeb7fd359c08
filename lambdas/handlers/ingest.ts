// Placeholder until the ingest pipeline lands (same session); the CDK stack bundles this entry.
export async function handler(_event: unknown): Promise<{ batchItemFailures: { itemIdentifier: string }[] }> {
  throw new Error('ingest handler not implemented yet');
}
