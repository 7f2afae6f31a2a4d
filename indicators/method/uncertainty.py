"""Confidence intervals for survey shares, counts and rates (docs/method.md, "Osäkerhet").

Quantiles come from SciPy (`scipy.stats.norm`, `scipy.stats.chi2`), never from hand-written code.
Missing input (None or NaN) gives None: an interval that cannot be computed is not drawn.
"""
from __future__ import annotations

import math

from scipy.stats import chi2, norm


def _missing(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def _alpha(level: float) -> float:
    if not 0 < level < 1:
        raise ValueError(f"confidence level must be between 0 and 1, got {level!r}")
    return 1 - level


def wilson(share_pct: float | None, n: float | None, level: float = 0.95) -> tuple[float, float] | None:
    """Wilson score interval for a share given in percent from `n` answers, in percent.

    None when the share or n is missing, or n is not positive.
    """
    alpha = _alpha(level)
    if _missing(share_pct) or _missing(n) or n <= 0:
        return None
    if not 0 <= share_pct <= 100:
        raise ValueError(f"a share must be between 0 and 100 per cent, got {share_pct!r}")
    p = share_pct / 100
    z = float(norm.ppf(1 - alpha / 2))
    z2n = z * z / n
    centre = (p + z2n / 2) / (1 + z2n)
    half = z * math.sqrt(p * (1 - p) / n + z2n / (4 * n)) / (1 + z2n)
    return (max(0.0, centre - half) * 100, min(1.0, centre + half) * 100)


def poisson(count: float | None, level: float = 0.95) -> tuple[float, float] | None:
    """Exact (Garwood) Poisson interval for an observed count, from chi-square quantiles.

    Lower limit chi2(alpha/2, 2x)/2 (0 for x = 0), upper limit chi2(1 - alpha/2, 2x + 2)/2.
    None when the count is missing; a negative count is an error.
    """
    alpha = _alpha(level)
    if _missing(count):
        return None
    if count < 0:
        raise ValueError(f"a count cannot be negative, got {count!r}")
    lower = 0.0 if count == 0 else float(chi2.ppf(alpha / 2, 2 * count)) / 2
    upper = float(chi2.ppf(1 - alpha / 2, 2 * count + 2)) / 2
    return (lower, upper)


def rate_interval(numerator: float | None, denominator: float | None, scale: float | None = 1.0,
                  level: float = 0.95) -> tuple[float, float] | None:
    """Interval for a rate `numerator / denominator * scale` (e.g. per 1 000 inhabitants): the
    count's exact Poisson interval divided by the population. None when either part is missing or
    the denominator is not positive."""
    if _missing(denominator) or denominator is None or denominator <= 0:
        return None
    limits = poisson(numerator, level)
    if limits is None:
        return None
    factor = (1.0 if _missing(scale) else scale) / denominator
    return (limits[0] * factor, limits[1] * factor)


def path_within(interval: tuple[float, float] | None, path_value: float | None) -> bool:
    """True when the path's value lies inside the interval (limits included): then the difference
    from the path is not significant and the page says so. False when either is missing."""
    if interval is None or _missing(path_value):
        return False
    lower, upper = interval
    return lower <= path_value <= upper


def interval(indicator, value: float | None, *, numerator: float | None = None,
             denominator: float | None = None, n: float | None = None,
             level: float = 0.95) -> tuple[float, float] | None:
    """The interval that fits the indicator's measure, or None when none applies:

    - share with a sample size `n`: Wilson;
    - count of events (aggregation "sum": shootings, reports): exact Poisson around the value; a
      stock counted in full (aggregation "mean": areas on the police's list) is exact, no interval;
    - rate with numerator and denominator: Poisson on the numerator, scaled by `indicator.scale`.
    Index and amount measures, and shares without `n`, have no interval.
    """
    measure = getattr(indicator, "measure", None)
    if measure == "share":
        return wilson(value, n, level)
    if measure == "count":
        return poisson(value, level) if getattr(indicator, "aggregation", "sum") == "sum" else None
    if measure == "rate":
        return rate_interval(numerator, denominator, getattr(indicator, "scale", None), level)
    return None
