import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../lambdas/errors';
import { formatImportResult, importPracticesFile, practicesCommand } from '../../lambdas/local/commands/practices';
import { withLocalSession } from '../../lambdas/local/local-session';

const CSV = `practice_code,practice_name,pcn,clinical_system,email
A81001,Alpha Surgery,North PCN,SystmOne,alpha.surgery@example.org
B8200,Beta Medical Centre,South PCN,EMIS Web,beta.mc@example.org
C83003,Gamma Health Centre,South PCN,EMIS Web,gamma.hc@example
D84004,,North PCN,SystmOne,delta@example.org
e85005 ,Epsilon Surgery,East PCN,SystmOne,
`;

async function directoryFile(text: string): Promise<{ file: string; out: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'pcm-directory-'));
  const file = join(dir, 'practices.csv');
  await writeFile(file, text);
  return { file, out: join(dir, 'out') };
}

async function storedPractices(out: string) {
  return withLocalSession(out, {}, async ({ table }) =>
    (await table.listPractices()).sort((a, b) => a.practiceCode.localeCompare(b.practiceCode)),
  );
}

describe('practices import (local DynamoDB in <out>/.state)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('upserts the valid lines and rejects each invalid one with its line and field', async () => {
    const { file, out } = await directoryFile(CSV);
    const result = await importPracticesFile({ file, outDir: out });
    expect(result.upserted).toBe(2);
    expect(result.rejected).toEqual([
      {
        line: 3,
        field: 'practice_code',
        message: '"B8200" is not an ODS practice code: expected a letter and five digits, e.g. D83001.',
      },
      {
        line: 4,
        field: 'email',
        message: 'The email for C83003 is not a valid address; expected e.g. practice.manager@nhs.net.',
      },
      { line: 5, field: 'practice_name', message: 'The practice name for D84004 is empty.' },
    ]);
    expect(await storedPractices(out)).toEqual([
      {
        practiceCode: 'A81001',
        practiceName: 'Alpha Surgery',
        pcn: 'North PCN',
        clinicalSystem: 'SystmOne',
        email: 'alpha.surgery@example.org',
      },
      { practiceCode: 'E85005', practiceName: 'Epsilon Surgery', pcn: 'East PCN', clinicalSystem: 'SystmOne' },
    ]);
  });

  it('replaces what the directory held for a practice when it is imported again', async () => {
    const { file, out } = await directoryFile(CSV);
    await importPracticesFile({ file, outDir: out });
    await writeFile(
      file,
      'practice_code,practice_name,pcn,clinical_system,email\nA81001,Alpha Surgery (renamed),North PCN,SystmOne,pm@example.org\n',
    );
    expect((await importPracticesFile({ file, outDir: out })).upserted).toBe(1);
    const practices = await storedPractices(out);
    expect(practices.map((p) => [p.practiceCode, p.practiceName, p.email])).toEqual([
      ['A81001', 'Alpha Surgery (renamed)', 'pm@example.org'],
      ['E85005', 'Epsilon Surgery', undefined],
    ]);
  });

  it('prints the count and each rejected line as "line N, field: message", and exits 1', async () => {
    const { file, out } = await directoryFile(CSV);
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    await practicesCommand().parseAsync(['import', file, '--out', out], { from: 'user' });
    expect(lines.join('')).toBe(
      [
        `2 practices added or updated from ${file}.`,
        '3 line(s) rejected; correct them and import the file again:',
        '  line 3, practice_code: "B8200" is not an ODS practice code: expected a letter and five digits, e.g. D83001.',
        '  line 4, email: The email for C83003 is not a valid address; expected e.g. practice.manager@nhs.net.',
        '  line 5, practice_name: The practice name for D84004 is empty.',
        '',
      ].join('\n'),
    );
    expect(process.exitCode).toBe(1);
  });

  it('rejects a file without the required columns as a whole, naming the header', async () => {
    const { file, out } = await directoryFile('code,name\nA81001,Alpha Surgery\n');
    const result = await importPracticesFile({ file, outDir: out });
    expect(result.upserted).toBe(0);
    expect(formatImportResult(result).slice(1)).toEqual([
      '1 line(s) rejected; correct them and import the file again:',
      '  line 1, header: Missing column(s) practice_code, practice_name. Expected the header: practice_code,practice_name,pcn,clinical_system,email.',
    ]);
  });

  it('says which file it could not read', async () => {
    const missing = join(tmpdir(), 'no-such-directory-file.csv');
    await expect(importPracticesFile({ file: missing, outDir: join(tmpdir(), 'unused-out') })).rejects.toThrow(
      UsageError,
    );
    await expect(importPracticesFile({ file: missing, outDir: join(tmpdir(), 'unused-out') })).rejects.toThrow(
      `Could not read the practice directory ${missing} (ENOENT).`,
    );
  });
});
