import { describe, expect, it } from 'vitest';
import {
  type PreferenceCategory,
  preferenceSpellings,
  spellPreference,
} from '../../../../lambdas/local/samples/preference-spellings';
import { SeededRandom } from '../../../../lambdas/local/samples/seeded-random';
import { classifyPreference } from './count-systmone-export';

const CATEGORIES: PreferenceCategory[] = [
  'sms',
  'email',
  'letter',
  'telephone',
  'nhsApp',
  'other',
  'declined',
  'none',
  'unrecognised',
];

describe('preference spellings', () => {
  it.each(CATEGORIES)('spells %s only with values SPEC §2.3 puts in that category', (category) => {
    for (const value of preferenceSpellings(category)) expect(classifyPreference(value)).toBe(category);
  });

  it.each(CATEGORIES)('writes %s in house spellings that stay in the category', (category) => {
    const random = new SeededRandom(4);
    for (const style of ['systmone', 'emis', 'codes'] as const) {
      for (let i = 0; i < 50; i++) {
        expect(classifyPreference(spellPreference(category, style, () => random.next()))).toBe(category);
      }
    }
  });

  it('writes a practice house spelling most of the time', () => {
    const random = new SeededRandom(8);
    const values = Array.from({ length: 1000 }, () => spellPreference('sms', 'emis', () => random.next()));
    const house = values.filter((value) => value === 'Text message').length;
    expect(house).toBeGreaterThan(800);
    expect(house).toBeLessThan(1000);
  });
});
