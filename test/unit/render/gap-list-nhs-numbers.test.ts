import { describe, expect, it } from 'vitest';
import { renderGapListNhsNumbers } from '../../../lambdas/render/gap-list-nhs-numbers';
import { gapListFixture } from './fixtures';

describe('renderGapListNhsNumbers', () => {
  it("holds exactly the No preference patients' NHS numbers, in tier order, 10 digits a line, no header", () => {
    // Riverside's six No preference patients, tiers 1, 2, 2, 3, 4, 5; its four Fix contact details
    // patients (9990000077, …085, …093, …107) and everything but the number are left out.
    const text = renderGapListNhsNumbers(gapListFixture().noPreference);
    expect(text).toBe(
      ['9990000018', '9990000026', '9990000034', '9990000042', '9990000050', '9990000069']
        .map((n) => `${n}\r\n`)
        .join(''),
    );
    for (const line of text.split('\r\n').slice(0, -1)) expect(line).toMatch(/^\d{10}$/);
  });

  it('writes the numbers as given, tier by tier, with nothing else', () => {
    const text = renderGapListNhsNumbers([
      { nhsNumber: '9990000018' },
      { nhsNumber: '9990000026' },
      { nhsNumber: '9990000034' },
    ]);
    expect(text).toBe('9990000018\r\n9990000026\r\n9990000034\r\n');
  });

  it('is empty when every patient has a preference', () => {
    expect(renderGapListNhsNumbers([])).toBe('');
  });

  it('refuses a number that is not 10 digits, without quoting it', () => {
    expect(() => renderGapListNhsNumbers([{ nhsNumber: '9990000018' }, { nhsNumber: '999 000 0026' }])).toThrow(
      /^The NHS number of No preference patient 2 is not 10 digits/,
    );
    expect(() => renderGapListNhsNumbers([{ nhsNumber: '999 000 0026' }])).not.toThrow(/999/);
  });
});
