import { describe, expect, it } from 'vitest';
import { funnelPlot, percentileLinear } from '../../../../lambdas/core/metrics/funnel';

/** ~1e-9: toBeCloseTo(x, 9) passes when |actual − x| < 5e-10. */
const DIGITS = 9;

/*
 * Expected numbers come from an independent plain-Python computation of the SPEC §3 method:
 * test/unit/core/metrics/funnel-worked-example.py (run it with python3 to reproduce them).
 */
describe('funnelPlot on a worked example with over-dispersion', () => {
  const practices = [
    { practiceCode: 'P1', noPreference: 800, registered: 4000 },
    { practiceCode: 'P2', noPreference: 1140, registered: 6000 },
    { practiceCode: 'P3', noPreference: 630, registered: 3000 },
    { practiceCode: 'P4', noPreference: 1400, registered: 8000 },
    { practiceCode: 'P5', noPreference: 1175, registered: 5000 },
    { practiceCode: 'P6', noPreference: 1330, registered: 7000 },
    { practiceCode: 'P7', noPreference: 875, registered: 2500 },
    { practiceCode: 'P8', noPreference: 270, registered: 9000 },
    { practiceCode: 'P9', noPreference: 945, registered: 4500 },
    { practiceCode: 'P10', noPreference: 1045, registered: 5500 },
    { practiceCode: 'X0', noPreference: 0, registered: 0 },
  ];
  const funnel = funnelPlot(practices);

  it('pools p̄ over practices with patients', () => {
    // 9610 / 54500.
    expect(funnel.pBar).toBeCloseTo(0.1763302752293578, 12);
  });

  it('estimates φ from the Winsorised z-scores and a positive τ²', () => {
    expect(funnel.phi).toBeCloseTo(37.75881115262992, DIGITS);
    expect(funnel.tau2).toBeCloseTo(0.001107859003257977, DIGITS);
  });

  it.each([
    { practiceCode: 'P1', z: 0.699758557372204, flag: 'in_control' },
    { practiceCode: 'P2', z: 0.40627867464896944, flag: 'in_control' },
    { practiceCode: 'P3', z: 0.9901696932628398, flag: 'in_control' },
    { practiceCode: 'P4', z: -0.039643287216098236, flag: 'in_control' },
    { practiceCode: 'P5', z: 1.740009662100966, flag: 'in_control' },
    { practiceCode: 'P6', z: 0.4069006162344135, flag: 'in_control' },
    { practiceCode: 'P7', z: 5.086082220257019, flag: 'high_outlier' },
    { practiceCode: 'P8', z: -4.364672884881313, flag: 'low_outlier' },
    { practiceCode: 'P9', z: 0.9971525400618895, flag: 'in_control' },
    { practiceCode: 'P10', z: 0.4058843753492678, flag: 'in_control' },
  ])('gives $practiceCode an adjusted z of $z ($flag)', ({ practiceCode, z, flag }) => {
    const result = funnel.byPractice.get(practiceCode);
    expect(result?.z).toBeCloseTo(z, DIGITS);
    expect(result?.flag).toBe(flag);
  });

  it('leaves a practice with no registered patients out', () => {
    expect(funnel.byPractice.has('X0')).toBe(false);
    expect(funnel.byPractice.size).toBe(10);
  });

  it('gives the same result without the empty practice', () => {
    const without = funnelPlot(practices.filter((p) => p.registered > 0));
    expect(without.tau2).toBe(funnel.tau2);
    expect(without.byPractice.get('P7')?.z).toBe(funnel.byPractice.get('P7')?.z);
  });

  it.each([
    {
      n: 100,
      low95: 7.715663624543752,
      high95: 27.55039142132781,
      low998: 1.99799974434835,
      high998: 33.268055301523205,
    },
    {
      n: 1000,
      low95: 10.694802174076349,
      high95: 24.571252871795206,
      low998: 6.694702865805352,
      high998: 28.571352180066206,
    },
    {
      n: 5000,
      low95: 11.024290625945714,
      high95: 24.241764419925843,
      low998: 7.214151496558586,
      high998: 28.051903549312975,
    },
  ])('draws the limits in percent for a practice of $n', ({ n, low95, high95, low998, high998 }) => {
    const limits = funnel.limits(n);
    expect(limits.low95).toBeCloseTo(low95, DIGITS);
    expect(limits.high95).toBeCloseTo(high95, DIGITS);
    expect(limits.low998).toBeCloseTo(low998, DIGITS);
    expect(limits.high998).toBeCloseTo(high998, DIGITS);
  });
});

describe('funnelPlot on a worked example within chance', () => {
  const funnel = funnelPlot([
    { practiceCode: 'Q1', noPreference: 200, registered: 1000 },
    { practiceCode: 'Q2', noPreference: 195, registered: 1000 },
    { practiceCode: 'Q3', noPreference: 228, registered: 1000 },
    { practiceCode: 'Q4', noPreference: 410, registered: 2000 },
    { practiceCode: 'Q5', noPreference: 170, registered: 1000 },
    { practiceCode: 'Q6', noPreference: 100, registered: 500 },
    { practiceCode: 'Q7', noPreference: 99, registered: 500 },
    { practiceCode: 'Q8', noPreference: 202, registered: 1000 },
    { practiceCode: 'Q9', noPreference: 306, registered: 1500 },
    { practiceCode: 'Q10', noPreference: 196, registered: 1000 },
  ]);

  it('finds no over-dispersion, so τ² is 0', () => {
    // 2106 / 10500.
    expect(funnel.pBar).toBeCloseTo(0.20057142857142857, 12);
    expect(funnel.phi).toBeCloseTo(0.15591419901812248, DIGITS);
    expect(funnel.tau2).toBe(0);
  });

  it.each([
    { practiceCode: 'Q1', z: -0.045127116536430326, flag: 'in_control' },
    { practiceCode: 'Q2', z: -0.43998938623020667, flag: 'in_control' },
    { practiceCode: 'Q3', z: 2.166101593748715, flag: 'high_warning' },
    { practiceCode: 'Q4', z: 0.4946001968337472, flag: 'in_control' },
    { practiceCode: 'Q5', z: -2.414300734699086, flag: 'low_warning' },
    { practiceCode: 'Q6', z: -0.03190969011830547, flag: 'in_control' },
    { practiceCode: 'Q7', z: -0.1435936055323777, flag: 'in_control' },
    { practiceCode: 'Q8', z: 0.1128177913410802, flag: 'in_control' },
    { practiceCode: 'Q9', z: 0.33161522723210973, flag: 'in_control' },
    { practiceCode: 'Q10', z: -0.3610169322914514, flag: 'in_control' },
  ])('gives $practiceCode a z of $z ($flag)', ({ practiceCode, z, flag }) => {
    const result = funnel.byPractice.get(practiceCode);
    expect(result?.z).toBeCloseTo(z, DIGITS);
    expect(result?.flag).toBe(flag);
  });

  it.each([
    {
      n: 100,
      low95: 12.208755343774266,
      high95: 27.905530370511443,
      low998: 7.683919685556662,
      high998: 32.430366028729054,
    },
    {
      n: 1000,
      low95: 17.57526480695586,
      high95: 22.539020907329853,
      low998: 16.14438613516438,
      high998: 23.969899579121336,
    },
  ])('draws the binomial limits for a practice of $n', ({ n, low95, high95, low998, high998 }) => {
    const limits = funnel.limits(n);
    expect(limits.low95).toBeCloseTo(low95, DIGITS);
    expect(limits.high95).toBeCloseTo(high95, DIGITS);
    expect(limits.low998).toBeCloseTo(low998, DIGITS);
    expect(limits.high998).toBeCloseTo(high998, DIGITS);
  });
});

describe('funnelPlot edge cases', () => {
  it('clamps the limits to 0–100', () => {
    // p̄ = 2/200 = 0.01, both practices at p̄ so z = 0, φ = 0 and τ² = 0.
    // n = 10: sd = √(0.01·0.99/10) = 0.0314643…; 1 + 196·0.0314643 = 7.1670…; 1 − 196·0.0314643 < 0.
    const limits = funnelPlot([
      { practiceCode: 'A', noPreference: 1, registered: 100 },
      { practiceCode: 'B', noPreference: 1, registered: 100 },
    ]).limits(10);
    expect(limits.low95).toBe(0);
    expect(limits.low998).toBe(0);
    expect(limits.high95).toBeCloseTo(7.166996027240491, DIGITS);
    expect(limits.high998).toBeCloseTo(10.722458022537303, DIGITS);
  });

  it('puts a single practice in control with τ² = 0', () => {
    const funnel = funnelPlot([{ practiceCode: 'A', noPreference: 30, registered: 100 }]);
    expect(funnel.pBar).toBe(0.3);
    expect(funnel.tau2).toBe(0);
    expect(funnel.byPractice.get('A')).toEqual({ z: 0, flag: 'in_control' });
  });

  it.each([
    { name: 'every practice is at 0%', noPreference: [0, 0] },
    { name: 'every practice is at 100%', noPreference: [100, 50] },
  ])('gives no z-scores when $name (nothing to compare against)', ({ noPreference }) => {
    const funnel = funnelPlot([
      { practiceCode: 'A', noPreference: noPreference[0] as number, registered: 100 },
      { practiceCode: 'B', noPreference: noPreference[1] as number, registered: 50 },
    ]);
    expect(funnel.byPractice.size).toBe(0);
    expect(funnel.tau2).toBe(0);
    expect(funnel.phi).toBeNaN();
  });

  it('gives no p̄ and no z-scores when no practice has patients', () => {
    const funnel = funnelPlot([{ practiceCode: 'A', noPreference: 0, registered: 0 }]);
    expect(funnel.pBar).toBeNaN();
    expect(funnel.byPractice.size).toBe(0);
  });

  it('rejects a practice listed twice', () => {
    expect(() =>
      funnelPlot([
        { practiceCode: 'A', noPreference: 1, registered: 10 },
        { practiceCode: 'A', noPreference: 2, registered: 10 },
      ]),
    ).toThrow(/A appears more than once/);
  });
});

describe('percentileLinear', () => {
  it.each([
    // numpy.percentile([1, 2, 3, 4], q): h = 3q/100, then interpolate between sorted[⌊h⌋] and the next.
    { sorted: [1, 2, 3, 4], q: 0, expected: 1 },
    { sorted: [1, 2, 3, 4], q: 10, expected: 1.3 },
    { sorted: [1, 2, 3, 4], q: 50, expected: 2.5 },
    { sorted: [1, 2, 3, 4], q: 90, expected: 3.7 },
    { sorted: [1, 2, 3, 4], q: 100, expected: 4 },
    // h = 0.9·10 = 9 (exact rank) and h = 0.1·10 = 1.
    { sorted: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100], q: 90, expected: 90 },
    { sorted: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100], q: 10, expected: 10 },
    // Ten values: h = 0.9 → −5 + 0.9·(−1 − −5) = −1.4; h = 8.1 → 4 + 0.1·(100 − 4) = 13.6.
    { sorted: [-5, -1, 0, 0, 1, 1, 2, 3, 4, 100], q: 10, expected: -1.4 },
    { sorted: [-5, -1, 0, 0, 1, 1, 2, 3, 4, 100], q: 90, expected: 13.6 },
    { sorted: [7], q: 37, expected: 7 },
  ])('gives $expected as the $q th percentile of $sorted', ({ sorted, q, expected }) => {
    expect(percentileLinear(sorted, q)).toBeCloseTo(expected, 12);
  });

  it.each([
    { sorted: [], q: 50 },
    { sorted: [1, 2], q: -1 },
    { sorted: [1, 2], q: 101 },
    { sorted: [1, 2], q: Number.NaN },
  ])('rejects q = $q for $sorted', ({ sorted, q }) => {
    expect(() => percentileLinear(sorted, q)).toThrow(RangeError);
  });
});
