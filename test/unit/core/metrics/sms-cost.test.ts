import { describe, expect, it } from 'vitest';
import { estAnnualSmsCostGbp } from '../../../../lambdas/core/metrics/sms-cost';

const DEFAULTS = { invitesPerYear: 2, fragmentsPerInvite: 1, costPerFragmentGbp: 0.024, vatRate: 0.2 };

describe('estAnnualSmsCostGbp', () => {
  it.each([
    // 100 × 2 × 1 × £0.024 × 1.2 = £5.76.
    { qofDefaultToSms: 100, assumptions: DEFAULTS, expected: 5.76 },
    { qofDefaultToSms: 0, assumptions: DEFAULTS, expected: 0 },
    // A two-fragment invitation costs double: 100 × 2 × 2 × £0.024 × 1.2 = £11.52.
    { qofDefaultToSms: 100, assumptions: { ...DEFAULTS, fragmentsPerInvite: 2 }, expected: 11.52 },
    // Without VAT: 40 × 3 × 1 × £0.05 × 1 = £6.
    {
      qofDefaultToSms: 40,
      assumptions: { ...DEFAULTS, invitesPerYear: 3, costPerFragmentGbp: 0.05, vatRate: 0 },
      expected: 6,
    },
    // 1 × 2 × 1 × £0.024 × 1.2 = £0.0576 (shown as £0.06).
    { qofDefaultToSms: 1, assumptions: DEFAULTS, expected: 0.0576 },
  ])('costs £$expected for $qofDefaultToSms patients', ({ qofDefaultToSms, assumptions, expected }) => {
    expect(estAnnualSmsCostGbp(qofDefaultToSms, assumptions)).toBeCloseTo(expected, 12);
  });
});
