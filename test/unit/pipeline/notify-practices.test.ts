import { beforeEach, describe, expect, it } from 'vitest';
import { MailSendError } from '../../../lambdas/core/notify/mail-send-error';
import { createLogger } from '../../../lambdas/logger';
import { type NotifyDeps, notifyPractices } from '../../../lambdas/pipeline/notify-practices';
import {
  FAKE_REPORTS_BUCKET as BUCKET,
  FakeMailer,
  fakeNotifyDeps,
  MemoryNotifications,
  MemoryObjects,
  MemoryStores,
  snapshot,
} from './notify-fakes';

const PERIOD = '2026-10';
const NOW = new Date('2026-11-03T09:00:00Z');

let stores: MemoryStores;
let notifications: MemoryNotifications;
let objects: MemoryObjects;
let mailer: FakeMailer;
let sleeps: number[];
let logLines: string[];
let deps: NotifyDeps;

/**
 * Four practices report in October: A (4 of 10 without a preference = 40%), B (2 of 20 = 10%),
 * C (1 of 5 = 20%, no email in the directory) and E (3 of 8 = 37.5%, not in the directory).
 * Four is fewer than the 10 that deciles need (SPEC §3), so no practice has one; the median of
 * 10, 20, 37.5 and 40 is (20 + 37.5) / 2 = 28.75, shown 28.8%. D is in the directory with no export.
 */
beforeEach(async () => {
  stores = new MemoryStores();
  await stores.upsertPractices([
    { practiceCode: 'A81001', practiceName: 'Alpha Surgery', email: 'alpha.surgery@example.org' },
    { practiceCode: 'B82002', practiceName: 'Beta Medical Centre', email: 'beta.mc@nhs.net' },
    { practiceCode: 'C83003', practiceName: 'Gamma Health Centre' },
    { practiceCode: 'D84004', practiceName: 'Delta Practice', email: 'delta@example.org' },
  ]);
  for (const [code, registered, noPreference] of [
    ['A81001', 10, 4],
    ['B82002', 20, 2],
    ['C83003', 5, 1],
    ['E85005', 8, 3],
  ] as const) {
    await stores.putSnapshot(snapshot(code, PERIOD, { registered, noPreference, rowsRead: registered }));
  }
  objects = new MemoryObjects();
  for (const code of ['A81001', 'B82002', 'C83003', 'E85005']) {
    objects.objects.set(
      `${BUCKET}/gap-lists/${PERIOD}/gap-list-${code}-${PERIOD}.xlsx`,
      new Uint8Array([0x50, 0x4b, 3, 4]),
    );
  }
  notifications = new MemoryNotifications();
  mailer = new FakeMailer();
  sleeps = [];
  logLines = [];
  deps = fakeNotifyDeps({
    stores,
    notifications,
    objects,
    mailer,
    now: NOW,
    config: {
      attachmentDomains: ['nhs.net'],
      icbContactName: 'Sam Patel',
      icbContactEmail: 'primarycare.data@example.org',
    },
    logger: createLogger({ service: 'test', level: 'debug', sink: (line) => logLines.push(line) }),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
});

const transient = () => new MailSendError('The SMTP relay deferred the message with reply 451.', true);
const permanent = () => new MailSendError('The SMTP relay refused the message with reply 550.', false);

describe('notifyPractices', () => {
  it('emails each reporting practice that has an address and a gap list, and says why the others got none', async () => {
    const result = await notifyPractices(deps, PERIOD);
    expect(result.sent).toEqual(['A81001', 'B82002']);
    expect(result.failed).toEqual([]);
    expect(result.skipped).toEqual([
      { practiceCode: 'C83003', why: 'no email address in the practice directory' },
      { practiceCode: 'D84004', why: 'no export for this period' },
      { practiceCode: 'E85005', why: 'not in the practice directory, so there is no address to send to' },
    ]);
    expect(mailer.sent.map((m) => [m.to, m.from, m.subject])).toEqual([
      [
        'alpha.surgery@example.org',
        'pcm-reports@example.org',
        'Alpha Surgery: patient communication preferences, October 2026',
      ],
      [
        'beta.mc@nhs.net',
        'pcm-reports@example.org',
        'Beta Medical Centre: patient communication preferences, October 2026',
      ],
    ]);
  });

  it('puts the practice numbers, the ICB median and the portal link in the email, and no decile of 4 practices', async () => {
    await notifyPractices(deps, PERIOD);
    const [alpha, beta] = mailer.sent;
    expect(alpha?.text).toContain('- No recorded preference: 4 (40.0%)\n');
    expect(alpha?.text).not.toMatch(/decile \d/);
    expect(alpha?.text).toContain('only 4 practices reported, and a decile needs at least 10 to compare fairly\n');
    expect(alpha?.text).toContain('- ICB median, no recorded preference: 28.8%\n');
    expect(beta?.text).not.toMatch(/decile \d/);
    expect(alpha?.text).toContain('\nhttps://reports.example-icb.nhs.uk/practice/A81001/2026-10\n');
    expect(beta?.html).toContain('href="https://reports.example-icb.nhs.uk/practice/B82002/2026-10"');
    for (const message of mailer.sent) {
      expect(`${message.text}${message.html}`).not.toContain('X-Amz-Signature');
      expect(message.replyTo).toBe('primarycare.data@example.org');
    }
  });

  it('attaches the gap list only for an allow-listed domain', async () => {
    await notifyPractices(deps, PERIOD);
    const [alpha, beta] = mailer.sent;
    expect(alpha?.attachments).toBeUndefined();
    expect(beta?.attachments?.map((a) => [a.filename, [...a.content]])).toEqual([
      ['gap-list-B82002-2026-10.xlsx', [0x50, 0x4b, 3, 4]],
    ]);
  });

  it('records each email as sent with its message id', async () => {
    await notifyPractices(deps, PERIOD);
    expect(await notifications.getNotification(PERIOD, 'A81001')).toEqual({
      period: PERIOD,
      practiceCode: 'A81001',
      status: 'sent',
      at: '2026-11-03T09:00:00.000Z',
      messageId: '<m1@example.org>',
    });
    expect(notifications.calls).toEqual(['claim A81001', 'put A81001 sent', 'claim B82002', 'put B82002 sent']);
  });

  it('with a mailer that takes several at once, sends each practice once and reports them in code order', async () => {
    // Alpha's send is the slow one, so Beta's finishes first.
    const finished: string[] = [];
    const parallel = Object.assign(new FakeMailer(), { parallelSends: 4 });
    const send = parallel.send.bind(parallel);
    parallel.send = async (message) => {
      if (message.to.startsWith('alpha')) await new Promise((resolve) => setTimeout(resolve, 20));
      finished.push(message.to);
      return send(message);
    };
    const result = await notifyPractices({ ...deps, mailer: parallel }, PERIOD);
    expect(finished).toEqual(['beta.mc@nhs.net', 'alpha.surgery@example.org']);
    expect(result.sent).toEqual(['A81001', 'B82002']);
    expect(result.planned.map((p) => p.practiceCode)).toEqual(['A81001', 'B82002']);
    expect(parallel.sent).toHaveLength(2);
    expect((await notifications.getNotification(PERIOD, 'A81001'))?.status).toBe('sent');
    expect((await notifications.getNotification(PERIOD, 'B82002'))?.status).toBe('sent');
  });

  it('sends nothing the second time, and says when each was sent', async () => {
    await notifyPractices(deps, PERIOD);
    const again = await notifyPractices(deps, PERIOD);
    expect(mailer.sent).toHaveLength(2);
    expect(again.sent).toEqual([]);
    expect(again.planned).toEqual([]);
    expect(again.skipped.filter((s) => s.why.startsWith('already'))).toEqual([
      { practiceCode: 'A81001', why: 'already sent on 2026-11-03' },
      { practiceCode: 'B82002', why: 'already sent on 2026-11-03' },
    ]);
  });

  it('tries a transient failure again with back-off, and sends once', async () => {
    mailer.failures = [transient(), transient()];
    const result = await notifyPractices(deps, PERIOD);
    expect(result.sent).toEqual(['A81001', 'B82002']);
    expect(mailer.attempts).toBe(4);
    expect(sleeps).toEqual([500, 1000]);
    expect(mailer.sent.map((m) => m.to)).toEqual(['alpha.surgery@example.org', 'beta.mc@nhs.net']);
  });

  it('gives up after three retries, records the failure, and the next run sends it once', async () => {
    mailer.failures = [transient(), transient(), transient(), transient()];
    const first = await notifyPractices(deps, PERIOD);
    expect(first.sent).toEqual(['B82002']);
    expect(first.failed).toEqual([
      { practiceCode: 'A81001', error: 'MailSendError: The SMTP relay deferred the message with reply 451.' },
    ]);
    expect(sleeps).toEqual([500, 1000, 2000]);
    expect(await notifications.getNotification(PERIOD, 'A81001')).toMatchObject({
      status: 'failed',
      error: 'MailSendError: The SMTP relay deferred the message with reply 451.',
    });

    const second = await notifyPractices(deps, PERIOD);
    expect(second.sent).toEqual(['A81001']);
    expect(second.failed).toEqual([]);
    expect(mailer.sent.map((m) => m.to)).toEqual(['beta.mc@nhs.net', 'alpha.surgery@example.org']);
  });

  it('does not retry a permanent failure within the run, but reports it', async () => {
    mailer.failures = [permanent()];
    const result = await notifyPractices(deps, PERIOD);
    expect(result.failed.map((f) => f.practiceCode)).toEqual(['A81001']);
    expect(sleeps).toEqual([]);
    expect(mailer.attempts).toBe(2);
  });

  it('with dryRun, plans the emails but sends nothing and writes no ledger record', async () => {
    const result = await notifyPractices(deps, PERIOD, { dryRun: true });
    expect(result.planned).toEqual([
      {
        practiceCode: 'A81001',
        to: 'alpha.surgery@example.org',
        subject: 'Alpha Surgery: patient communication preferences, October 2026',
        attach: false,
      },
      {
        practiceCode: 'B82002',
        to: 'beta.mc@nhs.net',
        subject: 'Beta Medical Centre: patient communication preferences, October 2026',
        attach: true,
      },
    ]);
    expect(result.sent).toEqual([]);
    expect(mailer.attempts).toBe(0);
    expect(notifications.calls).toEqual([]);
    expect(notifications.records.size).toBe(0);
  });

  it('reports a send claimed over an hour ago as an unknown delivery with the resend command, not a failure', async () => {
    await notifications.claimNotification({
      period: PERIOD,
      practiceCode: 'A81001',
      status: 'sending',
      at: '2026-11-03T08:00:00.000Z', // exactly an hour before NOW
    });
    const result = await notifyPractices(deps, PERIOD);
    expect(result.sent).toEqual(['B82002']);
    expect(result.failed).toEqual([]);
    expect(result.unknownDelivery).toEqual([
      {
        practiceCode: 'A81001',
        since: '2026-11-03T08:00:00.000Z',
        resend: 'npm start -- notify --resend A81001 --period 2026-10',
      },
    ]);
    expect(mailer.sent.map((m) => m.to)).toEqual(['beta.mc@nhs.net']);
    expect(logLines.some((line) => line.includes('"practice email delivery unknown"'))).toBe(true);
  });

  it('fails (so a retry looks again) a send claimed under an hour ago, naming the resend command', async () => {
    await notifications.claimNotification({
      period: PERIOD,
      practiceCode: 'A81001',
      status: 'sending',
      at: '2026-11-03T08:00:01.000Z', // 59 min 59 s before NOW
    });
    const result = await notifyPractices(deps, PERIOD);
    expect(result.unknownDelivery).toEqual([]);
    expect(result.failed).toEqual([
      {
        practiceCode: 'A81001',
        error:
          'Another attempt started at 2026-11-03T08:00:01.000Z and has not recorded whether the email was sent, so ' +
          'it is not sent again now. If no other run is sending, it is reported as an unknown delivery after an hour; ' +
          'to send it again now: npm start -- notify --resend A81001 --period 2026-10',
      },
    ]);
  });

  it('reports an email that went but could not be recorded, and never sends it again', async () => {
    notifications.failNextSentPut = true;
    const first = await notifyPractices(deps, PERIOD);
    expect(first.sent).toEqual(['B82002']);
    expect(first.failed[0]?.error).toMatch(
      /^The email was sent \(<m1@example\.org>\) but the ledger could not record it/,
    );
    const second = await notifyPractices(deps, PERIOD);
    expect(second.sent).toEqual([]);
    expect(mailer.sent).toHaveLength(2);
  });

  it('skips a practice whose gap list is missing', async () => {
    objects.objects.delete(`${BUCKET}/gap-lists/${PERIOD}/gap-list-A81001-${PERIOD}.xlsx`);
    const result = await notifyPractices(deps, PERIOD);
    expect(result.skipped).toContainEqual({
      practiceCode: 'A81001',
      why: 'no gap list for this period: build the monthly report first',
    });
    expect(result.sent).toEqual(['B82002']);
  });

  it('skips a practice another run has just sent, when it loses the claim', async () => {
    const claim = notifications.claimNotification.bind(notifications);
    notifications.claimNotification = async (record) => {
      if (record.practiceCode === 'A81001') {
        await notifications.putNotification({ ...record, status: 'sent', at: '2026-11-03T08:59:00.000Z' });
      }
      return claim(record);
    };
    const result = await notifyPractices(deps, PERIOD);
    expect(result.skipped).toContainEqual({ practiceCode: 'A81001', why: 'already sent on 2026-11-03' });
    expect(mailer.sent.map((m) => m.to)).toEqual(['beta.mc@nhs.net']);
  });

  it('logs counts, never an address or a subject', async () => {
    mailer.failures = [permanent()];
    await notifyPractices(deps, PERIOD);
    const logged = logLines.join('\n');
    expect(logged).not.toContain('@');
    expect(logged).not.toContain('Alpha Surgery');
    expect(JSON.parse(logLines.at(-1) ?? '{}')).toMatchObject({
      message: 'practices notified',
      period: PERIOD,
      sent: 1,
      skipped: 3,
      failed: 1,
    });
  });
});
