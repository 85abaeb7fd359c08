import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { smsCheckCommand } from '../../../lambdas/local/commands/sms-check';

const GOOD = 'Your annual asthma review is due. Please book online or call us on 0113 496 0000.';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sms-check-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  process.exitCode = undefined;
});

/** Runs `pcm-report sms-check ...args` in-process and captures what it writes and the exit code it sets. */
async function run(...args: string[]): Promise<{ out: string; err: string; exitCode: number }> {
  let out = '';
  let err = '';
  const command = smsCheckCommand().configureOutput({
    writeOut: (text) => {
      out += text;
    },
    writeErr: (text) => {
      err += text;
    },
  });
  process.exitCode = undefined;
  await command.parseAsync(['node', 'pcm-report', ...args]);
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { out, err, exitCode };
}

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('pcm-report sms-check', () => {
  it('prints a table for a template that passes and exits 0', async () => {
    const { out, err, exitCode } = await run(GOOD);
    expect(exitCode).toBe(0);
    expect(err).toBe('');
    expect(out).toBe(
      [
        'Template: (text)',
        '  Characters  Encoding  Fragments  Cost/message  Result',
        '  81          GSM-7     1          £0.0288       passes',
        '',
        '1 template checked at £0.024 per fragment + 20% VAT: no rule broken.',
        'Monthly report: this template is 1 fragment per invite; to cost invites with it, set sms.fragmentsPerInvite to 1 in your --config file (docs/sms-check.md).',
        '',
      ].join('\n'),
    );
  });

  it('joins unquoted words into one template', async () => {
    const { out } = await run('Your', 'review', 'is', 'due.');
    expect(out).toContain('  19          GSM-7     1');
  });

  it('prints each warning with its reason and exits 1 when a rule is broken', async () => {
    const { out, exitCode } = await run('a'.repeat(161));
    expect(exitCode).toBe(1);
    // 2 fragments × £0.024 × 1.2 = £0.0576.
    expect(out).toContain('  161         GSM-7     2          £0.0576       breaks 1 rule\n');
    expect(out).toContain(
      '  RULE too-long: 161 characters in GSM-7 need 2 fragments; one fragment holds 160. Shorten it by at least 1.\n' +
        '       Why: Over 160 characters',
    );
    expect(out).toContain('1 template checked at £0.024 per fragment + 20% VAT: 1 breaks a rule ((text)).');
  });

  it('shows a UCS-2 character as a note that does not fail the check', async () => {
    const { out, exitCode } = await run('It’s time for your review. Call us on 0113 496 0000.');
    expect(exitCode).toBe(0);
    expect(out).toContain("  NOTE ucs2: ’ (U+2019) at character 3 switches the message to UCS-2; replace it with '\n");
  });

  it('costs fragments at --cost-per-fragment, plus VAT at --vat-rate', async () => {
    // 2 fragments × £0.04 × 1.2 = £0.096.
    const { out } = await run('--cost-per-fragment', '0.04', 'a'.repeat(161));
    expect(out).toContain('£0.096');
    expect(out).toContain('checked at £0.04 per fragment + 20% VAT');
    // 2 × £0.04 × 1 = £0.08, and no VAT mentioned.
    const noVat = (await run('--cost-per-fragment', '0.04', '--vat-rate', '0', 'a'.repeat(161))).out;
    expect(noVat).toContain('£0.08 ');
    expect(noVat).toContain('checked at £0.04 per fragment: 1 breaks');
  });

  it('keeps a rate with four decimals', async () => {
    const { out } = await run('--cost-per-fragment', ' .0275 ', '--json', 'a'.repeat(307));
    expect(JSON.parse(out)).toMatchObject({
      costPerFragmentGbp: 0.0275,
      vatRate: 0.2,
      // 3 × £0.0275 × 1.2 = £0.099.
      templates: [{ fragments: 3, costGbp: 0.099 }],
    });
  });

  it('requires an opt-out with --batch and accepts sensitive content with --consent', async () => {
    expect((await run('--batch', 'Your flu jab is due.')).out).toContain('RULE no-opt-out');
    expect((await run('Your results are ready.')).exitCode).toBe(1);
    expect((await run('--consent', 'Your results are ready.')).exitCode).toBe(0);
  });

  it('prints JSON with --json', async () => {
    const { out, exitCode } = await run('--json', '--batch', `${'a'.repeat(152)}€${'b'.repeat(152)}`);
    expect(exitCode).toBe(1);
    expect(JSON.parse(out)).toEqual({
      costPerFragmentGbp: 0.024,
      vatRate: 0.2,
      batch: true,
      consentForSensitive: false,
      breaksRule: true,
      templates: [
        {
          name: '(text)',
          encoding: 'GSM-7',
          characters: 305,
          units: 306,
          fragments: 3,
          costGbp: 0.0864, // 3 × £0.024 × 1.2
          ucs2Triggers: [],
          warnings: [
            expect.objectContaining({ rule: 'too-long', breaksRule: true }),
            expect.objectContaining({ rule: 'no-opt-out', breaksRule: true }),
          ],
          breaksRule: true,
        },
      ],
    });
  });

  it('checks every template in a CSV and names those that break a rule', async () => {
    const path = await file(
      'templates.csv',
      `name,text\nasthma,"${GOOD}"\nsurvey,How did we do? Reply 1 to 5.\nnews,Our surgery will be closed on Monday.\n`,
    );
    const { out, exitCode } = await run('--file', path);
    expect(exitCode).toBe(1);
    expect(out).toContain('Template: asthma\n');
    expect(out).toContain('RULE survey: Mentions "how did we do": this reads as a survey or feedback request.');
    expect(out).toContain('RULE news-or-marketing: Mentions "will be closed", "closed on"');
    expect(out).toContain('3 templates checked at £0.024 per fragment + 20% VAT: 2 break a rule (survey, news).');
    expect(out).not.toContain('fragmentsPerInvite');
  });

  it('reads a .txt template named after the file, without its final line break', async () => {
    const path = await file('flu-invite.txt', `${GOOD}\r\n`);
    const { out, exitCode } = await run('--file', path, '--json');
    expect(exitCode).toBe(0);
    expect(JSON.parse(out).templates[0]).toMatchObject({ name: 'flu-invite', characters: 81, fragments: 1 });
  });

  it('reads a Windows-1252 file saved by Excel', async () => {
    // "name,text\r\napos,It’s due\r\n" with ’ as the single byte 0x92
    const bytes = new Uint8Array([...Buffer.from('name,text\r\napos,It'), 0x92, ...Buffer.from('s due\r\n')]);
    const { out } = await run('--file', await file('excel.csv', bytes), '--json');
    expect(JSON.parse(out).templates[0].ucs2Triggers).toEqual([{ char: '’', index: 2, suggestion: "'" }]);
  });

  it.each([
    { what: 'no template', args: [], message: 'error: no template given. Put the text in quotes' },
    {
      what: 'both text and a file',
      args: ['Hi', '--file', 'x.csv'],
      message: 'error: give either the template text or --file, not both.',
    },
    {
      what: 'a cost that is not a number',
      args: ['--cost-per-fragment', 'abc', 'Hi'],
      message: 'error: --cost-per-fragment must be a number of pounds, 0 or more (e.g. 0.024); got "abc".',
    },
    { what: 'a negative cost', args: ['--cost-per-fragment', '-1', 'Hi'], message: 'got "-1"' },
    { what: 'an empty cost', args: ['--cost-per-fragment', '', 'Hi'], message: 'got "".' },
    { what: 'a cost in hexadecimal', args: ['--cost-per-fragment', '0x10', 'Hi'], message: 'got "0x10".' },
    {
      what: 'a VAT rate given as a percentage',
      args: ['--vat-rate', '20', 'Hi'],
      message: 'error: --vat-rate must be a rate from 0 to 1 (e.g. 0.2 for 20%); got "20".',
    },
    {
      what: 'a missing file',
      args: ['--file', '/nonexistent/sms-check/templates.csv'],
      message: 'error: cannot read --file /nonexistent/sms-check/templates.csv: no such file. Check the path.',
    },
  ])('exits 2 with a clear message for $what', async ({ args, message }) => {
    const { out, err, exitCode } = await run(...args);
    expect(exitCode).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(message);
  });

  it('exits 2 naming the line of a bad CSV', async () => {
    const path = await file('bad.csv', 'name,text\nflu,Your flu jab is due, book now\n');
    const { err, exitCode } = await run('--file', path);
    expect(exitCode).toBe(2);
    expect(err).toContain(
      'bad.csv: line 2 has 3 fields but the header has 2 (is there an unquoted comma in the text?)',
    );
  });

  it('exits 2 for an unknown option, through a CommanderError the CLI entry turns into the exit code', async () => {
    let err = '';
    const command = smsCheckCommand().configureOutput({
      writeErr: (text) => {
        err += text;
      },
    });
    await expect(command.parseAsync(['node', 'pcm-report', '--jsno', 'Hi'])).rejects.toMatchObject({
      exitCode: 2,
      code: 'commander.unknownOption',
    });
    expect(err).toContain("error: unknown option '--jsno'");
  });

  it('prints help and exits 0 for --help', async () => {
    let out = '';
    const command = smsCheckCommand().configureOutput({
      writeOut: (text) => {
        out += text;
      },
    });
    await expect(command.parseAsync(['node', 'pcm-report', '--help'])).rejects.toMatchObject({ exitCode: 0 });
    expect(out).toContain('Usage: sms-check [options] [text...]');
    expect(out).toContain('Exit code 1 when any template breaks a rule, 2 for a usage error.');
  });

  it('documents every option in its help', () => {
    const help = smsCheckCommand().helpInformation().replace(/\s+/g, ' ');
    for (const option of ['--file <path>', '--json', '--cost-per-fragment <gbp>', '--vat-rate <rate>', '--batch']) {
      expect(help).toContain(option);
    }
    expect(help).toContain('--consent');
    expect(help).toContain('(default: "0.024")');
    expect(help).toContain('(default: "0.2")');
  });
});
