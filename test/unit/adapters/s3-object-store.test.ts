import { HeadObjectCommand, NotFound, type S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { S3ObjectStore } from '../../../lambdas/adapters/s3-object-store';

/** An S3 client whose every call answers with `reply` (a value, or an error to throw). */
function clientAnswering(reply: unknown): { client: S3Client; sent: unknown[] } {
  const sent: unknown[] = [];
  const client = {
    send: async (command: unknown) => {
      sent.push(command);
      if (reply instanceof Error) throw reply;
      return reply;
    },
  } as unknown as S3Client;
  return { client, sent };
}

const bareStatus = (status: number, name: string) =>
  new S3ServiceException({ name, $fault: 'client', $metadata: { httpStatusCode: status }, message: 'UnknownError' });

describe('S3ObjectStore.head', () => {
  it('returns the unquoted etag and the user metadata', async () => {
    const { client, sent } = clientAnswering({ ETag: '"abc123"', Metadata: { 'gap-list-fingerprint': 'f00d' } });
    const head = await new S3ObjectStore(client).head('reports', 'gap-lists/2026-10/x.xlsx');
    expect(head).toEqual({ etag: 'abc123', metadata: { 'gap-list-fingerprint': 'f00d' } });
    expect(sent[0]).toBeInstanceOf(HeadObjectCommand);
  });

  it('returns undefined for a missing object (404)', async () => {
    const { client } = clientAnswering(new NotFound({ $metadata: { httpStatusCode: 404 }, message: 'NotFound' }));
    expect(await new S3ObjectStore(client).head('reports', 'missing')).toBeUndefined();
  });

  it('returns undefined for a 403, which is how S3 answers HEAD of a missing key without s3:ListBucket', async () => {
    const { client } = clientAnswering(bareStatus(403, 'Forbidden'));
    expect(await new S3ObjectStore(client).head('reports', 'missing')).toBeUndefined();
  });

  it('passes any other failure on', async () => {
    const { client } = clientAnswering(bareStatus(500, 'InternalError'));
    await expect(new S3ObjectStore(client).head('reports', 'x')).rejects.toThrow(S3ServiceException);
  });
});
