import { readFile } from 'node:fs/promises';
import { Command, CommanderError } from 'commander';
import type { TemplateCheck } from '../../core/sms/check-template';
import { checkTemplate } from '../../core/sms/check-template';
import { decodeTemplateFile } from '../../core/sms/decode-template-file';
import type { SmsTemplate } from '../../core/sms/parse-templates';
import { parseTemplates } from '../../core/sms/parse-templates';
import { TemplateFileError } from '../../core/sms/template-file-error';
import { SETTING_DEFAULTS } from '../../defaults';

/** NHS Notify's list price per fragment (from 1 April 2026), as in the monthly report; pass yours with --cost-per-fragment. */
export const DEFAULT_COST_PER_FRAGMENT_GBP = SETTING_DEFAULTS.smsCostPerFragmentGbp;
/** VAT on SMS, as in the monthly report (GP practices have had no free SMS allowance since April 2024). */
export const DEFAULT_VAT_RATE = SETTING_DEFAULTS.smsVatRate;
/** Exit codes: 1 when a template breaks a rule (for a practice's own checks), 2 for a usage error. */
export const EXIT_RULE_BROKEN = 1;
export const EXIT_USAGE = 2;

interface SmsCheckOptions {
  file?: string;
  json?: boolean;
  costPerFragment: string;
  vatRate: string;
  batch?: boolean;
  consent?: boolean;
}

/** A plain non-negative decimal: `0.024`, `.03`, `1` (not `-1`, `1e-2` or `0x10`). */
const POUNDS = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

const GBP = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'GBP',
  minimumFractionDigits: 2,
  maximumFractionDigits: 4,
});

const EXAMPLES = `
Examples:
  $ pcm-report sms-check "Your flu vaccination is due. Book online or call us on 0113 496 0000."
  $ pcm-report sms-check --file flu-invite.txt --cost-per-fragment 0.0275
  $ pcm-report sms-check --file templates.csv --batch --json

A .csv needs a header row "name,text". Exit code 1 when any template breaks a rule, 2 for a usage error.
Text that begins with "-" goes after "--": pcm-report sms-check -- "- Your review is due."`;

/** `pcm-report sms-check`: checks SMS templates against the ICB's SMS dos and don'ts (SPEC §7). */
export function smsCheckCommand(): Command {
  return new Command('sms-check')
    .description(
      "Check SMS templates against the ICB's SMS dos and don'ts: characters, encoding (GSM-7 or UCS-2), fragments, cost and content rules.",
    )
    .argument('[text...]', 'the template text (in quotes); or use --file')
    .option('--file <path>', 'a .txt file holding one template, or a .csv of templates with the header "name,text"')
    .option('--json', 'print the results as JSON, for scripts')
    .option(
      '--cost-per-fragment <gbp>',
      'price of one SMS fragment in pounds, before VAT',
      String(DEFAULT_COST_PER_FRAGMENT_GBP),
    )
    .option('--vat-rate <rate>', 'VAT added to the cost, from 0 to 1 (0 for none)', String(DEFAULT_VAT_RATE))
    .option('--batch', 'the message goes to many patients at once: require an opt-out or contact route')
    .option('--consent', 'the recipients have explicitly consented to sensitive content (results, diagnoses) by SMS')
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError('(add --help for usage)')
    .exitOverride((error) => {
      // Commander's own parse errors (an unknown option, a missing value) are usage errors: exit 2, not its
      // default 1. Thrown, not process.exit: bin/pcm-report.ts sets the exit code from a CommanderError.
      throw error.exitCode === 1 ? new CommanderError(EXIT_USAGE, error.code, error.message) : error;
    })
    .action(async (words: string[], options: SmsCheckOptions, command: Command) => {
      const output = command.configureOutput();
      const writeOut = output.writeOut ?? ((text: string) => process.stdout.write(text));
      const writeErr = output.writeErr ?? ((text: string) => process.stderr.write(text));
      const usageError = (message: string): void => {
        writeErr(`error: ${message}\n`);
        process.exitCode = EXIT_USAGE;
      };

      const costPerFragmentGbp = Number(options.costPerFragment);
      if (!POUNDS.test(options.costPerFragment.trim())) {
        usageError(
          `--cost-per-fragment must be a number of pounds, 0 or more (e.g. 0.024); got "${options.costPerFragment}".`,
        );
        return;
      }
      const vatRate = Number(options.vatRate);
      if (!POUNDS.test(options.vatRate.trim()) || vatRate > 1) {
        usageError(`--vat-rate must be a rate from 0 to 1 (e.g. 0.2 for 20%); got "${options.vatRate}".`);
        return;
      }
      if (words.length > 0 && options.file !== undefined) {
        usageError('give either the template text or --file, not both.');
        return;
      }
      if (words.length === 0 && options.file === undefined) {
        usageError(
          'no template given. Put the text in quotes (pcm-report sms-check "Your appointment ...") or name a file (--file templates.csv).',
        );
        return;
      }

      let templates: SmsTemplate[];
      if (options.file === undefined) {
        templates = [{ name: '(text)', text: words.join(' ') }];
      } else {
        const read = await readTemplates(options.file);
        if (typeof read === 'string') {
          usageError(read);
          return;
        }
        templates = read;
      }

      const checks = templates.map(({ name, text }) =>
        checkTemplate(name, text, {
          costPerFragmentGbp,
          vatRate,
          batch: options.batch ?? false,
          consentForSensitive: options.consent ?? false,
        }),
      );
      writeOut(
        options.json
          ? `${JSON.stringify(toJson(checks, { costPerFragmentGbp, vatRate }, options), null, 2)}\n`
          : formatChecks(checks, { costPerFragmentGbp, vatRate }),
      );
      if (checks.some((check) => check.breaksRule)) process.exitCode = EXIT_RULE_BROKEN;
    });
}

/** The templates in a file, or a one-line message saying why the file cannot be used. */
async function readTemplates(path: string): Promise<SmsTemplate[] | string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? 'unreadable');
    return `cannot read --file ${path}: ${why}. Check the path.`;
  }
  try {
    return parseTemplates(decodeTemplateFile(bytes), path);
  } catch (error) {
    if (error instanceof TemplateFileError) return error.message;
    throw error;
  }
}

interface Price {
  costPerFragmentGbp: number;
  vatRate: number;
}

function toJson(checks: readonly TemplateCheck[], { costPerFragmentGbp, vatRate }: Price, options: SmsCheckOptions) {
  return {
    costPerFragmentGbp,
    vatRate,
    batch: options.batch ?? false,
    consentForSensitive: options.consent ?? false,
    breaksRule: checks.some((check) => check.breaksRule),
    templates: checks.map((check) => ({ ...check, costGbp: roundMoney(check.costGbp) })),
  };
}

/** A compact table per template, then its warnings each with the reason; a summary line at the end. */
function formatChecks(checks: readonly TemplateCheck[], price: Price): string {
  const lines: string[] = [];
  for (const check of checks) {
    const rulesBroken = check.warnings.filter((w) => w.breaksRule).length;
    const result = rulesBroken === 0 ? 'passes' : `breaks ${rulesBroken} rule${rulesBroken === 1 ? '' : 's'}`;
    const cells = [
      ['Characters', String(check.characters)],
      ['Encoding', check.encoding],
      ['Fragments', String(check.fragments)],
      ['Cost/message', GBP.format(roundMoney(check.costGbp))],
      ['Result', result],
    ];
    const widths = cells.map(([head, value]) => Math.max((head as string).length, (value as string).length));
    lines.push(`Template: ${check.name}`);
    lines.push(`  ${cells.map(([head], i) => (head as string).padEnd(widths[i] as number)).join('  ')}`.trimEnd());
    lines.push(`  ${cells.map(([, value], i) => (value as string).padEnd(widths[i] as number)).join('  ')}`.trimEnd());
    for (const warning of check.warnings) {
      const label = warning.breaksRule ? 'RULE' : 'NOTE';
      lines.push(`  ${label} ${warning.rule}: ${warning.message}`);
      lines.push(`       Why: ${warning.reason}`);
    }
    lines.push('');
  }

  const failing = checks.filter((check) => check.breaksRule).map((check) => check.name);
  const noun = checks.length === 1 ? 'template' : 'templates';
  const rate = `${GBP.format(price.costPerFragmentGbp)} per fragment${price.vatRate > 0 ? ` + ${roundMoney(price.vatRate * 100)}% VAT` : ''}`;
  lines.push(
    failing.length === 0
      ? `${checks.length} ${noun} checked at ${rate}: no rule broken.`
      : `${checks.length} ${noun} checked at ${rate}: ${failing.length} break${failing.length === 1 ? 's' : ''} a rule (${failing.join(', ')}).`,
  );
  const only = checks.length === 1 ? checks[0] : undefined;
  if (only !== undefined && only.fragments > 0) {
    lines.push(
      `Monthly report: this template is ${only.fragments} fragment${only.fragments === 1 ? '' : 's'} per invite; to cost invites with it, set sms.fragmentsPerInvite to ${only.fragments} in your --config file (docs/sms-check.md).`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Money to a tenth of a penny's hundredth: removes float noise (3 x 0.025 = 0.07500000000000001), keeps the rate's precision. */
function roundMoney(gbp: number): number {
  return Math.round(gbp * 1e6) / 1e6;
}
