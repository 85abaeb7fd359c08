import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { StackConfig } from './config/deploy-config';
import { AccessLogsBucket } from './constructs/access-logs-bucket';
import { DataKey } from './constructs/data-key';
import { DataTable } from './constructs/data-table';
import { IngestPipeline } from './constructs/ingest-pipeline';
import { MonthlyReportWorkflow, REPORT_METRIC } from './constructs/monthly-report-workflow';
import { OperationsAlarms } from './constructs/operations-alarms';
import { ReportPortal } from './constructs/report-portal';
import { SecureBucket } from './constructs/secure-bucket';
import { exportsBucketLifecycle, KEY_PREFIXES, reportsBucketLifecycle } from './storage/lifecycle-rules';

export interface PcmReporterStackProps extends StackProps {
  /** Validated deployment and portal settings (lib/config/deploy-config.ts, lib/config/portal-config.ts). */
  readonly config: StackConfig;
}

/**
 * pcm-reporter on AWS: exports land in S3 and are ingested through SQS into DynamoDB snapshots and S3 gap lists;
 * once a month a scheduled workflow builds the ICB report and emails practices; analysts and practices fetch their
 * files from the report portal; alarms go to one SNS topic.
 */
export class PcmReporterStack extends Stack {
  readonly exportsBucket: SecureBucket;
  readonly reportsBucket: SecureBucket;
  readonly accessLogsBucket: AccessLogsBucket;
  readonly table: DataTable;
  readonly ingest: IngestPipeline;
  readonly monthlyReport: MonthlyReportWorkflow;
  readonly alarms: OperationsAlarms;
  readonly portal: ReportPortal;

  constructor(scope: Construct, id: string, props: PcmReporterStackProps) {
    super(scope, id, props);
    const { config } = props;

    const { key } = new DataKey(this, 'DataKey');
    this.accessLogsBucket = new AccessLogsBucket(this, 'AccessLogsBucket');
    this.exportsBucket = new SecureBucket(this, 'ExportsBucket', {
      encryptionKey: key,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'exports-bucket/',
      lifecycleRules: exportsBucketLifecycle(config.exportRetentionDays),
    });
    this.reportsBucket = new SecureBucket(this, 'ReportsBucket', {
      encryptionKey: key,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'reports-bucket/',
      lifecycleRules: reportsBucketLifecycle(config.gapListRetentionDays),
    });
    this.table = new DataTable(this, 'Table', { encryptionKey: key });
    this.portal = new ReportPortal(this, 'Portal', {
      reportsBucket: this.reportsBucket,
      table: this.table,
      key,
      accessLogsBucket: this.accessLogsBucket,
      icbName: config.icbName,
      senderAddress: config.senderAddress,
      gapListRetentionDays: config.gapListRetentionDays,
      suppressSmallNumbers: config.suppressSmallNumbers,
      portal: config.portal,
    });

    // The contract with lambdas/config.ts and the handlers: names and settings, never secrets.
    const environment: Record<string, string> = {
      TABLE_NAME: this.table.tableName,
      EXPORTS_BUCKET: this.exportsBucket.bucketName,
      REPORTS_BUCKET: this.reportsBucket.bucketName,
      ICB_NAME: config.icbName,
      SENDER_ADDRESS: config.senderAddress,
      // The handlers read an empty value as their default (nhs.net); `none` means never attach.
      ATTACHMENT_DOMAINS: config.attachmentDomains.length > 0 ? config.attachmentDomains.join(',') : 'none',
      SMS_COST_PER_FRAGMENT_GBP: String(config.smsCostPerFragmentGbp),
      SMS_INVITES_PER_YEAR: String(config.smsInvitesPerYear),
      SMS_FRAGMENTS_PER_INVITE: String(config.smsFragmentsPerInvite),
      SMS_VAT_RATE: String(config.smsVatRate),
      // Disclosure control on the workbook and CSVs; the portal function gets the same value.
      SUPPRESS_SMALL_NUMBERS: String(config.suppressSmallNumbers),
      // Both mappings checked at synth; the ingest Lambda checks them again at start.
      ...(config.columnMapping && { COLUMN_MAPPING: JSON.stringify(config.columnMapping) }),
      ...(config.valueMapping && { VALUE_MAPPING: JSON.stringify(config.valueMapping) }),
      MAIL_TRANSPORT: 'ses',
      // Emails link to the practice page of the portal (SPEC §4.4).
      PORTAL_BASE_URL: this.portal.baseUrl,
    };

    this.ingest = new IngestPipeline(this, 'Ingest', {
      exportsBucket: this.exportsBucket,
      reportsBucket: this.reportsBucket,
      table: this.table,
      key,
      environment,
    });
    this.monthlyReport = new MonthlyReportWorkflow(this, 'MonthlyReport', {
      exportsBucket: this.exportsBucket,
      reportsBucket: this.reportsBucket,
      table: this.table,
      key,
      environment,
      reportSchedule: config.reportSchedule,
      senderAddress: config.senderAddress,
    });

    // Only the notify function writes emails: the named ICB contact and Reply-To (SPEC §4.4) go to it alone.
    const notifyFunction = this.monthlyReport.notifyFunction.function;
    if (config.icbContactName) notifyFunction.addEnvironment('ICB_CONTACT_NAME', config.icbContactName);
    if (config.icbContactEmail) notifyFunction.addEnvironment('ICB_CONTACT_EMAIL', config.icbContactEmail);

    this.alarms = new OperationsAlarms(this, 'Alarms', { key, alarmEmail: config.alarmEmail });
    this.alarms.deadLetterQueueNotEmpty('IngestDeadLetters', this.ingest.deadLetterQueue, 'An export');
    this.alarms.deadLetterQueueNotEmpty(
      'ScheduleDeadLetters',
      this.monthlyReport.scheduleDeadLetterQueue,
      'Starting the monthly report workflow',
    );
    this.alarms.functionErrors('IngestErrors', this.ingest.ingestFunction.function, 'ingest');
    this.alarms.functionErrors('ReportErrors', this.monthlyReport.reportFunction.function, 'monthly report');
    this.alarms.functionErrors('NotifyErrors', this.monthlyReport.notifyFunction.function, 'notify practices');
    this.alarms.workflowFailed('ReportWorkflowFailed', this.monthlyReport.stateMachine);
    this.alarms.noReportProduced('NoReportProduced', REPORT_METRIC);
    this.alarms.unknownDeliveries('UnknownDeliveries');

    const output = (id: string, value: string, description: string) => new CfnOutput(this, id, { value, description });
    output('ExportsBucketName', this.exportsBucket.bucketName, 'Upload exports under exports/ in this bucket');
    output(
      'ExportsUploadLocation',
      this.exportsBucket.s3UrlForObject(KEY_PREFIXES.exports),
      'aws s3 cp export.csv <this location>',
    );
    output('ReportsBucketName', this.reportsBucket.bucketName, 'ICB reports, tidy CSVs and gap lists');
    output(
      'ReportsLocation',
      this.reportsBucket.s3UrlForObject(KEY_PREFIXES.reports),
      'reports/YYYY-MM/icb-report-YYYY-MM.xlsx and practice-metrics-YYYY-MM.csv',
    );
    output('TableName', this.table.tableName, 'Directory, snapshots and ledgers');
    output('ReportStateMachineArn', this.monthlyReport.stateMachine.stateMachineArn, 'Run a month by hand');
    output('IngestDeadLetterQueueUrl', this.ingest.deadLetterQueue.queueUrl, 'Exports that failed every retry');
    output('IngestLogGroupName', this.ingest.ingestFunction.logGroup.logGroupName, 'aws logs tail <this> --follow');
    output('ReportLogGroupName', this.monthlyReport.reportFunction.logGroup.logGroupName, 'Monthly report logs');
    output('NotifyLogGroupName', this.monthlyReport.notifyFunction.logGroup.logGroupName, 'Practice email logs');
    output('AlarmTopicArn', this.alarms.topic.topicArn, 'Subscribe the platform team to this topic');
    output('PortalUrl', this.portal.baseUrl, 'The report portal: analysts and practices sign in here');
    output(
      'PortalDistributionDomainName',
      this.portal.site.distribution.distributionDomainName,
      'CNAME target for portalDomainName',
    );
    output(
      'PortalUserPoolId',
      this.portal.users.userPool.userPoolId,
      'aws cognito-idp admin-create-user --user-pool-id',
    );
    output(
      'PortalHostedUiDomain',
      this.portal.users.domain.baseUrl(),
      'Cognito hosted sign-in (and IdP redirect URIs)',
    );
    output('PortalLogGroupName', this.portal.portalFunction.logGroup.logGroupName, 'Portal function logs');
  }
}
