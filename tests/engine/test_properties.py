"""Properties of CPM on random acyclic networks (hypothesis).

One Mon–Sat calendar, FS/SS/FF/SF links with lags in [-3, 5] (two links between one pair
allowed), durations 0–6 (milestones included), no constraints, no progress. The links, as index
formulas (docs/engine.md), with L the lag:
    FS: s.es ≥ p.ef + L    SS: s.es ≥ p.es + L    FF: s.ef ≥ p.ef + L    SF: s.ef ≥ p.es + L
A link is *driving* when it holds with equality on the early dates.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from scheduler import Activity, CalendarSpec, Link, Network, schedule

MON_SAT = CalendarSpec(workweek=frozenset(range(6)))
TYPES = ("FS", "SS", "FF", "SF")


@st.composite
def networks(draw) -> Network:
    n = draw(st.integers(2, 8))
    durations = draw(st.lists(st.integers(0, 6), min_size=n, max_size=n))
    pairs = [(i, j) for i in range(n) for j in range(i + 1, n)]  # i < j keeps it acyclic
    chosen = draw(st.lists(st.sampled_from(pairs), max_size=2 * n))
    # File order is a shuffle of the topological numbering, so order must come from the links.
    order = draw(st.permutations(range(n)))
    ids = [f"T{k}" for k in range(n)]
    links = tuple(Link(ids[i], ids[j], draw(st.sampled_from(TYPES)), draw(st.integers(-3, 5)))
                  for i, j in chosen)
    acts = tuple(Activity(ids[k], duration=durations[k]) for k in order)
    start = draw(st.dates(dt.date(2024, 1, 1), dt.date(2026, 6, 30)))
    return Network(start, acts, links, calendars=(MON_SAT,))


def slack(link: Link, s_start: int, s_end: int, p_start: int, p_end: int) -> int:
    """How far the successor's linked end lies beyond what ``link`` requires (≥ 0 = held)."""
    need = (p_end if link.type in ("FS", "FF") else p_start) + link.lag
    return (s_end if link.type in ("FF", "SF") else s_start) - need


def early_slack(sched, link: Link) -> int:
    p, s = sched[link.pred], sched[link.succ]
    return slack(link, s.es, s.ef, p.es, p.ef)


def late_slack(sched, link: Link) -> int:
    p, s = sched[link.pred], sched[link.succ]
    return slack(link, s.ls, s.lf, p.ls, p.lf)


SETTINGS = settings(max_examples=200, deadline=None)


@SETTINGS
@given(networks())
def test_early_and_late_dates_satisfy_every_link(net):
    """Every link holds on the early indices and on the late indices; durations are kept."""
    sched = schedule(net)
    for link in net.links:
        assert early_slack(sched, link) >= 0, link
        assert late_slack(sched, link) >= 0, link
    for r in sched:
        assert r.ef - r.es == r.duration == r.lf - r.ls
        assert r.es >= 0  # nothing before the project start


@SETTINGS
@given(networks())
def test_early_dates_are_the_earliest_and_late_dates_the_latest(net):
    """es is exactly max(0, every incoming requirement) and lf exactly min(project finish,
    every outgoing allowance): recomputed here by relaxation, in no particular order."""
    sched = schedule(net)
    ids = [a.id for a in net.activities]
    dur = {a.id: a.duration for a in net.activities}
    es = dict.fromkeys(ids, 0)
    for _ in ids:  # Bellman–Ford style: n rounds suffice on a DAG
        for link in net.links:
            need = (es[link.pred] + (dur[link.pred] if link.type in ("FS", "FF") else 0)
                    + link.lag - (dur[link.succ] if link.type in ("FF", "SF") else 0))
            es[link.succ] = max(es[link.succ], need)
    finish = max(es[i] + dur[i] for i in ids)
    lf = dict.fromkeys(ids, finish)
    for _ in ids:
        for link in net.links:
            s_val = lf[link.succ] - (0 if link.type in ("FF", "SF") else dur[link.succ])
            allow = s_val - link.lag + (0 if link.type in ("FS", "FF") else dur[link.pred])
            lf[link.pred] = min(lf[link.pred], allow)
    assert {i: sched[i].es for i in ids} == es
    assert {i: sched[i].lf for i in ids} == lf


@SETTINGS
@given(networks())
def test_floats_and_critical_flags(net):
    """Total float = ls − es = lf − ef ≥ 0 and lf ≤ project finish; critical ⇔ total float
    ≤ 0; free float = min(project finish − ef, least early slack of the outgoing links), so
    0 ≤ free float ≤ total float; some activity starts at index 0."""
    sched = schedule(net)
    finish = max(r.ef for r in sched)
    assert min(r.es for r in sched) == 0
    for r in sched:
        assert r.total_float == r.ls - r.es == r.lf - r.ef >= 0
        assert r.ls >= r.es and r.lf <= finish
        assert r.critical is (r.total_float <= 0)
        outgoing = [early_slack(sched, k) for k in net.links if k.pred == r.id]
        assert r.free_float == min([finish - r.ef, *outgoing])
        assert 0 <= r.free_float <= r.total_float


@SETTINGS
@given(networks())
def test_critical_path_spans_the_project(net):
    """Exact property tested: every activity with ef == max ef is critical, and every critical
    activity lies on a chain of critical activities, consecutive ones joined by a driving link,
    that runs from an activity with es == 0 (= min es) to one with ef == max ef.

    Why it holds: with no constraints nothing but the project start (index 0) or a driving link
    sets an es, and a driving link into a critical activity has a critical predecessor (ls = es
    on the successor leaves the predecessor no room); mirrored, nothing but the project finish
    or a link that drives a critical successor sets the lf of a critical activity.

    What is *not* claimed: that the chain starts at an activity without predecessors (with
    A(2) FS-3 B(5), B is floored at index 0 and critical while A has a day of float), that the
    predecessor of a driving link is critical when its successor is not, or that es grows along
    the chain (X(4) → A(2), A FF0 B(6): B driven to es 0 while A starts at 4).
    """
    sched = schedule(net)
    finish = max(r.ef for r in sched)
    critical = {r.id for r in sched if r.total_float == 0}
    assert {r.id for r in sched if r.ef == finish} <= critical

    def driving(link: Link) -> bool:
        return link.pred in critical and link.succ in critical and early_slack(sched, link) == 0

    for aid in critical:
        back, here = [aid], aid
        while sched[here].es > 0:  # walk back along driving links to the project start
            here = next(k.pred for k in net.links if k.succ == here and driving(k))
            back.append(here)
        ahead, here = [aid], aid
        while sched[here].ef < finish:  # and forward to the project finish
            here = next(k.succ for k in net.links if k.pred == here and driving(k))
            ahead.append(here)
        assert sched[back[-1]].es == 0 and sched[ahead[-1]].ef == finish


@SETTINGS
@given(networks())
def test_dates_shown_follow_the_indices(net):
    """start = day es, finish = day ef − 1; a milestone is shown on day es − 1 (day 0 at es 0);
    the project finish is the latest finish shown."""
    sched = schedule(net)
    cal = sched.calendar_of(net.activities[0].id)
    for r in sched:
        if r.duration:
            assert (r.start, r.finish) == (cal.date_of(r.es), cal.date_of(r.ef - 1))
            assert (r.late_start, r.late_finish) == (cal.date_of(r.ls), cal.date_of(r.lf - 1))
        else:
            shown = cal.date_of(max(r.es - 1, 0))
            assert r.start == r.finish == shown
        assert r.start.weekday() != 6 and r.finish.weekday() != 6  # never on a Sunday
    assert sched.project_finish == max(r.finish for r in sched)
    assert sched.project_start == cal.date_of(0) >= net.start
