import { HeadObjectCommand, NoSuchKey, NotFound, type S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { S3ObjectStore } from '../../../lambdas/adapters/s3-object-store';
import { ObjectNotFoundError } from '../../../lambdas/ports';

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

describe('S3ObjectStore.get', () => {
  it('returns the body, the unquoted etag and the dates S3 gives', async () => {
    const body = ['csv'];
    const lastModified = new Date('2026-10-31T08:00:00Z');
    const { client } = clientAnswering({ Body: body, ETag: '"e1"', LastModified: lastModified, ContentLength: 3 });
    const object = await new S3ObjectStore(client).get('exports', 'exports/a.csv');
    expect(object).toEqual({ body, etag: 'e1', versionId: undefined, lastModified, size: 3 });
  });

  it('rejects with the port’s ObjectNotFoundError, naming bucket and key, when S3 says NoSuchKey', async () => {
    const noSuchKey = new NoSuchKey({
      $metadata: { httpStatusCode: 404 },
      message: 'The specified key does not exist.',
    });
    const { client } = clientAnswering(noSuchKey);
    const error = await new S3ObjectStore(client).get('reports', 'staging/x.gaprows').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ObjectNotFoundError);
    expect(error).toMatchObject({ bucket: 'reports', key: 'staging/x.gaprows', cause: noSuchKey });
  });

  it('rejects with ObjectNotFoundError when S3 answers without a body', async () => {
    const { client } = clientAnswering({ ETag: '"e1"' });
    await expect(new S3ObjectStore(client).get('reports', 'x')).rejects.toThrow(ObjectNotFoundError);
  });

  it('passes a 403 on as it is: unlike HEAD, a GET that is refused may be a real lack of permission', async () => {
    const { client } = clientAnswering(bareStatus(403, 'AccessDenied'));
    const error = await new S3ObjectStore(client).get('reports', 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(S3ServiceException);
    expect(error).not.toBeInstanceOf(ObjectNotFoundError);
  });
});
