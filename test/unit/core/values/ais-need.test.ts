import { describe, expect, it } from 'vitest';
import { hasAisNeed } from '../../../../lambdas/core/values/ais-need';

describe('hasAisNeed', () => {
  it.each([
    '',
    '  ',
    'No',
    'N',
    'None',
    'False',
    '0',
    'No need',
    'Not recorded',
    'no',
    'NONE',
    ' n ',
    'No  Need',
    'NOT RECORDED',
  ])('reads "%s" as no need', (raw) => {
    expect(hasAisNeed(raw)).toBe(false);
  });

  it.each(['Yes', 'Y', 'True', '1', 'Large print', 'BSL interpreter', 'Easy read', 'Braille', 'Needs carer present'])(
    'reads "%s" as a recorded need',
    (raw) => {
      expect(hasAisNeed(raw)).toBe(true);
    },
  );
});
