import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExportFormatError } from '../../../../lambdas/core/read/export-format-error';
import { ExportRejectedError, REJECTION_REASONS } from '../../../../lambdas/core/read/export-rejected-error';
import { ZipRejectedError } from '../../../../lambdas/pipeline/zip-members';

const ROOT = join(import.meta.dirname, '../../../..');

/** The codes in the first column of the table under a heading, e.g. `no_data_rows` / `empty_file` → both. */
function codesInTable(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(heading);
  expect(start).toBeGreaterThan(-1);
  const lines = markdown.slice(start).split('\n').slice(1);
  const table = lines.slice(lines.findIndex((l) => l.startsWith('|')));
  const rows = table
    .slice(
      0,
      table.findIndex((l) => !l.startsWith('|')),
    )
    .slice(2);
  return rows.flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`([a-z_*]+)`/g)].map((m) => m[1] as string));
}

describe('RejectionReason', () => {
  it('is exactly the codes of README’s quarantine reasons table, with `zip_*` standing for the zip ones', () => {
    const readme = codesInTable(readFileSync(join(ROOT, 'README.md'), 'utf8'), '### What a quarantine reason means');
    const wildcards = readme.filter((c) => c.endsWith('*')).map((c) => c.slice(0, -1));
    expect(readme).toEqual([
      'no_header',
      'missing_required_columns',
      'not_text',
      'unsupported_encoding',
      'malformed_csv',
      'mixed_delimiters',
      'no_data_rows',
      'empty_file',
      'no_practice_code',
      'no_valid_patients',
      'rows_for_another_practice',
      'extract_date_in_future',
      'bad_extract_date',
      'internal_error',
      'zip_*',
    ]);
    const exact = readme.filter((c) => !c.endsWith('*'));
    const zip = REJECTION_REASONS.filter((r) => wildcards.some((w) => r.startsWith(w)));
    expect([...REJECTION_REASONS].sort()).toEqual([...exact, ...zip].sort());
    expect(zip).toEqual(['zip_too_large', 'zip_bomb', 'zip_nested', 'zip_unreadable', 'zip_empty']);
  });

  it('covers every reason in docs/bad-input.md’s catalogue of quarantined files', () => {
    const catalogue = readFileSync(join(ROOT, 'docs/bad-input.md'), 'utf8');
    const section = catalogue.slice(
      catalogue.indexOf('## Quarantined files'),
      catalogue.indexOf('## Files that are ingested'),
    );
    const reasons = new Set(
      section
        .split('\n')
        .filter((l) => l.startsWith('| ') && !l.startsWith('| case'))
        .flatMap((l) => [...(l.split('|')[3] ?? '').matchAll(/`([a-z_]+)`/g)].map((m) => m[1] as string)),
    );
    expect(reasons.size).toBeGreaterThan(10);
    for (const reason of reasons) expect(REJECTION_REASONS).toContain(reason);
  });
});

describe('ExportRejectedError', () => {
  it('is the one class the ingest catches: format and zip rejections are kinds of it, with reason and hint', () => {
    const format = new ExportFormatError('no_header', 'No NHS number column.', 'Export with headers.');
    const zip = new ZipRejectedError('zip_nested', 'The archive contains another archive.', 'Extract it.');
    for (const error of [format, zip]) expect(error).toBeInstanceOf(ExportRejectedError);
    expect([format.name, format.reason, format.message, format.hint]).toEqual([
      'ExportFormatError',
      'no_header',
      'No NHS number column.',
      'Export with headers.',
    ]);
    expect([zip.name, zip.reason]).toEqual(['ZipRejectedError', 'zip_nested']);
  });
});
