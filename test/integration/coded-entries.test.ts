import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PracticeCounts } from '../../lambdas/core/metrics/practice-counts';
import { buildPeriodReport, type ReportResult } from '../../lambdas/pipeline/build-period-report';
import { type IngestOutcome, ingestExport } from '../../lambdas/pipeline/ingest-export';
import { readStagedGapRows } from '../../lambdas/pipeline/staged-gap-rows';
import { writeDelimited } from '../support/delimited-writer';
import { EXPORTS_BUCKET, type PipelineHarness, startPipelineHarness } from '../support/pipeline-harness';
import { syntheticNhsNumbers } from '../support/synthetic-nhs-number';

/*
 * Issue 14: exports made from clinical searches hold SNOMED CT terms and concept ids, not Yes/No, in their SMS
 * consent and AIS columns (SPEC §2.3b). One SystmOne-style and one EMIS Web-style export, each form written at
 * least once (term, id, `term (id)`, `id term`, `id - term`), through the real ingest and report; every count
 * below is worked out by hand, row by row, in the comments.
 */

const NHS = syntheticNhsNumbers(15, 4200);
const nhs = (i: number): string => NHS[i] as string;
const MOBILE = '07700 900';

// SystmOne: an "SMS Consent" column (a coded entry says which way it goes) and "AIS Need".
const SYSTMONE_KEY = 'exports/coded/C81001_2026-10-31.csv';
const SYSTMONE = writeDelimited([
  [
    'NHS Number',
    'Surname',
    'First Name',
    'Date of Birth',
    'Practice Code',
    'Preferred Contact Method',
    'Mobile Telephone',
    'Email Address',
    'SMS Consent',
    'QOF Registers',
    'AIS Need',
  ],
  // 1 no preference, mobile, consent declined (term (id)): withdrawn, not default. HYP. AIS need (letter).
  [
    nhs(0),
    'Ash',
    'Ann',
    '01/01/1950',
    'C81001',
    '',
    `${MOBILE}101`,
    '',
    'Declined consent for short message service text messaging (513631000000106)',
    'HYP',
    'Requires contact by letter (936721000000107)',
  ],
  // 2 no preference, mobile, consent declined (id alone): withdrawn. "Interpreter not needed": no AIS need.
  [
    nhs(1),
    'Birch',
    'Bea',
    '02/02/1960',
    'C81001',
    'Not recorded',
    `${MOBILE}102`,
    '',
    '513631000000106',
    '',
    'Interpreter not needed',
  ],
  // 3 no preference, mobile, declined test results only (term): NOT withdrawn, default to SMS. DM: QOF default.
  [
    nhs(2),
    'Cedar',
    'Cal',
    '03/03/1970',
    'C81001',
    '',
    `${MOBILE}103`,
    '',
    'Declined consent to receive test results by short message service text messaging',
    'DM',
    'No support needed',
  ],
  // 4 no preference, mobile, consent given (id - term): default to SMS. AIS need (id alone: SMS).
  [
    nhs(3),
    'Dale',
    'Dee',
    '04/04/1980',
    'C81001',
    'Unknown',
    `${MOBILE}104`,
    '',
    '699237001 - Consent given for communication by short message service text messaging',
    '',
    '936701000000103',
  ],
  // 5 prefers SMS, dissent (free-text form): dq_sms_dissent. A spoken-language interpreter is not an AIS need.
  [
    nhs(4),
    'Elm',
    'Eve',
    '05/05/1990',
    'C81001',
    'SMS',
    `${MOBILE}105`,
    '',
    'Dissent from communication by SMS text message',
    '',
    'Interpreter needed - Polish',
  ],
  // 6 prefers SMS, consent given (term (id)): no problem.
  [
    nhs(5),
    'Fir',
    'Fay',
    '06/06/2000',
    'C81001',
    'SMS',
    `${MOBILE}106`,
    '',
    'Consent given for communication by short message service text messaging (699237001)',
    '',
    '',
  ],
  // 7 no preference, no mobile or email: unreachable. BSL interpreter (term (id)): AIS need.
  [
    nhs(6),
    'Gum',
    'Gil',
    '07/07/1945',
    'C81001',
    '',
    '',
    '',
    '',
    '',
    'British Sign Language interpreter needed (204331000000107)',
  ],
  // 8 prefers letter; its AIS entry changes no no-preference count.
  [nhs(7), 'Hazel', 'Hal', '08/08/1955', 'C81001', 'Letter', '', '', '', '', 'Requires contact by letter'],
]);

// EMIS Web: title lines, every field quoted, an "SMS Dissent" column and "Communication Need".
const EMIS_KEY = 'exports/coded/EMIS_C82002_20261030.csv';
const EMIS = Buffer.concat([
  Buffer.from('Patient Communication Preferences Report\r\nRun date: 30-Oct-2026\r\n\r\n'),
  writeDelimited(
    [
      [
        'Patient NHS No',
        'Family Name',
        'Given Name',
        'DOB',
        'Organisation Code',
        'Preferred Method of Contact',
        'Mobile Number',
        'Email',
        'SMS Dissent',
        'Communication Need',
      ],
      // 1 no preference, dissent coded as declined consent (term): withdrawn. AIS need (email).
      [
        nhs(8),
        'Ivy',
        'Ian',
        '01-Jan-1960',
        'C82002',
        '',
        '07700900201',
        '',
        'Declined consent for short message service text messaging',
        'Requires contact by email (936741000000100)',
      ],
      // 2 no preference, "Yes" in a dissent column: withdrawn. "No communication support needed": no need.
      [
        nhs(9),
        'Juniper',
        'Jo',
        '02-Feb-1970',
        'C82002',
        '',
        '07700900202',
        '',
        'Yes',
        'No communication support needed',
      ],
      // 3 no preference, test-results-only dissent (id term): NOT withdrawn, default to SMS.
      [
        nhs(10),
        'Kauri',
        'Kim',
        '03-Mar-1980',
        'C82002',
        '',
        '07700900203',
        '',
        '911401000000108 Declined consent to receive test results by short message service text messaging',
        'None',
      ],
      // 4 no preference, consent given (term) in the dissent column: the code says not withdrawn. Default.
      [
        nhs(11),
        'Larch',
        'Lee',
        '04-Apr-1990',
        'C82002',
        'Not known',
        '07700900204',
        '',
        'Consent given for communication by short message service text messaging',
        '',
      ],
      // 5 prefers SMS (Text message), dissent by id: dq_sms_dissent. Easyread (term (id)): a need, not counted (has a preference).
      [
        nhs(12),
        'Maple',
        'Mo',
        '05-May-1985',
        'C82002',
        'Text message',
        '07700900205',
        '',
        '513631000000106',
        'Easyread (796161000000101)',
      ],
      // 6 prefers SMS, "No" in the dissent column: not withdrawn.
      [nhs(13), 'Nutmeg', 'Ned', '06-Jun-1975', 'C82002', 'Text message', '07700900206', '', 'No', ''],
      // 7 no preference, no mobile or email: unreachable. 24 point font (id): AIS need.
      [nhs(14), 'Oak', 'Ola', '07-Jul-1940', 'C82002', 'Not known', '', '', '', '957351000000102'],
    ],
    { quoting: 'all', lineEnding: '\r\n' },
  ),
]);

describe('coded SMS consent and AIS entries in SystmOne and EMIS Web exports', () => {
  let h: PipelineHarness;
  const outcomes: IngestOutcome[] = [];
  let report: ReportResult;

  beforeAll(async () => {
    h = await startPipelineHarness();
    for (const [key, body] of [
      [SYSTMONE_KEY, SYSTMONE],
      [EMIS_KEY, EMIS],
    ] as const) {
      await h.land(key, body);
      outcomes.push(await ingestExport(h.ingestDeps(), EXPORTS_BUCKET, key));
    }
    report = await buildPeriodReport(h.reportDeps(), '2026-10');
  });
  afterAll(() => h?.close());

  it('ingests both exports', () => {
    expect(outcomes.map((o) => [o.status, o.practices.map((p) => [p.practiceCode, p.registered])])).toEqual([
      ['ingested', [['C81001', 8]]],
      ['ingested', [['C82002', 7]]],
    ]);
  });

  it.each<{ practice: string; counts: Partial<PracticeCounts> }>([
    {
      practice: 'C81001',
      counts: {
        registered: 8,
        noPreference: 5, // rows 1, 2, 3, 4, 7
        prefSms: 2, // rows 5, 6
        prefLetter: 1, // row 8
        unrecognised: 0,
        defaultToSms: 2, // rows 3, 4: a mobile and consent not withdrawn (1 and 2 withdrew)
        qofNoPreference: 2, // rows 1 (HYP), 3 (DM)
        qofDefaultToSms: 1, // row 3
        dqSmsDissent: 1, // row 5
        dqSmsNoMobile: 0,
        aisNeedNoPreference: 3, // rows 1 (letter), 4 (SMS), 7 (BSL); not 2 or 3 ("not needed", "no support")
        unreachableElectronic: 1, // row 7
      },
    },
    {
      practice: 'C82002',
      counts: {
        registered: 7,
        noPreference: 5, // rows 1, 2, 3, 4, 7
        prefSms: 2, // rows 5, 6
        unrecognised: 0,
        defaultToSms: 2, // rows 3, 4 (1 and 2 withdrew)
        dqSmsDissent: 1, // row 5
        aisNeedNoPreference: 2, // rows 1 (email), 7 (24 point font); not 2, 3 or 4
        unreachableElectronic: 1, // row 7
      },
    },
  ])('counts $practice exactly as worked out by hand', async ({ practice, counts }) => {
    expect((await h.table.getSnapshot(practice, '2026-10'))?.counts).toMatchObject(counts);
  });

  it('carries the same numbers into the tidy rows and the ICB totals', () => {
    const row = (code: string) => report.report.practices.find((p) => p.practice_code === code);
    expect(row('C81001')).toMatchObject({ default_to_sms: 2, dq_sms_dissent: 1, ais_need_no_preference: 3 });
    expect(row('C82002')).toMatchObject({ default_to_sms: 2, dq_sms_dissent: 1, ais_need_no_preference: 2 });
    expect(report.report.icb.counts).toMatchObject({
      registered: 15,
      noPreference: 10,
      defaultToSms: 4,
      dqSmsDissent: 2,
      aisNeedNoPreference: 5,
    });
  });

  it('stages each no-preference patient’s AIS "Requires contact by X" for the gap list', async () => {
    const contactBy = async (practice: string) => {
      const snapshot = await h.table.getSnapshot(practice, '2026-10');
      if (!snapshot) throw new Error(`no snapshot for ${practice}`);
      const { noPreference } = await readStagedGapRows({ objects: h.objects, config: h.config }, snapshot);
      return noPreference
        .map((p) => [p.surname, p.aisContactBy])
        .sort(([a], [b]) => String(a).localeCompare(String(b)));
    };
    // SystmOne: Ash letter (term (id)), Dale SMS (id); Gum's BSL need names no contact method.
    expect(await contactBy('C81001')).toEqual([
      ['Ash', 'letter'],
      ['Birch', undefined],
      ['Cedar', undefined],
      ['Dale', 'sms'],
      ['Gum', undefined],
    ]);
    // EMIS: Ivy email (term (id)).
    expect((await contactBy('C82002')).filter(([, by]) => by !== undefined)).toEqual([['Ivy', 'email']]);
  });
});
