import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, type Role } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';

/** The GSI that reads one period across practices (partition `gsi1pk`, sort `gsi1sk`). */
export const BY_PERIOD_INDEX = 'byPeriod';

/** Epoch-seconds attribute after which DynamoDB deletes an item (portal audit records: `pk = AUDIT#<YYYY-MM>`). */
export const TTL_ATTRIBUTE = 'expiresAt';

/** Item actions on partition keys that match patterns (see DataTable.grantItemActionsOnLeadingKeys). */
export interface LeadingKeysGrant {
  /** Statement id, e.g. `WriteAuditItems`. */
  readonly sid: string;
  /** DynamoDB item actions, e.g. `dynamodb:PutItem`. */
  readonly actions: readonly string[];
  /** Partition key values or patterns, e.g. `AUDIT#*`. */
  readonly leadingKeys: readonly string[];
}

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
      timeToLiveAttribute: TTL_ATTRIBUTE,
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
   * Item actions on the table's items whose partition key matches `leadingKeys` only (IAM `dynamodb:LeadingKeys`).
   * A request naming any other partition key is denied, so a role can own one kind of item (e.g. audit records) in
   * the single table without touching the others. The byPeriod index is not included: see grantQueryByPeriod.
   */
  grantItemActionsOnLeadingKeys(role: Role, grant: LeadingKeysGrant): void {
    role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: grant.sid,
        actions: [...grant.actions],
        resources: [this.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...grant.leadingKeys] } },
      }),
    );
  }

  /**
   * Query on the byPeriod index only. The index holds exactly the snapshots (`gsi1pk = PERIOD#…`) and directory
   * entries (`gsi1pk = DIRECTORY`): aggregates and practice contacts, no patient data.
   */
  grantQueryByPeriod(role: Role): void {
    role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'QueryByPeriodIndex',
        actions: ['dynamodb:Query'],
        resources: [`${this.tableArn}/index/${BY_PERIOD_INDEX}`],
      }),
    );
  }
}
