import { PERSONAL_SHAPES, type PersonalShape } from './personal-shape';
import type { WithheldCounts } from './screen-input-values';

/** What a value of each shape is called, for one and for several. */
const SHAPE_WORDS: Record<PersonalShape, { one: string; many: string }> = {
  date: { one: 'value that looks like a date', many: 'values that look like dates' },
  name: { one: "value equal to a patient's name", many: "values equal to a patient's name" },
  phoneOrNhsNumber: {
    one: 'value that looks like a phone or NHS number',
    many: 'values that look like phone or NHS numbers',
  },
  email: { one: 'value that looks like an email address', many: 'values that look like email addresses' },
  postcode: { one: 'value that looks like a postcode', many: 'values that look like postcodes' },
};

/** `1 value that looks like a date`, `3 values that look like postcodes`. */
export function describeShapeCount(shape: PersonalShape, count: number): string {
  const words = SHAPE_WORDS[shape];
  return `${count} ${count === 1 ? words.one : words.many}`;
}

/**
 * One plain-English sentence for the values withheld as possibly personal, or undefined when none were:
 * `Withheld as possibly personal data: 2 values that look like dates and 1 value equal to a patient's name.`
 */
export function describeWithheld(withheld: WithheldCounts): string | undefined {
  const parts = PERSONAL_SHAPES.filter((shape) => withheld[shape] > 0).map((shape) =>
    describeShapeCount(shape, withheld[shape]),
  );
  if (parts.length === 0) return undefined;
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `Withheld as possibly personal data: ${list}.`;
}
