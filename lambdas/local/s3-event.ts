import type { SQSEvent } from 'aws-lambda';

/** The SQS message S3 would deliver for one new object: what the ingest Lambda receives in AWS. */
export function sqsEventForNewObject(bucket: string, key: string, size: number, etag: string): SQSEvent {
  const s3Event = {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'eu-west-2',
        eventTime: new Date().toISOString(),
        eventName: 'ObjectCreated:Put',
        s3: {
          s3SchemaVersion: '1.0',
          bucket: { name: bucket, arn: `arn:aws:s3:::${bucket}` },
          object: { key: encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+'), size, eTag: etag },
        },
      },
    ],
  };
  return {
    Records: [
      {
        messageId: `local-${key}`,
        receiptHandle: 'local',
        body: JSON.stringify(s3Event),
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: String(Date.now()),
          SenderId: 'local',
          ApproximateFirstReceiveTimestamp: String(Date.now()),
        },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:eu-west-2:000000000000:pcm-ingest',
        awsRegion: 'eu-west-2',
      },
    ],
  };
}
