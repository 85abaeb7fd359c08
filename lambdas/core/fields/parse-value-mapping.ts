import { normaliseCodedValue } from '../values/coded-entries';
import { preferenceValueKey } from '../values/preference-category';
import { VALUE_MAPPING_CATEGORIES, type ValueMapping } from './value-mapping';

type MappedField = keyof typeof VALUE_MAPPING_CATEGORIES;

const FIELDS = Object.keys(VALUE_MAPPING_CATEGORIES) as MappedField[];
const EXAMPLE = '{ "valueMapping": { "preferredContactMethod": { "Txt msg": "sms" } } }';

/** How each field's values are compared: the same way as its built-in vocabulary. */
const KEY_OF: Readonly<Record<MappedField, (value: string) => string>> = {
  preferredContactMethod: preferenceValueKey,
  smsConsent: normaliseCodedValue,
  aisNeed: normaliseCodedValue,
};

export type ValueMappingResult = { ok: true; mapping: ValueMapping } | { ok: false; errors: string[] };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? `"${value}"` : `a ${typeof value}`;
}

/**
 * Checks the configuration's `valueMapping` (SPEC §2.3c) once, at start: every problem is collected, each message
 * naming the field, the value and the allowed categories. `undefined` (no `valueMapping` given) is no mapping.
 */
export function parseValueMapping(json: unknown): ValueMappingResult {
  const errors: string[] = [];
  const maps = { preferredContactMethod: new Map(), smsConsent: new Map(), aisNeed: new Map() };
  if (json === undefined) return { ok: true, mapping: maps };
  if (!isPlainObject(json)) {
    return {
      ok: false,
      errors: [
        `valueMapping must be an object of field → { value: category }, not ${describe(json)}. Example: ${EXAMPLE}`,
      ],
    };
  }
  for (const [field, values] of Object.entries(json)) {
    if (!(FIELDS as string[]).includes(field)) {
      errors.push(
        `valueMapping has an unknown field "${field}"; the fields that take a mapping are ${FIELDS.join(', ')}.`,
      );
      continue;
    }
    const mappedField = field as MappedField;
    const allowed: readonly string[] = VALUE_MAPPING_CATEGORIES[mappedField];
    if (!isPlainObject(values)) {
      errors.push(`valueMapping.${field} must be an object of value → category, not ${describe(values)}.`);
      continue;
    }
    const target: Map<string, string> = maps[mappedField];
    const writtenAs = new Map<string, string>();
    for (const [value, category] of Object.entries(values)) {
      const key = KEY_OF[mappedField](value);
      if (key === '') {
        errors.push(`valueMapping.${field} maps an empty value; give the value as it is written in the export.`);
        continue;
      }
      if (typeof category !== 'string' || !allowed.includes(category)) {
        errors.push(
          `valueMapping.${field} maps "${value}" to ${describe(category)}, which is not a category of ${field}. ` +
            `Use one of: ${allowed.join(', ')}.`,
        );
        continue;
      }
      const earlier = writtenAs.get(key);
      if (earlier !== undefined) {
        errors.push(
          `valueMapping.${field} maps both "${earlier}" and "${value}", which are the same value once case and ` +
            'spaces are ignored. Keep one of them.',
        );
        continue;
      }
      writtenAs.set(key, value);
      target.set(key, category);
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, mapping: maps as ValueMapping };
}
