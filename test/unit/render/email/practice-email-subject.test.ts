import { describe, expect, it } from 'vitest';
import { practiceEmailSubject } from '../../../../lambdas/render/email/practice-email-subject';

describe('practiceEmailSubject', () => {
  it.each([
    {
      name: 'Alpha Surgery',
      period: '2026-10',
      expected: 'Alpha Surgery: patient communication preferences, October 2026',
    },
    {
      name: ' Beta\nMedical  Centre ',
      period: '2027-01',
      expected: 'Beta Medical Centre: patient communication preferences, January 2027',
    },
  ])('names $name and $period', ({ name, period, expected }) => {
    expect(practiceEmailSubject(name, period)).toBe(expected);
  });
});
