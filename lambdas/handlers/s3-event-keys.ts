/** The objects named by an S3 event notification (as SQS delivers it); test events name none. */
export function s3EventObjects(body: string): { bucket: string; key: string; etag?: string }[] {
  const parsed = JSON.parse(body) as {
    Event?: string;
    Records?: { eventName?: string; s3?: { bucket?: { name?: string }; object?: { key?: string; eTag?: string } } }[];
  };
  if (parsed.Event === 's3:TestEvent') return [];
  return (parsed.Records ?? []).flatMap((record) => {
    const bucket = record.s3?.bucket?.name;
    const key = record.s3?.object?.key;
    if (!bucket || !key || !record.eventName?.startsWith('ObjectCreated')) return [];
    // S3 URL-encodes keys in notifications, with '+' for spaces.
    const etag = record.s3?.object?.eTag || undefined;
    return [{ bucket, key: decodeURIComponent(key.replace(/\+/g, ' ')), etag }];
  });
}
