import { type PersonalShape, personalShapeOf } from './personal-shape';
import type { SeenNames } from './seen-names';

/**
 * Why a text read from an export may not be quoted in a shared output, or undefined when it may be
 * (SPEC §8). For a value that is not known vocabulary: the caller shows known codes, headers and category
 * names as they are and asks only about the rest. Without `names` (no names column, or not yet read)
 * only the shapes are checked.
 */
export function withheldShape(text: string, names?: SeenNames): PersonalShape | undefined {
  return personalShapeOf(text) ?? (names?.appearsIn(text) ? 'name' : undefined);
}
