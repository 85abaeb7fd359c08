import { beforeEach, describe, expect, it } from 'vitest';
import type { NotifyDeps } from '../../../lambdas/pipeline/notify-practices';
import { resendPracticeEmail } from '../../../lambdas/pipeline/resend-practice-email';
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

let notifications: MemoryNotifications;
let mailer: FakeMailer;
let deps: NotifyDeps;

/** A81001 reported in October (gap list built, address known); Z99999 did not report. */
beforeEach(async () => {
  const stores = new MemoryStores();
  await stores.upsertPractices([
    { practiceCode: 'A81001', practiceName: 'Alpha Surgery', email: 'alpha.surgery@example.org' },
    { practiceCode: 'Z99999', practiceName: 'Zeta Surgery', email: 'zeta@example.org' },
  ]);
  await stores.putSnapshot(snapshot('A81001', PERIOD, { registered: 10, noPreference: 4, rowsRead: 10 }));
  const objects = new MemoryObjects();
  objects.objects.set(`${BUCKET}/gap-lists/${PERIOD}/gap-list-A81001-${PERIOD}.xlsx`, new Uint8Array([0x50, 0x4b]));
  notifications = new MemoryNotifications();
  mailer = new FakeMailer();
  deps = fakeNotifyDeps({ stores, notifications, objects, mailer, now: NOW });
});

describe('resendPracticeEmail', () => {
  it('sends an email stuck in "sending" and records the new send', async () => {
    await notifications.putNotification({
      period: PERIOD,
      practiceCode: 'A81001',
      status: 'sending',
      at: '2026-11-01T06:00:00.000Z',
    });
    const result = await resendPracticeEmail(deps, 'A81001', PERIOD);
    expect(result.sent).toEqual(['A81001']);
    expect(mailer.sent.map((m) => m.to)).toEqual(['alpha.surgery@example.org']);
    expect(await notifications.getNotification(PERIOD, 'A81001')).toEqual({
      period: PERIOD,
      practiceCode: 'A81001',
      status: 'sent',
      at: NOW.toISOString(),
      messageId: '<m1@example.org>',
    });
    expect(notifications.calls).toEqual(['put A81001 sending', 'put A81001 sending', 'put A81001 sent']);
  });

  it('sends again an email already recorded as sent (the practice lost it)', async () => {
    await notifications.putNotification({ period: PERIOD, practiceCode: 'A81001', status: 'sent', at: 'x' });
    expect((await resendPracticeEmail(deps, 'A81001', PERIOD)).sent).toEqual(['A81001']);
    expect(mailer.sent).toHaveLength(1);
  });

  it('with dryRun plans the email and records nothing', async () => {
    const result = await resendPracticeEmail(deps, 'A81001', PERIOD, { dryRun: true });
    expect(result.planned.map((p) => p.practiceCode)).toEqual(['A81001']);
    expect(result.sent).toEqual([]);
    expect(notifications.records.size).toBe(0);
  });

  it('skips a practice with no export for the period, sending nothing', async () => {
    const result = await resendPracticeEmail(deps, 'Z99999', PERIOD);
    expect(result.skipped).toEqual([{ practiceCode: 'Z99999', why: 'no export for this period' }]);
    expect(mailer.sent).toEqual([]);
  });
});
