import { FIELD_NAMES, type FieldName } from './field-aliases';
import type { UserMapping } from './header-mapping';
import { normaliseHeader } from './normalise-header';

const VALID_FIELDS: ReadonlySet<string> = new Set(FIELD_NAMES);
const VALID_FIELDS_TEXT = FIELD_NAMES.join(', ');
const HOW_TO_FIX = 'See docs/column-mapping.md for the format: { "fields": { "Header as written": "fieldName" } }.';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks a parsed mapping file (JSON) and returns it typed. Throws an Error that names the offending
 * header and lists the valid field names, so the user can fix the file without reading code.
 * Two headers that compare equal (after normaliseHeader) but name different fields are an error too.
 */
export function parseUserMapping(json: unknown): UserMapping {
  if (!isPlainObject(json)) {
    throw new Error(`The column mapping file must hold a JSON object, not ${describe(json)}. ${HOW_TO_FIX}`);
  }
  for (const key of Object.keys(json)) {
    if (key !== 'fields') {
      throw new Error(`The column mapping file has an unknown key "${key}"; the only key is "fields". ${HOW_TO_FIX}`);
    }
  }
  if (json.fields === undefined) return {};
  if (!isPlainObject(json.fields)) {
    throw new Error(
      `"fields" in the column mapping file must be an object of header → field name, not ${describe(json.fields)}. ${HOW_TO_FIX}`,
    );
  }
  const fields: Record<string, FieldName> = {};
  const fieldByNormalised = new Map<string, { header: string; field: string }>();
  for (const [header, field] of Object.entries(json.fields)) {
    const normalised = normaliseHeader(header);
    if (normalised.length === 0) {
      throw new Error(
        `The column mapping file maps an empty header "${header}"; give the header as it is written in the export.`,
      );
    }
    if (typeof field !== 'string' || !VALID_FIELDS.has(field)) {
      const given = typeof field === 'string' ? `"${field}"` : describe(field);
      throw new Error(
        `The column mapping file maps header "${header}" to ${given}, which is not a field name. ` +
          `Use one of: ${VALID_FIELDS_TEXT}.`,
      );
    }
    const earlier = fieldByNormalised.get(normalised);
    if (earlier !== undefined && earlier.field !== field) {
      throw new Error(
        `The column mapping file maps headers "${earlier.header}" and "${header}" to different fields ` +
          `("${earlier.field}" and "${field}"), but they are the same header once case, spaces and _ . - ( ) [ ] / ` +
          'are ignored. Keep one of them.',
      );
    }
    fieldByNormalised.set(normalised, { header, field });
    fields[header] = field as FieldName;
  }
  return { fields };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}
