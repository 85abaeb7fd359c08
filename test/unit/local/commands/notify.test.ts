import { describe, expect, it } from 'vitest';
import { formatNotifySummary } from '../../../../lambdas/local/commands/notify';
import type { NotifySummary } from '../../../../lambdas/local/notify-local';

const base: NotifySummary = {
  period: '2026-10',
  dryRun: false,
  transport: 'outbox',
  outboxDir: '/work/out/2026-10/outbox',
  sent: [],
  skipped: [],
  failed: [],
  planned: [],
  unknownDelivery: [],
};

describe('formatNotifySummary', () => {
  it('lists sent, failed and skipped practices in code order, with the reason for each failure', () => {
    const lines = formatNotifySummary(
      {
        ...base,
        planned: [
          {
            practiceCode: 'B82002',
            to: 'beta@nhs.net',
            subject: 'Beta: patient communication preferences, October 2026',
            attach: true,
          },
          {
            practiceCode: 'A81001',
            to: 'alpha@example.org',
            subject: 'Alpha: patient communication preferences, October 2026',
            attach: false,
          },
        ],
        sent: ['A81001'],
        failed: [
          { practiceCode: 'B82002', error: 'MailSendError: The SMTP relay refused the message with reply 550.' },
          { practiceCode: 'E85005', error: 'An earlier attempt did not record whether the email was sent.' },
        ],
        skipped: [{ practiceCode: 'C83003', why: 'no email address in the practice directory' }],
      },
      '/work',
    );
    expect(lines).toEqual([
      'October 2026: practice emails',
      '  Practice  To                 Gap list         Result',
      '  A81001    alpha@example.org  link             sent',
      '            Subject: Alpha: patient communication preferences, October 2026',
      '  B82002    beta@nhs.net       attached + link  FAILED',
      '            Subject: Beta: patient communication preferences, October 2026',
      '            MailSendError: The SMTP relay refused the message with reply 550.',
      '  C83003                                        skipped: no email address in the practice directory',
      '  E85005                                        FAILED',
      '            An earlier attempt did not record whether the email was sent.',
      '1 sent, 1 skipped, 2 failed.',
      'Emails written to out/2026-10/outbox/ (open the .eml files in any mail client).',
      'Failed emails are recorded and tried again when you run notify again.',
    ]);
  });

  it('says nothing was sent in a dry run', () => {
    const lines = formatNotifySummary({
      ...base,
      dryRun: true,
      planned: [{ practiceCode: 'A81001', to: 'alpha@example.org', subject: 'Alpha', attach: false }],
    });
    expect(lines[0]).toBe('October 2026: practice emails (dry run: nothing sent, nothing recorded)');
    expect(lines[2]).toBe('  A81001    alpha@example.org  link      would send');
    expect(lines.at(-1)).toBe('1 would be sent, 0 skipped.');
  });

  it('lists an unknown delivery with what to check and the exact command to resend, without failing', () => {
    const lines = formatNotifySummary({
      ...base,
      unknownDelivery: [
        {
          practiceCode: 'D84004',
          since: '2026-11-02T08:00:00.000Z',
          resend: 'npm start -- notify --resend D84004 --period 2026-10',
        },
      ],
    });
    expect(lines.slice(2)).toEqual([
      '  D84004                  UNKNOWN DELIVERY',
      '            A send started at 2026-11-02T08:00:00.000Z never recorded whether the email went (the run was ' +
        'stopped), so it is not sent again by itself. If the practice did not get it (check the outbox or mail log), ' +
        'send it again: npm start -- notify --resend D84004 --period 2026-10',
      '0 sent, 0 skipped, 0 failed, 1 unknown delivery.',
    ]);
  });
});
