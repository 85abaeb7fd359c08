import type { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  type GetObjectCommandOutput,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import {
  type ObjectHead,
  type ObjectMetadata,
  ObjectNotFoundError,
  type ObjectStore,
  type StoredObject,
} from '../ports';

/** ObjectStore over S3 (or an S3-compatible server). Bodies are streamed, never buffered whole. */
export class S3ObjectStore implements ObjectStore {
  constructor(private readonly s3: S3Client) {}

  async get(bucket: string, key: string): Promise<StoredObject> {
    let response: GetObjectCommandOutput;
    try {
      response = await this.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    } catch (error) {
      // Only NoSuchKey: a 403 may mean a missing key (see head) but also a real lack of permission, which a
      // reader that falls back on "not found" would hide.
      if (error instanceof NoSuchKey) throw new ObjectNotFoundError(bucket, key, { cause: error });
      throw error;
    }
    if (!response.Body) throw new ObjectNotFoundError(bucket, key);
    return {
      body: response.Body as AsyncIterable<Uint8Array>,
      etag: (response.ETag ?? '').replaceAll('"', ''),
      versionId: response.VersionId,
      lastModified: response.LastModified ?? new Date(0),
      size: response.ContentLength,
    };
  }

  async head(bucket: string, key: string): Promise<ObjectHead | undefined> {
    try {
      const response = await this.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return { etag: (response.ETag ?? '').replaceAll('"', ''), metadata: response.Metadata ?? {} };
    } catch (error) {
      // HEAD has no body, so a missing object comes back as a bare 404 (NotFound), not NoSuchKey; and as a
      // bare 403 when the role may only list under prefixes (lib/iam/grant-prefix-access.ts), since S3 hides
      // whether a key exists from callers without an unconditioned s3:ListBucket. Both mean "not there for
      // us"; a caller that then writes the object still fails loudly if it really lacks the permission.
      if (error instanceof NotFound || error instanceof NoSuchKey || httpStatus(error) === 403) return undefined;
      throw error;
    }
  }

  async put(
    bucket: string,
    key: string,
    body: Uint8Array | string | Readable,
    contentType: string,
    metadata?: ObjectMetadata,
  ): Promise<void> {
    const params = {
      Bucket: bucket,
      Key: key,
      Body: body,
      ContentType: contentType,
      Metadata: metadata && { ...metadata },
    };
    // Bytes in memory go up in one PutObject; Upload (multipart in 5 MB parts) is for streams of unknown length.
    // Upload's part machinery cost ~1 ms a call for the ~600 small outputs of an ICB-wide ingest.
    if (typeof body === 'string' || body instanceof Uint8Array) {
      // Given, not left to the SDK, which sends no length for an empty string (and then warns of a stream).
      const length = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
      await this.s3.send(new PutObjectCommand({ ...params, ContentLength: length }));
    } else {
      await new Upload({ client: this.s3, params }).done();
    }
  }

  async copy(fromBucket: string, fromKey: string, toBucket: string, toKey: string): Promise<void> {
    const source = `${fromBucket}/${fromKey.split('/').map(encodeURIComponent).join('/')}`;
    await this.s3.send(new CopyObjectCommand({ Bucket: toBucket, Key: toKey, CopySource: source }));
  }

  async delete(bucket: string, key: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  }

  async list(bucket: string, prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.s3.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const item of page.Contents ?? []) if (item.Key) keys.push(item.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys;
  }

  link(bucket: string, key: string, expiresInSeconds: number): Promise<string> {
    return getSignedUrl(this.s3, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: expiresInSeconds });
  }
}

function httpStatus(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}
