import { Duration } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { PortalConfig } from '../config/portal-config';
import { grantPortalAccess } from '../iam/grant-portal-access';
import type { DataTable } from './data-table';
import { HandlerFunction } from './handler-function';
import { PortalApi } from './portal-api';
import { PortalDistribution } from './portal-distribution';
import { PortalUserPool } from './portal-user-pool';

export interface ReportPortalProps {
  readonly reportsBucket: IBucket;
  readonly table: DataTable;
  readonly key: IKey;
  /** Receives the CloudFront access logs. */
  readonly accessLogsBucket: IBucket;
  readonly icbName: string;
  readonly senderAddress: string;
  readonly gapListRetentionDays: number;
  /** Disclosure control on the pages, as on the workbook of the same deployment (SPEC §3). */
  readonly suppressSmallNumbers: boolean;
  readonly portal: PortalConfig;
}

/**
 * The report portal (SPEC §4.5): the portal function behind an HTTP API, CloudFront in front, and the Cognito pool
 * people sign in with.
 *
 * No dependency cycle: the callback URL needs the distribution's domain, the distribution needs the API, and the
 * function's environment needs the client id. The distribution's origin is built from the API's id only (see
 * PortalApi.originDomainName), and the API resource does not depend on the function (its route and integration do),
 * so the chain function → client → distribution → API ends there. With a custom domain the URL is known up front.
 */
export class ReportPortal extends Construct {
  readonly portalFunction: HandlerFunction;
  readonly api: PortalApi;
  readonly site: PortalDistribution;
  readonly users: PortalUserPool;
  /** https://<portal domain>, no trailing slash. */
  readonly baseUrl: string;

  constructor(scope: Construct, id: string, props: ReportPortalProps) {
    super(scope, id);
    const { portal } = props;
    this.portalFunction = new HandlerFunction(this, 'PortalFunction', {
      entry: 'lambdas/handlers/portal.ts',
      description: 'Report portal: signed-in pages and audited downloads for analysts, practices and admins',
      memorySize: 1024,
      // API Gateway gives up on an integration after 30 seconds.
      timeout: Duration.seconds(29),
      serviceName: 'pcm-reporter-portal',
      environment: {
        REPORTS_BUCKET: props.reportsBucket.bucketName,
        TABLE_NAME: props.table.tableName,
        ICB_NAME: props.icbName,
        GAP_LIST_RETENTION_DAYS: String(props.gapListRetentionDays),
        SUPPRESS_SMALL_NUMBERS: String(props.suppressSmallNumbers),
      },
      logKey: props.key,
      withNhsukFrontend: true,
    });
    this.api = new PortalApi(this, 'Api', { handler: this.portalFunction.function, logKey: props.key });
    this.site = new PortalDistribution(this, 'Site', {
      originDomainName: this.api.originDomainName,
      logBucket: props.accessLogsBucket,
      domainName: portal.domainName,
      certificateArn: portal.certificateArn,
    });
    this.baseUrl = `https://${portal.domainName ?? this.site.distribution.distributionDomainName}`;
    this.users = new PortalUserPool(this, 'Users', {
      senderAddress: props.senderAddress,
      sesIdentity: portal.sesIdentity,
      authDomainPrefix: portal.authDomainPrefix,
      federation: portal.federation,
      icbName: props.icbName,
      portalBaseUrl: this.baseUrl,
    });

    const fn = this.portalFunction.function;
    fn.addEnvironment('USER_POOL_ID', this.users.userPool.userPoolId);
    fn.addEnvironment('USER_POOL_CLIENT_ID', this.users.client.userPoolClientId);
    fn.addEnvironment('COGNITO_DOMAIN', this.users.domain.baseUrl());
    fn.addEnvironment('PORTAL_BASE_URL', this.baseUrl);

    grantPortalAccess(this.portalFunction.role, {
      reportsBucket: props.reportsBucket,
      table: props.table,
      key: props.key,
      userPool: this.users.userPool,
    });
  }
}
