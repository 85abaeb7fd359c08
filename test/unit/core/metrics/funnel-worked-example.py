#!/usr/bin/env python3
"""Independent worked example for funnel.test.ts (Spiegelhalter 2005, additive over-dispersion, SPEC §3).

Plain Python only (no numpy needed): percentiles come from statistics.quantiles(method='inclusive'), which is
the linear interpolation between closest ranks of R's quantile type 7 / numpy.percentile's default. If numpy is
installed the percentiles are cross-checked against numpy.percentile as well.

Run: python3 test/unit/core/metrics/funnel-worked-example.py   and paste the printed numbers into the test.
"""
import math
import statistics

EXAMPLES = {
    # 10 reporting practices with real between-practice spread (16%-23.5%), one high outlier (P7, 35%), one
    # low outlier (P8, 3%), and one practice with no patients (X0), which must be left out of everything.
    "overdispersed": [
        ("P1", 800, 4000),
        ("P2", 1140, 6000),
        ("P3", 630, 3000),
        ("P4", 1400, 8000),
        ("P5", 1175, 5000),
        ("P6", 1330, 7000),
        ("P7", 875, 2500),
        ("P8", 270, 9000),
        ("P9", 945, 4500),
        ("P10", 1045, 5500),
        ("X0", 0, 0),
    ],
    # 10 practices whose spread is within binomial noise apart from a high (Q3) and a low (Q5) warning:
    # k*phi <= k-1 after Winsorising, so tau2 = 0 and the adjusted z is the plain z.
    "chance_only": [
        ("Q1", 200, 1000),
        ("Q2", 195, 1000),
        ("Q3", 228, 1000),
        ("Q4", 410, 2000),
        ("Q5", 170, 1000),
        ("Q6", 100, 500),
        ("Q7", 99, 500),
        ("Q8", 202, 1000),
        ("Q9", 306, 1500),
        ("Q10", 196, 1000),
    ],
}

LIMIT_SIZES = [100, 1000, 5000]


def percentile_inclusive(values, q_percent):
    # statistics.quantiles(n=100, method='inclusive') gives the 1st..99th percentiles (type 7).
    return statistics.quantiles(values, n=100, method="inclusive")[q_percent - 1]


def flag(z):
    if z > 3.09:
        return "high_outlier"
    if z > 1.96:
        return "high_warning"
    if z < -3.09:
        return "low_outlier"
    if z < -1.96:
        return "low_warning"
    return "in_control"


def funnel(rows):
    rows = [r for r in rows if r[2] > 0]
    k = len(rows)
    p_bar = sum(r[1] for r in rows) / sum(r[2] for r in rows)
    s2 = [p_bar * (1 - p_bar) / n for _, _, n in rows]
    z = [(x / n - p_bar) / math.sqrt(s) for (_, x, n), s in zip(rows, s2)]
    lo = percentile_inclusive(z, 10)
    hi = percentile_inclusive(z, 90)
    try:
        import numpy

        assert abs(numpy.percentile(z, 10) - lo) < 1e-12 and abs(numpy.percentile(z, 90) - hi) < 1e-12
    except ImportError:
        pass
    z_w = [min(max(v, lo), hi) for v in z]
    phi = sum(v * v for v in z_w) / k
    w = [1 / s for s in s2]
    if k * phi > k - 1:
        tau2 = (k * phi - (k - 1)) / (sum(w) - sum(v * v for v in w) / sum(w))
    else:
        tau2 = 0.0
    adjusted = {code: (x / n - p_bar) / math.sqrt(s + tau2) for (code, x, n), s in zip(rows, s2)}
    limits = {}
    for n in LIMIT_SIZES:
        sd = math.sqrt(p_bar * (1 - p_bar) / n + tau2)
        b = lambda zz: min(100.0, max(0.0, 100 * (p_bar + zz * sd)))  # noqa: E731
        limits[n] = (b(-1.96), b(1.96), b(-3.09), b(3.09))
    return p_bar, lo, hi, phi, tau2, adjusted, limits


for name, rows in EXAMPLES.items():
    p_bar, lo, hi, phi, tau2, adjusted, limits = funnel(rows)
    print(f"== {name}")
    print(f"pBar = {p_bar!r}")
    print(f"z p10 = {lo!r}, z p90 = {hi!r}")
    print(f"phi = {phi!r}")
    print(f"tau2 = {tau2!r}")
    for code, z in adjusted.items():
        print(f"  {{ practiceCode: '{code}', z: {z!r}, flag: '{flag(z)}' }},")
    for n, (l95, h95, l998, h998) in limits.items():
        print(f"  {{ n: {n}, low95: {l95!r}, high95: {h95!r}, low998: {l998!r}, high998: {h998!r} }},")
