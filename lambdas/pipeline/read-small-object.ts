import type { ObjectStore } from '../ports';

/**
 * The whole body of a small object (staged gap rows, a gap list workbook). Never for exports:
 * those are always streamed.
 */
export async function readSmallObject(objects: Pick<ObjectStore, 'get'>, bucket: string, key: string): Promise<Buffer> {
  const object = await objects.get(bucket, key);
  const chunks: Buffer[] = [];
  for await (const chunk of object.body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}
