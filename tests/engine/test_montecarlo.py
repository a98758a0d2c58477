"""Monte Carlo on small networks whose answers can be derived by hand.

Tolerances come from the standard error of the quantity measured: a sample mean of N draws
with standard deviation σ is within 4σ/√N of the true mean except about once in 16,000 runs,
and the seeds are fixed, so these tests do not flake.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scheduler import (
    Activity,
    CalendarSpec,
    Constraint,
    Link,
    Network,
    ScheduleOptions,
    schedule,
)
from scheduler.montecarlo import simulate
from scheduler.riskspec import (
    NO_SPREAD,
    ActivityRisk,
    FloorRisk,
    RiskSpec,
    ThreePoint,
    Weather,
    no_spread,
)

D = dt.date.fromisoformat
WEEK7 = CalendarSpec("all", frozenset(range(7)))


def tri_moments(a: float, c: float, b: float) -> tuple[float, float]:
    """Mean and variance of a triangular distribution (min a, mode c, max b)."""
    mean = (a + b + c) / 3
    var = (a * a + b * b + c * c - a * b - a * c - b * c) / 18
    return mean, var


def one_activity(duration: int, cal=WEEK7, start="2025-08-01") -> Network:
    return Network(D(start), (Activity("X", duration=duration, calendar=cal.name),),
                   calendars=(cal,), default_calendar=cal.name)


def test_single_activity_mean_matches_the_triangular_mean():
    # X: 10 days, estimate [8, 10, 16] → mean 11.333 days. Whole days are drawn by rounding
    # 10.3 up with chance 0.3, which keeps the mean and adds at most 1/4 to the variance.
    n = 20_000
    spec = RiskSpec(other=ThreePoint(8, 10, 16))
    sim = simulate(one_activity(10), spec, iterations=n, seed=7, keep=True)
    days = (sim.ef[0] - sim.es[0]).astype(float)
    mean, var = tri_moments(8, 10, 16)
    tolerance = 4 * math.sqrt(var + 0.25) / math.sqrt(n)
    assert abs(days.mean() - mean) < tolerance, (days.mean(), mean, tolerance)
    assert days.min() >= 8 and days.max() <= 16
    assert "X" not in sim.finishes  # only watched activities are kept
    # shown finish = start + duration − 1 on a seven-day calendar
    assert sim.percentile(0.5) == D("2025-08-01") + dt.timedelta(days=int(np.median(days)) - 1)


def test_percentiles_are_ordered_and_real_dates():
    spec = RiskSpec(other=ThreePoint(0.8, 1, 1.6))
    net = Network(D("2025-03-03"), (Activity("A", duration=10), Activity("B", duration=7),
                                    Activity("C", duration=12)),
                  (Link("A", "B"), Link("A", "C")))
    sim = simulate(net, spec, iterations=3000, seed=3, watch=("B",))
    for who in (None, "B"):
        p50, p80, p90 = (sim.percentile(q, who) for q in (0.5, 0.8, 0.9))
        assert p50 <= p80 <= p90
        assert p90.weekday() < 5  # a shown finish is a working day of the Mon–Fri calendar
    assert sim.percentile(0.5) > schedule(net).project_finish  # mean ratio 1.133 > 1


def test_same_seed_same_numbers_and_another_seed_differs():
    spec = RiskSpec(correlation=0.5, weather=Weather("all", (1.0,) * 12))
    net = one_activity(40)
    a = simulate(net, spec, iterations=500, seed=11)
    b = simulate(net, spec, iterations=500, seed=11)
    c = simulate(net, spec, iterations=500, seed=12)
    assert np.array_equal(a.project_finish, b.project_finish)
    assert a.criticality == b.criticality
    assert not np.array_equal(a.project_finish, c.project_finish)


def test_zero_spread_is_the_deterministic_schedule_with_lags_calendars_and_constraints():
    week5 = CalendarSpec("week", frozenset(range(5)))
    acts = (Activity("A", duration=3, calendar="week"),
            Activity("B", duration=2, calendar="all"),
            Activity("C", duration=4, calendar="week"),
            Activity("M", duration=0, calendar="week"),
            Activity("L", duration=2, calendar="week", constraint=None))
    links = (Link("A", "B", "FS", 3, True), Link("B", "C", "SS", 1), Link("A", "C", "FF", 2),
             Link("C", "M"), Link("A", "L", "SF", -1))
    net = Network(D("2025-03-06"), acts, links, (week5, WEEK7), "week")
    det = schedule(net)
    spec = RiskSpec(structure=NO_SPREAD, other=NO_SPREAD, correlation=0.7,
                    weather=Weather("all", (0.0,) * 12))
    sim = simulate(net, spec, iterations=20, keep=True, watch=("M",))
    assert (sim.es == np.array(det.es)[:, None]).all()
    assert (sim.ef == np.array(det.ef)[:, None]).all()
    assert sim.percentile(0.9) == det.project_finish
    assert sim.percentile(0.5, "M") == det["M"].finish
    assert sim.criticality == tuple(float(c) for c in det.critical)


def test_weather_lengthens_work_by_the_days_lost_in_its_span():
    # X covers all 31 days of August on a seven-day calendar; August loses Poisson(3) days,
    # every one of them inside X, so X takes 31 + L days with E[L] = Var[L] = 3.
    n = 20_000
    lost = (0.0,) * 7 + (3.0,) + (0.0,) * 4
    sim = simulate(one_activity(31), RiskSpec(other=NO_SPREAD, weather=Weather("all", lost)),
                   iterations=n, seed=5, keep=True)
    extra = (sim.ef[0] - sim.es[0] - 31).astype(float)
    assert abs(extra.mean() - 3.0) < 4 * math.sqrt(3.0 / n)
    assert abs(extra.var() - 3.0) < 0.25
    assert (sim.es[0] == 0).all()  # the start is not moved


def test_floors_of_a_tower_move_together_when_correlated():
    # 20 floors of 10 days in a chain; each floor's factor is triangular [0.8, 1, 1.4].
    floors = tuple(Activity(f"T.F{k}", duration=10, tower="T", floor=k, trade="structure",
                            calendar="all") for k in range(1, 21))
    links = tuple(Link(f"T.F{k}", f"T.F{k + 1}") for k in range(1, 20))
    net = Network(D("2025-01-01"), floors, links, (WEEK7,), "all")
    est = ThreePoint(0.8, 1, 1.4)
    spread = []
    for rho in (0.0, 0.9):
        sim = simulate(net, RiskSpec(structure=est, correlation=rho), iterations=4000, seed=2,
                       keep=True)
        total = sim.ef[-1] - sim.es[0]
        one = (sim.ef[0] - sim.es[0]).astype(float)
        mean, var = tri_moments(8, 10, 14)
        assert abs(one.mean() - mean) < 4 * math.sqrt(var + 0.25) / math.sqrt(4000)
        spread.append(float(total.std()))
    # independent: σ ≈ √20 · 1.25 ≈ 5.6 days; strongly correlated floors: several times more
    assert spread[1] > 2.5 * spread[0], spread


def test_floor_range_and_activity_estimates_take_precedence():
    acts = (Activity("T.F1", duration=10, tower="T", floor=1, trade="structure"),
            Activity("T.F2", duration=10, tower="T", floor=2, trade="structure"),
            Activity("other", duration=10))
    net = Network(D("2025-03-03"), acts)
    spec = RiskSpec(structure=NO_SPREAD, other=NO_SPREAD,
                    floors=(FloorRisk("T", frozenset({2}), ThreePoint(5, 10, 20)),),
                    activities=(ActivityRisk("oth*", ThreePoint(10, 10, 30)),))
    sim = simulate(net, spec, iterations=300, seed=1, keep=True)
    days = sim.ef - sim.es
    assert (days[0] == 10).all()
    assert days[1].min() < 10 < days[1].max()
    assert days[2].min() >= 10 and days[2].max() > 12


def test_parallel_equal_paths_share_the_criticality():
    acts = (Activity("S", duration=1), Activity("P", duration=10), Activity("Q", duration=10),
            Activity("E", duration=1))
    links = (Link("S", "P"), Link("S", "Q"), Link("P", "E"), Link("Q", "E"))
    net = Network(D("2025-03-03"), acts, links)
    n = 4000
    sim = simulate(net, RiskSpec(other=ThreePoint(0.8, 1, 1.5)), iterations=n, seed=9)
    crit = dict(zip("SPQE", sim.criticality))
    assert crit["S"] == crit["E"] == 1.0
    # P or Q is critical (both when they tie); each alone about half of the rest
    assert crit["P"] + crit["Q"] >= 1.0
    assert abs(crit["P"] - crit["Q"]) < 4 * math.sqrt(0.25 / n) * 2


def test_no_spread_helper_and_bad_estimates():
    sim = simulate(one_activity(5), no_spread(), iterations=3)
    assert sim.percentile(0.5) == D("2025-08-05")
    with pytest.raises(Exception, match="optimistic"):
        simulate(one_activity(5), RiskSpec(other=ThreePoint(12, 10, 9)), iterations=3)


def test_progress_is_reported_up_to_one():
    seen = []
    simulate(one_activity(5), RiskSpec(), iterations=50, progress=seen.append)
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)


def test_in_progress_work_varies_only_its_remaining_days():
    # A started 03-03 (5 days, 2 done by the status date 03-05): 3 remain, drawn [0.5, 1, 2].
    acts = (Activity("A", duration=5, actual_start=D("2025-03-03")), Activity("B", duration=2))
    net = Network(D("2025-03-03"), acts, (Link("A", "B"),), status_date=D("2025-03-05"))
    sim = simulate(net, RiskSpec(other=ThreePoint(0.5, 1, 2)), iterations=2000, seed=4,
                   keep=True, options=ScheduleOptions())
    assert (sim.es[0] == 2).all()  # remaining work starts on the status date (index 2)
    rem = sim.ef[0] - sim.es[0]
    assert rem.min() >= 1 and rem.max() <= 6 and len(set(rem.tolist())) > 2


# -- zero spread = the scalar engine, on random networks ---------------------------------------
MON_SAT = CalendarSpec("six", frozenset(range(6)), holidays=frozenset({D("2025-05-01")}))
MON_FRI = CalendarSpec("five", frozenset(range(5)))
CONSTRAINTS = ("SNET", "FNET", "SNLT", "FNLT", "MSO", "MFO", "ALAP")


@st.composite
def rich_networks(draw) -> tuple[Network, str]:
    """Two calendars, all link types with working- or calendar-day lags, constraints,
    recorded progress before a status date, a deadline or none, and either progress mode."""
    n = draw(st.integers(2, 9))
    start = D("2025-04-07") + dt.timedelta(days=draw(st.integers(0, 20)))
    status = start + dt.timedelta(days=draw(st.integers(0, 25)))
    ids = [f"T{k}" for k in range(n)]
    acts = []
    for k in range(n):
        fields = {"duration": draw(st.integers(0, 6)),
                  "calendar": draw(st.sampled_from(("six", "five")))}
        if draw(st.integers(0, 4)) == 0:
            kind = draw(st.sampled_from(CONSTRAINTS))
            day = None if kind == "ALAP" else start + dt.timedelta(days=draw(st.integers(0, 40)))
            fields["constraint"] = Constraint(kind, day)
        progress = draw(st.integers(0, 5)) if k < n // 2 else 0
        if progress:
            first = start + dt.timedelta(days=draw(st.integers(0, (status - start).days)))
            fields["actual_start"] = first
            if progress > 2:
                fields["actual_finish"] = first + dt.timedelta(
                    days=draw(st.integers(0, (status - first).days)))
        acts.append(Activity(ids[k], **fields))
    pairs = [(i, j) for i in range(n) for j in range(i + 1, n)]
    links = tuple(Link(ids[i], ids[j], draw(st.sampled_from(("FS", "SS", "FF", "SF"))),
                       draw(st.integers(-3, 5)), draw(st.booleans()))
                  for i, j in draw(st.lists(st.sampled_from(pairs), max_size=2 * n)))
    order = draw(st.permutations(range(n)))
    deadline = draw(st.one_of(st.none(), st.integers(5, 60)))
    net = Network(start, tuple(acts[k] for k in order), links, (MON_SAT, MON_FRI), "six",
                  status_date=status,
                  deadline=None if deadline is None else start + dt.timedelta(days=deadline))
    return net, draw(st.sampled_from(("retained", "override")))


@settings(max_examples=150, deadline=None)
@given(rich_networks())
def test_zero_spread_equals_the_scalar_engine_on_random_networks(case):
    net, mode = case
    options = ScheduleOptions(progress=mode)
    det = schedule(net, options)
    sim = simulate(net, no_spread(), options, iterations=2, keep=True,
                   watch=[a.id for a in net.activities])
    assert (sim.es == np.array(det.es)[:, None]).all()
    assert (sim.ef == np.array(det.ef)[:, None]).all()
    assert sim.criticality == tuple(float(c) for c in det.critical)
    assert sim.percentile(0.5) == det.project_finish
    for a in net.activities:
        assert sim.percentile(0.5, a.id) == det[a.id].finish, a.id
