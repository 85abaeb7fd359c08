import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, type Role } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';

/** The GSI that reads one period across practices (partition `gsi1pk`, sort `gsi1sk`). */
export const BY_PERIOD_INDEX = 'byPeriod';

export interface DataTableProps {
  /** Customer-managed key the table is encrypted with. */
  readonly encryptionKey: IKey;
}

/**
 * The single table behind the practice directory, snapshots, ingest ledger and notification ledger (keys `pk`/`sk`).
 * On-demand, point-in-time recovery, customer-key encryption, deletion protection, retained with the stack.
 */
export class DataTable extends Table {
  constructor(scope: Construct, id: string, props: DataTableProps) {
    super(scope, id, {
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.encryptionKey,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.addGlobalSecondaryIndex({
      indexName: BY_PERIOD_INDEX,
      partitionKey: { name: 'gsi1pk', type: AttributeType.STRING },
      sortKey: { name: 'gsi1sk', type: AttributeType.STRING },
      projectionType: ProjectionType.ALL,
    });
  }

  /**
   * Item-level access to this table and its byPeriod index only: no Scan, no table management. Named resources,
   * no wildcards.
   */
  grantItemAccess(role: Role, access: 'read' | 'readWrite'): void {
    const read = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
    const write = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
    role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: access === 'read' ? 'ReadTableItems' : 'ReadWriteTableItems',
        actions:
          access === 'read' ? [...read, 'dynamodb:DescribeTable'] : [...read, ...write, 'dynamodb:DescribeTable'],
        resources: [this.tableArn, `${this.tableArn}/index/${BY_PERIOD_INDEX}`],
      }),
    );
  }

  /**
   * Reads as `grantItemAccess(role, 'read')`, and PutItem only on items whose partition key starts with
   * `leadingKeyPrefix` (a dynamodb:LeadingKeys condition): a role that records one kind of item cannot
   * overwrite or delete the others (snapshots, directory, ingest ledger).
   */
  grantReadAndPutOwnItems(role: Role, leadingKeyPrefix: string): void {
    this.grantItemAccess(role, 'read');
    role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'PutOwnTableItems',
        actions: ['dynamodb:PutItem'],
        resources: [this.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${leadingKeyPrefix}*`] } },
      }),
    );
  }
}
