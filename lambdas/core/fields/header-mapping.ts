import { FIELD_ALIASES, FIELD_LABELS, FIELD_NAMES, type FieldName, REQUIRED_FIELDS } from './field-aliases';
import { normaliseHeader } from './normalise-header';
import { registerCodeForHeader } from './register-header';

/** A user's mapping file: header as written → field, compared after normaliseHeader. */
export interface UserMapping {
  fields?: Record<string, FieldName>;
}

/** Which column (0-based) holds each field, and what else the header line held. */
export interface HeaderMapping {
  fields: Partial<Record<FieldName, number>>;
  /** Per-register yes/no columns, with the QOF code each one stands for. */
  registerColumns: { index: number; code: string }[];
  /** Headers that matched nothing, as written (blank headers are left out). */
  ignored: string[];
  /** Later columns for a field that an earlier (or user-mapped) column already supplies, as written. */
  duplicates: string[];
}

const FIELD_BY_ALIAS: ReadonlyMap<string, FieldName> = (() => {
  const byAlias = new Map<string, FieldName>();
  for (const field of FIELD_NAMES) {
    for (const alias of FIELD_ALIASES[field]) byAlias.set(normaliseHeader(alias), field);
  }
  return byAlias;
})();

function userFieldsByHeader(userMapping: UserMapping | undefined): ReadonlyMap<string, FieldName> {
  const byHeader = new Map<string, FieldName>();
  for (const [header, field] of Object.entries(userMapping?.fields ?? {})) byHeader.set(normaliseHeader(header), field);
  return byHeader;
}

/**
 * Maps a header line to fields. A user-mapped column beats an alias column for the same field;
 * otherwise the first column wins and later ones are listed as duplicates. A header is read as a
 * per-register column only when it is neither user-mapped nor a field alias.
 */
export function mapHeader(header: readonly string[], userMapping?: UserMapping): HeaderMapping {
  const userFields = userFieldsByHeader(userMapping);
  const fromUser: Partial<Record<FieldName, number>> = {};
  const fromAlias: Partial<Record<FieldName, number>> = {};
  const fieldOfColumn: (FieldName | undefined)[] = [];
  const registerColumns: { index: number; code: string }[] = [];
  const ignored: string[] = [];

  header.forEach((cell, index) => {
    const normalised = normaliseHeader(cell);
    const userField = userFields.get(normalised);
    const field = userField ?? FIELD_BY_ALIAS.get(normalised);
    fieldOfColumn.push(field);
    if (field !== undefined) {
      const winners = userField !== undefined ? fromUser : fromAlias;
      if (winners[field] === undefined) winners[field] = index;
      return;
    }
    const code = registerCodeForHeader(cell);
    if (code !== undefined) registerColumns.push({ index, code });
    else if (normalised.length > 0) ignored.push(cell);
  });

  const fields: Partial<Record<FieldName, number>> = { ...fromAlias, ...fromUser };
  const duplicates: string[] = [];
  fieldOfColumn.forEach((field, index) => {
    if (field !== undefined && fields[field] !== index) duplicates.push(header[index] as string);
  });
  return { fields, registerColumns, ignored, duplicates };
}

/** Required fields the mapping lacks, in SPEC §2.1 order; practiceCode only when the key names no practice. */
export function missingRequired(mapping: HeaderMapping, needPracticeCode: boolean): FieldName[] {
  return FIELD_NAMES.filter(
    (field) =>
      mapping.fields[field] === undefined &&
      (REQUIRED_FIELDS.includes(field) || (field === 'practiceCode' && needPracticeCode)),
  );
}

/**
 * True when a line's cells include an NHS-number column (by alias or the user's mapping): how the
 * reader finds the header below an EMIS Web preamble of titles and run dates.
 */
export function looksLikeHeader(cells: readonly string[], userMapping?: UserMapping): boolean {
  const userFields = userMapping?.fields === undefined ? undefined : userFieldsByHeader(userMapping);
  return cells.some((cell) => {
    const normalised = normaliseHeader(cell);
    return (userFields?.get(normalised) ?? FIELD_BY_ALIAS.get(normalised)) === 'nhsNumber';
  });
}

/**
 * For quarantine hints: each field with up to three accepted headers, e.g.
 * `NHS number ("NHS Number", "NHS No", "Patient NHS Number"), date of birth ("Date of Birth", "DOB", "Birth Date")`.
 */
export function describeExpectedColumns(fields: readonly FieldName[]): string {
  return fields
    .map((field) => {
      const examples = FIELD_ALIASES[field].slice(0, 3).map((alias) => `"${alias}"`);
      return `${FIELD_LABELS[field]} (${examples.join(', ')})`;
    })
    .join(', ');
}
