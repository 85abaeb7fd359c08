import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient, createS3Client } from '../../lambdas/adapters/aws-clients';
import { DynamoTable } from '../../lambdas/adapters/dynamo-table';
import { S3ObjectStore } from '../../lambdas/adapters/s3-object-store';
import { SmtpMailer } from '../../lambdas/adapters/smtp-mailer';
import { loadPipelineConfig, type PipelineConfig } from '../../lambdas/config';
import { parseDirectoryCsv } from '../../lambdas/core/directory/parse-directory';
import { listExportFiles } from '../../lambdas/local/list-export-files';
import { type LocalServers, startLocalServers } from '../../lambdas/local/local-servers';
import { sqsEventForNewObject } from '../../lambdas/local/s3-event';
import { createLogger } from '../../lambdas/logger';
import { loadNotifyConfig } from '../../lambdas/notify-config';
import { notifyPractices } from '../../lambdas/pipeline/notify-practices';
import { FIXTURES } from './helpers';

/**
 * The fixture practices, with B82002 on nhs.net (its gap list may be attached) and C83003 without
 * an address. A81001 and B82002 report in October 2026; A81001 and D84004 in September.
 */
const DIRECTORY = `practice_code,practice_name,pcn,clinical_system,email
A81001,Alpha Surgery,North PCN,SystmOne,alpha.surgery@example.org
B82002,Beta Medical Centre,South PCN,EMIS Web,pcm-test.b82002@nhs.net
C83003,Gamma Health Centre,South PCN,EMIS Web,
D84004,Delta Practice,North PCN,SystmOne,delta@example.org
`;

interface Received {
  envelopeTo: string[];
  raw: Buffer;
  mail: ParsedMail;
}

/** A real SMTP server on loopback that keeps every message; `refuse` makes it reject a recipient with 550. */
async function startSmtp(): Promise<{
  url: string;
  received: Received[];
  refuse: Set<string>;
  close(): Promise<void>;
}> {
  const received: Received[] = [];
  const refuse = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address)) {
        callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((mail) => {
            received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw, mail });
            callback();
          })
          .catch(callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** NHS numbers (as digits and as shown `999 000 0093`), surnames and forenames of every patient row in the fixtures. */
async function fixturePatients(): Promise<{ nhsNumbers: string[]; names: string[] }> {
  const nhsNumbers = new Set<string>();
  const names = new Set<string>();
  for (const file of await listExportFiles(FIXTURES)) {
    if (!/\/(systmone|emis-web)\//.test(`/${file.relativePath}`)) continue;
    const rows = parse(await readFile(file.path, 'utf8'), {
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
    const headerIndex = rows.findIndex((r) => r.some((c) => /nhs\s*(number|no)/i.test(c)));
    const header = (rows[headerIndex] ?? []).map((c) => c.toLowerCase());
    const col = (pattern: RegExp) => header.findIndex((h) => pattern.test(h));
    const [nhs, surname, forename] = [col(/nhs/), col(/surname|family/), col(/first|given|forename/)];
    for (const row of rows.slice(headerIndex + 1)) {
      const number = (row[nhs] ?? '').replace(/\s/g, '');
      if (!/^\d{10}$/.test(number)) continue; // a trailing "Total" line is not a patient
      nhsNumbers.add(number);
      nhsNumbers.add(`${number.slice(0, 3)} ${number.slice(3, 6)} ${number.slice(6)}`);
      for (const name of [row[surname], row[forename]]) if (name) names.add(name);
    }
  }
  return { nhsNumbers: [...nhsNumbers], names: [...names] };
}

/** Everything a reader of the message can see: the header block, both parts and the attachment names. */
function visibleText(message: Received): string {
  const headerBlock = message.raw.toString('utf8').split(/\r?\n\r?\n/)[0] ?? '';
  const { mail } = message;
  return [
    headerBlock,
    mail.subject ?? '',
    mail.text ?? '',
    mail.html || '',
    ...mail.attachments.map((a) => a.filename ?? ''),
  ].join('\n');
}

function byRecipient(received: Received[], address: string): Received {
  const found = received.find((r) => r.envelopeTo.includes(address));
  if (!found) throw new Error(`no message for ${address}`);
  return found;
}

describe('notify practices (real handlers, in-process S3 and DynamoDB, a real SMTP server on loopback)', () => {
  let servers: LocalServers;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let config: Readonly<PipelineConfig>;
  let table: DynamoTable;
  let objects: S3ObjectStore;
  let notify: typeof import('../../lambdas/handlers/notify-practices');

  beforeAll(async () => {
    servers = await startLocalServers(undefined);
    smtp = await startSmtp();
    Object.assign(process.env, servers.env, {
      ICB_NAME: 'NHS Fixture ICB',
      LOG_LEVEL: 'silent',
      TMP_DIR: await mkdtemp(join(tmpdir(), 'pcm-tmp-')),
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: smtp.url,
      SENDER_ADDRESS: 'pcm-reports@example.org',
    });
    config = loadPipelineConfig(process.env);
    table = new DynamoTable(createDocumentClient(config.aws), config.tableName);
    objects = new S3ObjectStore(createS3Client(config.aws));
    await table.upsertPractices(parseDirectoryCsv(DIRECTORY).entries);

    // Imported once the environment points at the servers: the handlers build their clients on first use.
    const ingest = await import('../../lambdas/handlers/ingest');
    const monthlyReport = await import('../../lambdas/handlers/monthly-report');
    notify = await import('../../lambdas/handlers/notify-practices');
    for (const folder of ['systmone', 'emis-web']) {
      for (const file of await listExportFiles(join(FIXTURES, folder))) {
        const key = `exports/${folder}/${file.relativePath}`;
        await objects.put(config.exportsBucket, key, createReadStream(file.path), 'text/csv');
        const response = await ingest.handler(
          sqsEventForNewObject(config.exportsBucket, key, (await stat(file.path)).size, ''),
        );
        expect(response.batchItemFailures).toEqual([]);
      }
    }
    for (const period of ['2026-09', '2026-10']) await monthlyReport.handler({ period });
  });

  afterAll(async () => {
    await smtp?.close();
    await servers?.close();
  });

  it('shows in a dry run what would be sent, and sends and records nothing', async () => {
    const mailer = new SmtpMailer(smtp.url);
    const result = await notifyPractices(
      {
        snapshots: table,
        ledger: table,
        directory: table,
        notifications: table,
        objects,
        mailer,
        link: (key, seconds) => objects.link(config.reportsBucket, key, seconds),
        config: { ...config, ...loadNotifyConfig(process.env) },
        logger: createLogger({ service: 'test', level: 'silent' }),
        now: () => new Date(),
      },
      '2026-10',
      { dryRun: true },
    );
    mailer.close();
    expect(result.planned).toEqual([
      {
        practiceCode: 'A81001',
        to: 'alpha.surgery@example.org',
        subject: 'Alpha Surgery: patient communication preferences, October 2026',
        attach: false,
      },
      {
        practiceCode: 'B82002',
        to: 'pcm-test.b82002@nhs.net',
        subject: 'Beta Medical Centre: patient communication preferences, October 2026',
        attach: true,
      },
    ]);
    expect(smtp.received).toHaveLength(0);
    expect(await table.getNotification('2026-10', 'A81001')).toBeUndefined();
  });

  it('emails each practice that reported in October, once, and none without an export', async () => {
    expect(await notify.handler({ period: '2026-10' })).toEqual({ period: '2026-10', sent: 2, skipped: 2, failed: 0 });
    expect(smtp.received.map((r) => r.envelopeTo).sort()).toEqual([
      ['alpha.surgery@example.org'],
      ['pcm-test.b82002@nhs.net'],
    ]);
    expect(await table.getNotification('2026-10', 'A81001')).toMatchObject({ status: 'sent' });
  });

  it('addresses and names each email for its practice and month', () => {
    const alpha = byRecipient(smtp.received, 'alpha.surgery@example.org').mail;
    expect(alpha.subject).toBe('Alpha Surgery: patient communication preferences, October 2026');
    expect(alpha.from?.value[0]?.address).toBe('pcm-reports@example.org');
    expect(alpha.to && !Array.isArray(alpha.to) ? alpha.to.value.map((v) => v.address) : []).toEqual([
      'alpha.surgery@example.org',
    ]);
    const beta = byRecipient(smtp.received, 'pcm-test.b82002@nhs.net').mail;
    expect(beta.subject).toBe('Beta Medical Centre: patient communication preferences, October 2026');
  });

  it('gives the hand-counted numbers of test/fixtures/README.md in both parts', () => {
    const alpha = byRecipient(smtp.received, 'alpha.surgery@example.org').mail;
    for (const line of [
      'Registered patients: 11',
      'No recorded preference: 4 (36.4%)',
      'Change since September 2026: down 13.6 percentage points',
      'On a QOF register with no recorded preference: 2 of 4 (50.0%)',
      'Would be sent SMS by default (no preference, a mobile, SMS consent not withdrawn): 2',
    ]) {
      expect(alpha.text).toContain(line);
    }
    expect(alpha.html).toContain('>4 (36.4%)</td>');
    const beta = byRecipient(smtp.received, 'pcm-test.b82002@nhs.net').mail;
    expect(beta.text).toContain('Registered patients: 5');
    expect(beta.text).toContain('No recorded preference: 2 (40.0%)');
    // Two practices report: fewer than the 10 deciles need (SPEC §3), so neither email names one.
    expect(alpha.text).not.toContain('decile');
    expect(beta.text).not.toContain('decile');
    expect(beta.text).not.toContain('Change since');
  });

  it('links to a presigned URL that downloads the practice gap list', async () => {
    const alpha = byRecipient(smtp.received, 'alpha.surgery@example.org').mail;
    const link = alpha.text?.match(/^http\S+$/m)?.[0] ?? '';
    expect(link).toMatch(/\/pcm-reports\/gap-lists\/2026-10\/gap-list-A81001-2026-10\.xlsx\?/);
    expect(link).toContain('X-Amz-Expires=604800');
    expect(alpha.html).toContain(`href="${link.replaceAll('&', '&amp;')}"`);
    const response = await fetch(link);
    expect(response.status).toBe(200);
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });

  it('attaches the gap list only for the nhs.net address', () => {
    expect(byRecipient(smtp.received, 'alpha.surgery@example.org').mail.attachments).toEqual([]);
    const beta = byRecipient(smtp.received, 'pcm-test.b82002@nhs.net').mail;
    expect(beta.attachments.map((a) => [a.filename, a.content.subarray(0, 2).toString()])).toEqual([
      ['gap-list-B82002-2026-10.xlsx', 'PK'],
    ]);
  });

  it('puts no NHS number or patient name anywhere a reader can see', async () => {
    const { nhsNumbers, names } = await fixturePatients();
    expect(nhsNumbers).toContain('999 000 0093');
    expect(names).toEqual(expect.arrayContaining(['Irwin', 'Isla', 'Lewis', 'Lily']));
    for (const message of smtp.received) {
      const text = visibleText(message);
      for (const number of nhsNumbers) expect(text).not.toContain(number);
      for (const name of names) expect(text).not.toMatch(new RegExp(`\\b${name}\\b`));
    }
  });

  it('sends nothing when run again: the server has N messages, not 2N', async () => {
    expect(await notify.handler({ period: '2026-10' })).toEqual({ period: '2026-10', sent: 0, skipped: 4, failed: 0 });
    expect(smtp.received).toHaveLength(2);
  });

  it('reports a refused email by failing, and sends it once when run again', async () => {
    smtp.refuse.add('delta@example.org');
    await expect(notify.handler({ period: '2026-09' })).rejects.toThrow(
      /1 practice email\(s\) for 2026-09 could not be sent \(D84004\)/,
    );
    expect(await table.getNotification('2026-09', 'D84004')).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('refused the message with reply 550'),
    });
    expect(smtp.received.map((r) => r.envelopeTo[0])).toEqual(
      expect.arrayContaining(['alpha.surgery@example.org', 'pcm-test.b82002@nhs.net']),
    );
    expect(smtp.received).toHaveLength(3); // Alpha's September email went

    smtp.refuse.clear();
    expect(await notify.handler({ period: '2026-09' })).toEqual({ period: '2026-09', sent: 1, skipped: 3, failed: 0 });
    expect(smtp.received.filter((r) => r.envelopeTo[0] === 'delta@example.org')).toHaveLength(1);
    expect(smtp.received).toHaveLength(4);
  });
});
