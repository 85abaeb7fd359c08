#!/usr/bin/env python3
"""Independent worked example for analytics.test.ts: a constructed ICB whose every number is known.

The test writes, for each practice and month below, an export of `registered` patients of whom the first
`no_preference` have no recorded preference and the rest prefer SMS; every patient is 16+, has a valid mobile and
no SMS consent recorded; every 4th patient (0, 4, 8, ...) is on the DM register. This script computes, with plain
Python only (no project code), what the report must show:

- % no preference, its 95% Wilson score interval;
- decile = ceil(10 * rank / k), rank by ascending %, ties taking the lowest rank, blank when k < 10 (SPEC §3);
- funnel z and flag: Spiegelhalter (2005) with additive over-dispersion, z Winsorised at the 10th and 90th
  percentiles (linear interpolation between closest ranks, R type 7 / numpy default), limits 1.96 and 3.09;
- change_pct_points = unrounded % this month minus last month (blank when it did not report then);
- the ICB % for each month (the Trend sheet's ICB row), and the ICB median;
- the SMS cost: QOF patients who would default to SMS x 2 invites x 1 fragment x 0.024 x (1 + 0.2 VAT).

Numbers are rounded half away from zero, as the reports show them (see shown()).

Run: python3 test/integration/analytics-worked-example.py   and paste the printed rows into analytics.test.ts.
"""
import math
import statistics
from decimal import ROUND_HALF_UP, Decimal

Z95 = 1.959963984540054

# practice code -> {period: (registered, no_preference)}. K81011 stops after September (stale in October),
# K81012 is in the directory but never sends an export (missing), K81013 is not in the directory, and K81010
# skips September (so no change in October, and a gap in the trend).
MONTHS = {
    "2026-08": {
        "K81001": (40, 6), "K81002": (50, 12), "K81003": (60, 12), "K81004": (30, 6),
        "K81005": (80, 36), "K81006": (45, 9), "K81010": (65, 4), "K81011": (25, 5),
    },
    "2026-09": {
        "K81001": (40, 5), "K81002": (50, 11), "K81003": (60, 10), "K81004": (30, 6),
        "K81005": (80, 38), "K81006": (45, 9), "K81007": (55, 12), "K81008": (70, 8),
        "K81009": (35, 8), "K81011": (25, 5),
    },
    "2026-10": {
        "K81001": (40, 4), "K81002": (50, 10), "K81003": (60, 9), "K81004": (30, 6),
        "K81005": (80, 40), "K81006": (45, 9), "K81007": (55, 13), "K81008": (70, 7),
        "K81009": (35, 8), "K81010": (65, 0), "K81013": (40, 12),
    },
}


def shown(value, places):
    """Half away from zero at 15 significant digits (so float crumbs such as 12.349999999999998 read as the 12.35
    a person would write), as a fixed-point string; never "-0.0"."""
    quantum = Decimal(1).scaleb(-places)
    text = str(Decimal(format(value, ".15g")).quantize(quantum, rounding=ROUND_HALF_UP))
    return text[1:] if text.startswith("-") and Decimal(text) == 0 else text


def wilson(x, n):
    p = x / n
    z2n = Z95 * Z95 / n
    centre = (p + z2n / 2) / (1 + z2n)
    half = Z95 / (1 + z2n) * math.sqrt(p * (1 - p) / n + z2n / (4 * n))
    return max(0.0, 100 * (centre - half)), min(100.0, 100 * (centre + half))


def deciles(pcts):
    k = len(pcts)
    if k < 10:  # SPEC §3: blank for every practice when fewer than 10 report
        return {code: "" for code in pcts}
    ordered = sorted(pcts.values())
    return {code: math.ceil(10 * (ordered.index(pct) + 1) / k) for code, pct in pcts.items()}


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


def funnel(month):
    k = len(month)
    p_bar = sum(x for _, x in month.values()) / sum(n for n, _ in month.values())
    s2 = {code: p_bar * (1 - p_bar) / n for code, (n, _) in month.items()}
    z = {code: (x / n - p_bar) / math.sqrt(s2[code]) for code, (n, x) in month.items()}
    cuts = statistics.quantiles(z.values(), n=100, method="inclusive")
    lo, hi = cuts[9], cuts[89]
    try:  # the same percentiles as numpy's default, when numpy is installed
        import numpy

        assert abs(numpy.percentile(list(z.values()), 10) - lo) < 1e-12
        assert abs(numpy.percentile(list(z.values()), 90) - hi) < 1e-12
    except ImportError:
        pass
    phi = sum(min(max(v, lo), hi) ** 2 for v in z.values()) / k
    w = [1 / s for s in s2.values()]
    tau2 = (k * phi - (k - 1)) / (sum(w) - sum(v * v for v in w) / sum(w)) if k * phi > k - 1 else 0.0
    adjusted = {code: (x / n - p_bar) / math.sqrt(s2[code] + tau2) for code, (n, x) in month.items()}
    return p_bar, phi, tau2, adjusted


for period, month in MONTHS.items():
    pcts = {code: 100 * x / n for code, (n, x) in month.items()}
    previous_period = {"2026-09": "2026-08", "2026-10": "2026-09"}.get(period)
    previous = MONTHS.get(previous_period, {})
    p_bar, phi, tau2, z = funnel(month)
    decile = deciles(pcts)
    registered = sum(n for n, _ in month.values())
    no_pref = sum(x for _, x in month.values())
    dm = sum(math.ceil(n / 4) for n, _ in month.values())
    dm_no_pref = sum(math.ceil(x / 4) for _, x in month.values())
    print(f"== {period}: k = {len(month)}, ICB {no_pref}/{registered} = {shown(100 * no_pref / registered, 1)}%, "
          f"SMS {registered - no_pref}/{registered} = {shown(100 * (registered - no_pref) / registered, 1)}%, "
          f"DM register {dm_no_pref}/{dm} = {shown(100 * dm_no_pref / dm, 1)}%, "
          f"median {shown(statistics.median(pcts.values()), 1)}%, pBar = {p_bar!r}, phi = {phi!r}, tau2 = {tau2!r}")
    for code, (n, x) in month.items():
        low, high = wilson(x, n)
        change = ""
        if code in previous:
            pn, px = previous[code]
            change = shown(pcts[code] - 100 * px / pn, 1)
        qof_default = math.ceil(x / 4)
        cost = shown(qof_default * 2 * 1 * 0.024 * 1.2, 2)
        print(
            f"  {{ code: '{code}', registered: '{n}', no_preference: '{x}', no_preference_pct: '{shown(pcts[code], 1)}', "
            f"ci_low: '{shown(low, 1)}', ci_high: '{shown(high, 1)}', decile: '{decile[code]}', "
            f"funnel_z: '{shown(z[code], 2)}', funnel_flag: '{flag(z[code])}', change: '{change}', cost: '{cost}' }},"
            f"  # z = {z[code]!r}"
        )
