import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLocalConfig } from '../../lambdas/local/local-config';
import { type LocalRunSummary, runLocal } from '../../lambdas/local/run-local';
import { readCsv, readWorkbook, sheetTable } from './helpers';

// One practice, ten patients (synthetic NHS numbers, valid check digits). Counted by hand:
//   SMS ×2 → sms; Email → email; Letter → letter; empty ×2 → none (no preference);
//   "Txt msg" ×2, "Nothing set", "Carrier pigeon" → unrecognised (4 of 10: not "mostly unrecognised").
// With valueMapping { "Txt msg": "sms", "nothing SET": "none" } (written in another case on purpose):
//   pref_sms 2 → 4, no_preference 2 → 3, unrecognised 4 → 1 (only "Carrier pigeon" is left).
const EXPORT = [
  'NHS Number,Surname,First Name,Date of Birth,Practice Code,Preferred Contact Method,Mobile Telephone',
  '9990010005,Ash,Ann,01/01/1960,C83001,SMS,07700 900101',
  '9990010013,Birch,Bob,02/02/1961,C83001,SMS,07700 900102',
  '9990010021,Cedar,Cal,03/03/1962,C83001,Txt msg,07700 900103',
  '9990010048,Dogwood,Dee,04/04/1963,C83001,Txt msg,07700 900104',
  '9990010056,Elm,Eve,05/05/1964,C83001,Nothing set,',
  '9990010064,Fir,Fay,06/06/1965,C83001,,',
  '9990010072,Gorse,Gus,07/07/1966,C83001,Email,',
  '9990010080,Hazel,Hal,08/08/1967,C83001,Letter,',
  '9990010099,Ivy,Ida,09/09/1968,C83001,,',
  '9990010102,Juniper,Jo,10/10/1969,C83001,Carrier pigeon,',
].join('\n');

const MAPPING = { valueMapping: { preferredContactMethod: { 'Txt msg': 'sms', 'nothing SET': 'none' } } };

describe('valueMapping through `run --config` (local run, real handlers)', () => {
  let root: string;
  let out: string;
  let exportsDir: string;
  let practicesFile: string;
  let configFile: string;
  const runs: LocalRunSummary[] = [];
  const countsAfter: Record<string, string>[] = [];
  const unrecognisedAfter: string[][] = [];

  async function run(env: Record<string, string>): Promise<void> {
    runs.push(await runLocal({ exportsDir, practicesFile, outDir: out, env }));
    const row = (await readCsv(join(out, '2026-10', 'practice-metrics-2026-10.csv'))).find(
      (r) => r.practice_code === 'C83001',
    );
    if (row === undefined) throw new Error('C83001 is not in the tidy CSV');
    countsAfter.push(row);
    const workbook = await readWorkbook(join(out, '2026-10', 'icb-report-2026-10.xlsx'));
    const sheet = workbook.getWorksheet('Data quality');
    if (sheet === undefined) throw new Error('no Data quality sheet');
    const table = sheetTable(sheet, 'Value as written');
    // The table ends at the first row without a patient count (the next section's heading).
    const end = table.findIndex((r) => typeof r.Patients !== 'number');
    const values = table.slice(0, end === -1 ? undefined : end).map((r) => `${r['Value as written']} ×${r.Patients}`);
    unrecognisedAfter.push(values.sort());
  }

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'pcm-value-mapping-'));
    exportsDir = join(root, 'exports');
    out = join(root, 'out');
    practicesFile = join(root, 'practices.csv');
    configFile = join(root, 'config.json');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(exportsDir);
    await writeFile(join(exportsDir, 'C83001_2026-10-31.csv'), EXPORT);
    await writeFile(
      practicesFile,
      'practice_code,practice_name,pcn,clinical_system,email\nC83001,Cedar Surgery,East PCN,SystmOne,cedar@example.org\n',
    );
    await writeFile(configFile, JSON.stringify(MAPPING));
    const mapped = await loadLocalConfig(configFile);
    await run({}); // 1: no mapping
    await run(mapped); // 2: the mapping changed: the export is read again
    await run(mapped); // 3: same mapping: nothing to read
    await run({}); // 4: the mapping removed: read again, as in run 1
  }, 120_000);

  const counts = (r: Record<string, string> | undefined) => ({
    registered: r?.registered,
    pref_sms: r?.pref_sms,
    no_preference: r?.no_preference,
    unrecognised: r?.unrecognised,
  });

  it('without a mapping counts the ICB words as unrecognised and lists them in Data quality', () => {
    expect(counts(countsAfter[0])).toEqual({ registered: '10', pref_sms: '2', no_preference: '2', unrecognised: '4' });
    expect(unrecognisedAfter[0]).toEqual(['Carrier pigeon ×1', 'Nothing set ×1', 'Txt msg ×2']);
  });

  it('with the mapping moves them to sms and none: they leave Data quality', () => {
    expect(runs[1]?.patients).toBe(10);
    expect(counts(countsAfter[1])).toEqual({ registered: '10', pref_sms: '4', no_preference: '3', unrecognised: '1' });
    expect(unrecognisedAfter[1]).toEqual(['Carrier pigeon ×1']);
  });

  it('does not read the export again while the mapping stays the same', () => {
    expect(runs[2]?.patients).toBe(0);
    expect(counts(countsAfter[2])).toEqual(counts(countsAfter[1]));
  });

  it('reads it again when the mapping is removed, so no number is left from a mapping no longer configured', () => {
    expect(runs[3]?.patients).toBe(10);
    expect(counts(countsAfter[3])).toEqual(counts(countsAfter[0]));
  });
});
