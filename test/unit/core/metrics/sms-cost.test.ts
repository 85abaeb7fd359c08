import { describe, expect, it } from 'vitest';
import { estAnnualSmsCostGbp } from '../../../../lambdas/core/metrics/sms-cost';

const DEFAULTS = { invitesPerYear: 2, fragmentsPerInvite: 1, costPerFragmentGbp: 0.025 };

describe('estAnnualSmsCostGbp', () => {
  it.each([
    // 100 × 2 × 1 × £0.025 = £5.
    { qofDefaultToSms: 100, assumptions: DEFAULTS, expected: 5 },
    { qofDefaultToSms: 0, assumptions: DEFAULTS, expected: 0 },
    // A two-fragment invitation costs double: 100 × 2 × 2 × £0.025 = £10.
    { qofDefaultToSms: 100, assumptions: { ...DEFAULTS, fragmentsPerInvite: 2 }, expected: 10 },
    // 40 × 3 × 1 × £0.05 = £6.
    { qofDefaultToSms: 40, assumptions: { ...DEFAULTS, invitesPerYear: 3, costPerFragmentGbp: 0.05 }, expected: 6 },
    // 1 × 2 × 1 × £0.025 = £0.05.
    { qofDefaultToSms: 1, assumptions: DEFAULTS, expected: 0.05 },
  ])('costs £$expected for $qofDefaultToSms patients', ({ qofDefaultToSms, assumptions, expected }) => {
    expect(estAnnualSmsCostGbp(qofDefaultToSms, assumptions)).toBeCloseTo(expected, 12);
  });
});
