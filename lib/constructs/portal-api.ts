import { Aws, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledgeFinding } from '../nag/acknowledge';

/**
 * One JSON line per request, with HTTP API context variables only (CDK's default is the REST API's common log format).
 * No source IP: behind CloudFront it is an edge address, and CloudFront's own logs keep the viewer's.
 */
export const PORTAL_ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTime',
    method: '$context.httpMethod',
    path: '$context.path',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    integrationLatency: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
  }),
);

/** Requests per second (and burst) the portal accepts before API Gateway answers 429: generous for a few hundred users. */
export const PORTAL_THROTTLE = { rateLimit: 50, burstLimit: 100 } as const;

export interface PortalApiProps {
  /** The portal function (hono), which does its own routing and authorisation. */
  readonly handler: IFunction;
  /** Encrypts the access-log group. */
  readonly logKey: IKey;
}

/**
 * The portal's origin: an HTTP API whose `$default` route sends every request to the portal function (payload 2.0),
 * with access logs and throttling on its auto-deployed `$default` stage. An API rather than a function URL because a
 * function URL behind CloudFront origin access control cannot take plain HTML form POSTs (their bodies are not
 * signed).
 */
export class PortalApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogGroup: LogGroup;
  /**
   * Host name of the API's default endpoint (the CloudFront origin). Built from the API's id alone, so the
   * distribution depends on the API resource but not on its routes, integration or function.
   */
  readonly originDomainName: string;

  constructor(scope: Construct, id: string, props: PortalApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'HttpApi', {
      description: 'pcm-reporter report portal (origin of the CloudFront distribution)',
      createDefaultStage: false,
      defaultIntegration: new HttpLambdaIntegration('PortalIntegration', props.handler),
    });
    acknowledgeFinding(
      this.api,
      'AwsSolutions-APIG4',
      'The portal authorises every request itself: it verifies the Cognito tokens held in its HttpOnly session ' +
        'cookie and checks the role per route, while the sign-in and callback pages must stay reachable unsigned; ' +
        'an API Gateway JWT authorizer reads only the Authorization header, which browsers do not send.',
    );
    this.accessLogGroup = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.ONE_YEAR,
      encryptionKey: props.logKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: PORTAL_THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogGroup),
        format: PORTAL_ACCESS_LOG_FORMAT,
      },
    });
    this.originDomainName = `${this.api.apiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`;
  }
}
