import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AwsConnection } from '../config';

/** S3 client for the real service, or for the in-process S3-compatible server in local mode. */
export function createS3Client(aws: AwsConnection): S3Client {
  return new S3Client({
    region: aws.region,
    endpoint: aws.s3Endpoint,
    forcePathStyle: aws.forcePathStyle,
    credentials: aws.credentials,
  });
}

export function createDocumentClient(aws: AwsConnection): DynamoDBDocumentClient {
  const client = new DynamoDBClient({ region: aws.region, endpoint: aws.dynamoEndpoint, credentials: aws.credentials });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
}
