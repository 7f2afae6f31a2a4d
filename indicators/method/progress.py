"""Progress toward the 2027 target: path, share, projection and status (docs/method.md).

Time is in years, a period's time is its END (`Period.years()`: 2023 -> 2024.0, 2024-Q2 -> 2024.5),
and the target time T is the end of 2027 (2028.0). Monthly, quarterly and half-yearly indicators
are assessed on a rolling year, so seasons and single months do not drive the status.
Undefined results are None, never 0 or NaN; the page decides how to say them.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Iterable

from indicators import periods
from indicators.method import status as statuses

T_DEFAULT = 2028.0  # the end of 2027
MIN_PERIODS = 3  # periods with values since the baseline (the baseline included)
ON_TRACK_SHARE = 0.95
PER_YEAR = periods.PARTS
_TIME_EPS = 1e-6  # two times closer than this are the same period end


def _missing(x: Any) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def _close(a: float, b: float) -> bool:
    """Equal up to float noise (a target of -20 % of 7.3 is 5.840000000000001, not 5.84)."""
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def direction(polarity: str) -> int:
    """d in the method: +1 when higher is better, -1 when lower is better, 0 for "none"."""
    return {"higher": 1, "lower": -1}.get(polarity, 0)


def path_value(y0: float, t0: float, target: float, T: float, t: float) -> float:
    """Where a straight line from the baseline (t0, y0) to the target (T, target) is at time t."""
    return y0 + (target - y0) * (t - t0) / (T - t0)


def share(y0: float, yt: float, target: float) -> float | None:
    """Fraction of the way from baseline to target covered by yt; None when there is no way to go."""
    if _close(target, y0):
        return None
    return (yt - y0) / (target - y0)


def _fit(points: Iterable[tuple[float, float]]) -> tuple[float, float] | None:
    """Ordinary least squares (slope, intercept); None with fewer than 2 distinct times."""
    pts = [(float(t), float(y)) for t, y in points if not _missing(t) and not _missing(y)]
    times = {round(t / _TIME_EPS) for t, _ in pts}
    if len(times) < 2:
        return None
    n = len(pts)
    mean_t = sum(t for t, _ in pts) / n
    mean_y = sum(y for _, y in pts) / n
    sxx = sum((t - mean_t) ** 2 for t, _ in pts)
    sxy = sum((t - mean_t) * (y - mean_y) for t, y in pts)
    slope = sxy / sxx
    return slope, mean_y - slope * mean_t


def projection(points: list[tuple[float, float]], T: float = T_DEFAULT) -> float | None:
    """ŷT: the value at T of the least-squares line through `points` (time, value); None with fewer
    than 2 distinct times. Missing values are skipped."""
    fit = _fit(points)
    return None if fit is None else fit[0] * T + fit[1]


def anticipated_share(y0: float, projected: float | None, target: float) -> float | None:
    """A = (ŷT − y0) / (yT − y0): the share of the way the projection reaches by T; None when the
    projection is missing or the target equals the baseline."""
    if _missing(projected):
        return None
    return share(y0, projected, target)


def status(*, polarity: str, periods: int, baseline: float | None, latest: float | None,
           target: float | None, anticipated: float | None, projected: float | None = None) -> str:
    """The status id, by the first rule that applies:

    1. not_assessable: fewer than 3 periods with values since the baseline, or no baseline value;
    2. no_judgement: polarity "none" or no target (show the trend only);
    3. achieved: d·(yt − yT) ≥ 0;
    4. on_track: A ≥ 0.95;  5. too_slow: 0 < A < 0.95;  6. moving_away: A ≤ 0.

    When the target equals the baseline A is undefined (no way to go); then the projection decides:
    on_track when it ends at or on the good side of the target, moving_away otherwise.
    """
    if _missing(baseline) or _missing(latest) or periods < MIN_PERIODS:
        return statuses.NOT_ASSESSABLE
    d = direction(polarity)
    if d == 0 or _missing(target):
        return statuses.NO_JUDGEMENT
    if d * (latest - target) >= 0 or _close(latest, target):
        return statuses.ACHIEVED
    if _missing(anticipated):
        if _missing(projected):
            return statuses.NOT_ASSESSABLE
        return statuses.ON_TRACK if d * (projected - target) >= 0 or _close(projected, target) else statuses.MOVING_AWAY
    if anticipated >= ON_TRACK_SHARE - 1e-9:
        return statuses.ON_TRACK
    if anticipated > 0:
        return statuses.TOO_SLOW
    return statuses.MOVING_AWAY


HIDDEN = type("Hidden", (), {"__repr__": lambda self: "HIDDEN"})()  # a value hidden by disclosure control
MAX_MISSING_SHARE = 1 / 6  # a rolling window may lack at most a sixth of its periods (2 of 12 months)
# Measures that cannot be negative, and their bounds: a projection never leaves them.
BOUNDS = {"count": (0.0, None), "rate": (0.0, None), "amount": (0.0, None), "share": (0.0, 100.0)}


@dataclass(frozen=True)
class Window:
    """One rolling-year value: the window's last period, its value and the periods of the window
    that had no value (empty for a full window); the value of a window with missing periods is
    computed from the periods it has (sum scaled up to a year, or their mean)."""
    period: Any
    value: float
    missing: tuple[Any, ...] = ()


def windows(grain: str, aggregation: str, points: list[tuple[Any, float | None]]) -> list[Window]:
    """The rolling-year windows of a series, one per period end from the first full window's end to
    the last period with a value, in time order.

    Yearly values are used as they are (missing ones dropped). For half-years, quarters and months,
    each window holds the 2, 4 or 12 periods ending there: the sum (aggregation "sum") or mean
    ("mean") of its values. A window that lacks at most a sixth of its periods (at most 2 of 12
    months; no quarter or half-year) still gets a value, from the periods it has: their mean, times
    the periods in a year for a sum; it names what it lacks (`Window.missing`). A window lacking
    more, or starting before the first value, has none. Missing values (None/NaN) are never read as
    0. A value `HIDDEN` (a small count hidden by disclosure control) is missing too, but a window
    holding it has no value at all: a hidden 1–4 is not estimated from its neighbours. Periods need
    `grain`, `years()` and `next()` (see periods.py).
    """
    if grain not in PER_YEAR:
        raise ValueError(f"unknown grain {grain!r}")
    if aggregation not in ("sum", "mean"):
        raise ValueError(f"unknown aggregation {aggregation!r}")
    per_year = PER_YEAR[grain]
    known: dict[int, tuple[Any, float]] = {}
    hidden: set[int] = set()
    for period, value in points:
        if value is HIDDEN:
            hidden.add(round(period.years() * per_year))
        elif not _missing(value):
            known[round(period.years() * per_year)] = (period, float(value))
    if not known:
        return []
    ordered = sorted(known.items())
    if per_year == 1:
        return [Window(p, v) for _, (p, v) in ordered]
    allowed = int(per_year * MAX_MISSING_SHARE + 1e-9)
    first_key, (period, _) = ordered[0]
    out = []
    for key in range(first_key, ordered[-1][0] + 1):
        if key > first_key:
            period = period.next()
        if key - per_year + 1 < first_key:
            continue
        window = [known.get(k) for k in range(key - per_year + 1, key + 1)]
        values = [w[1] for w in window if w is not None]
        if per_year - len(values) > allowed or hidden.intersection(range(key - per_year + 1, key + 1)):
            continue
        missing = tuple(_back(period, per_year - 1 - i) for i, w in enumerate(window) if w is None)
        mean = math.fsum(values) / len(values)
        out.append(Window(period, mean * per_year if aggregation == "sum" else mean, missing))
    return out


def _back(period, steps: int):
    """The period `steps` periods before `period`."""
    for _ in range(steps):
        period = period.previous()
    return period


def rolling_year(grain: str, aggregation: str, points: list[tuple[Any, float | None]]) -> list[tuple[Any, float]]:
    """The series the assessment runs on, one (Period, value) per window end, in time order: the
    values of `windows` (a window lacking at most a sixth of its periods counts, from what it has)."""
    return [(w.period, w.value) for w in windows(grain, aggregation, points)]


def bounded(value: float | None, measure: str) -> float | None:
    """A value kept inside what the measure allows (a count is never below 0, a share never above
    100); None stays None; an index is unbounded."""
    low, high = BOUNDS.get(measure, (None, None))
    if value is None:
        return None
    if low is not None and value < low:
        return low
    return high if high is not None and value > high else value


def projection_points(fit: tuple[float, float], t0: float, T: float,
                      measure: str) -> tuple[tuple[float, float], ...]:
    """The projection line to draw from t0 to T: the fitted line, bent where it meets a bound of
    the measure and run along it to T ((t0, y), (t_bound, bound), (T, bound)), so a count's
    projection never goes below 0."""
    slope, intercept = fit
    start, end = slope * t0 + intercept, slope * T + intercept
    b_start, b_end = bounded(start, measure), bounded(end, measure)
    if b_end == end or slope == 0:
        return ((t0, b_start), (T, b_end))
    if b_start != start:  # the whole line lies beyond the bound
        return ((t0, b_start), (T, b_end))
    t_bound = (b_end - intercept) / slope
    return ((t0, start), (t_bound, b_end), (T, b_end))


def baseline_time(baseline_period: str) -> float:
    """t0: the end of the baseline period in years ("2023" -> 2024.0, the window ending 2023-12)."""
    from indicators import periods  # imported here so the pure rules above need nothing else

    period = periods.parse(baseline_period)
    if period is None:
        raise ValueError(f"baseline period {baseline_period!r} is not a period")
    return period.years()


@dataclass(frozen=True)
class Assessment:
    status: str
    polarity: str
    baseline: float | None  # y0: the (rolling-year) value at the end of the baseline period
    baseline_t: float  # t0
    latest: float | None  # yt
    latest_t: float | None  # t
    latest_period: Any  # the Period at the end of the latest window, or None
    target: float | None  # yT = indicator.target.value_for(y0)
    T: float
    share: float | None  # (yt − y0) / (yT − y0)
    anticipated: float | None  # A
    projection: float | None  # ŷT (also for polarity "none": the trend), inside the measure's bounds
    path_now: float | None  # path(t)
    path: tuple[tuple[float, float], ...]  # ((t0, y0), (T, yT)) to draw, () when undefined
    projection_line: tuple[tuple[float, float], ...]  # ((t0, fit(t0)), (T, ŷT)), () when undefined
    points: tuple[tuple[float, float], ...]  # (t, value) from t0 on: what the status rests on
    series: tuple[tuple[Any, float], ...]  # the whole assessed series (Period, value), for drawing
    rolling: bool  # True when values are rolling-year sums or means
    target_is_example: bool  # the UI must say "exempelmål"; False when there is no target at all
    incomplete: tuple[tuple[Any, tuple[Any, ...]], ...] = ()  # (window end, its missing periods)


def assess(indicator, points: list[tuple[Any, float | None]], T: float = T_DEFAULT) -> Assessment:
    """Assess one indicator's series (one area) against its target: see docs/method.md.

    `points` are (Period, value) with value None/NaN when missing, in any order.
    """
    found = windows(indicator.grain, indicator.aggregation, points)
    series = [(w.period, w.value) for w in found]
    t0 = baseline_time(indicator.baseline_period)
    timed = [(p.years(), v, p) for p, v in series]
    used = [(t, v, p) for t, v, p in timed if t >= t0 - _TIME_EPS]
    y0 = next((v for t, v, _ in used if abs(t - t0) <= _TIME_EPS), None)
    latest_t, yt, latest_period = used[-1] if used else (None, None, None)

    target = indicator.target.value_for(y0) if y0 is not None else None
    shr = None if y0 is None or target is None or yt is None else share(y0, yt, target)

    fit = _fit((t, v) for t, v, _ in used) if y0 is not None and len(used) >= MIN_PERIODS else None
    projected = None if fit is None else bounded(fit[0] * T + fit[1], indicator.measure)
    anticipated = None if y0 is None or target is None else anticipated_share(y0, projected, target)

    defined_path = y0 is not None and target is not None
    path_now = path_value(y0, t0, target, T, latest_t) if defined_path and latest_t is not None else None

    verdict = status(polarity=indicator.polarity, periods=len(used), baseline=y0, latest=yt,
                     target=target, anticipated=anticipated, projected=projected)
    return Assessment(
        status=verdict,
        polarity=indicator.polarity,
        baseline=y0,
        baseline_t=t0,
        latest=yt,
        latest_t=latest_t,
        latest_period=latest_period,
        target=target,
        T=T,
        share=shr,
        anticipated=anticipated,
        projection=projected,
        path_now=path_now,
        path=((t0, y0), (T, target)) if defined_path else (),
        projection_line=projection_points(fit, t0, T, indicator.measure) if fit else (),
        points=tuple((t, v) for t, v, _ in used),
        series=tuple(series),
        rolling=PER_YEAR[indicator.grain] > 1,
        target_is_example=indicator.target.kind != "none" and indicator.target.status == "example",
        incomplete=tuple((w.period, w.missing) for w in found if w.missing),
    )
