import { VALUE_MAPPING_CATEGORIES } from '../../core/fields/value-mapping';
import { withheldShape } from '../../core/privacy/withheld-shape';
import { preferenceValueKey } from '../../core/values/preference-category';
import { isWithheldPlaceholder } from '../../core/values/withhold-personal-value';

/** What the user replaces with a category: pasted as it is, the config check names the value and the categories. */
export const CATEGORY_TO_CHOOSE = '?';

/** Enough for an example; a longer list is a column problem, not vocabulary. */
const MAX_EXAMPLE_VALUES = 20;

const CATEGORIES = VALUE_MAPPING_CATEGORIES.preferredContactMethod.join(', ');

/** Whether Data quality may quote the value in its advice (SPEC §8): never a withheld placeholder or a personal shape. */
export function isQuotableValue(value: string): boolean {
  return !isWithheldPlaceholder(value) && withheldShape(value) === undefined;
}

/**
 * The `valueMapping` configuration, ready to paste, for the unrecognised preference values Data quality lists
 * (SPEC §2.3c): each quotable value once (values equal once case and spacing are ignored are one entry), with
 * the category left as `?` for the user to choose. Undefined when no value may be quoted.
 */
export function valueMappingExample(values: readonly string[]): string | undefined {
  const mapping: Record<string, string> = {};
  const seen = new Set<string>();
  for (const value of values) {
    const key = preferenceValueKey(value);
    if (key === '' || seen.has(key) || !isQuotableValue(value)) continue;
    seen.add(key);
    mapping[value] = CATEGORY_TO_CHOOSE;
    if (seen.size === MAX_EXAMPLE_VALUES) break;
  }
  if (seen.size === 0) return undefined;
  return JSON.stringify({ valueMapping: { preferredContactMethod: mapping } });
}

/** The paragraph under the Unrecognised preference values heading: what they are and how to map them. */
export function unrecognisedValuesIntro(values: readonly string[]): string {
  const intro =
    'Preferred contact method values that could not be understood. They are counted as "Unrecognised value", ' +
    'not as "no preference".';
  const example = valueMappingExample(values);
  if (example === undefined) return intro;
  return (
    `${intro} If a value is your clinical system's word for a contact method, map it with the valueMapping ` +
    'option (in the --config file for local runs; the valueMapping context key in cdk.json when deployed). ' +
    `Ready to paste, replacing each "${CATEGORY_TO_CHOOSE}" with the category the value means (${CATEGORIES}): ` +
    `${example}. Remove any value that is not a contact method. The next run reads the exports again with it.`
  );
}

/** The What to do cell of one listed value. */
export function unrecognisedValueAdvice(value: string): string {
  return isQuotableValue(value)
    ? 'If it is a contact method, map it with valueMapping (example above); otherwise ask the practice to correct the records.'
    : 'Possibly personal data typed into the wrong column: ask the practice to correct these records.';
}
