"""Cross-check the engine's early dates against TaskJuggler 3 (``tj3``), an independent scheduler.

Each case is a seeded random FS/SS network (20–200 activities, some milestones, non-negative
working-day lags) on a Mon–Sat calendar with holidays, sometimes starting on a day off. tj3
schedules the same network as soon as possible; every activity's shown start and finish must
match. tj3 prints times, not days: a waiting task "starts" at its predecessor's end (17:00 of
the previous working day), a milestone sits at its predecessor's end, and anything at the
project start is printed at 00:00 even on a day off; ``_shown`` turns those into the dates
docs/design.md shows, with its own working-day test (not the engine's calendar tables).
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import shutil
import subprocess

import pytest

from scheduler import Activity, CalendarSpec, Link, Network, schedule

pytestmark = pytest.mark.skipif(
    shutil.which("tj3") is None,
    reason="tj3 (TaskJuggler 3) is not on PATH: apt-get install tj3 to cross-check the engine")

SEEDS = tuple(range(1, 13))
MON_SAT = frozenset(range(6))


def _random_network(seed: int) -> Network:
    rng = random.Random(seed)
    n = rng.randint(20, 200)
    start = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 500))
    holidays = {start} if rng.random() < 0.3 else set()  # sometimes start on a day off
    for _ in range(rng.randint(3, 12)):
        first = start + dt.timedelta(days=rng.randint(-3, 400))
        holidays.update(first + dt.timedelta(days=k) for k in range(rng.randint(1, 7)))
    ids = [f"N{seed}.A{i:03d}" for i in range(n)]
    acts, links = [], []
    for i, aid in enumerate(ids):
        milestone = rng.random() < 0.15
        acts.append(Activity(aid, name=f"activity {i}", duration=0 if milestone else
                             rng.randint(1, 6)))
        if i == 0:
            continue
        for p in rng.sample(range(max(0, i - 15), i), k=min(i, rng.choice((1, 1, 2, 2, 3)))):
            lag = rng.choice((0, 0, 0, 1, 2, 3))
            links.append(Link(ids[p], aid, rng.choice(("FS", "FS", "SS")), lag))
    rng.shuffle(acts)  # file order is not a topological order
    cal = CalendarSpec(workweek=MON_SAT, holidays=frozenset(holidays))
    return Network(start, tuple(acts), tuple(links), (cal,))


def _tj_id(activity_id: str) -> str:
    return activity_id.replace(".", "_")


def _tjp(net: Network, report: str) -> str:
    """The network as a TaskJuggler project with a CSV report of id, start and end."""
    durations = {a.id: a.duration for a in net.activities}
    horizon = net.start + dt.timedelta(days=400 + 2 * sum(durations.values())
                                       + 3 * len(net.links))
    lines = [f'project p "p" {net.start.isoformat()} - {horizon.isoformat()} {{',
             '  timezone "UTC"', "  dailyworkinghours 8",
             "  workinghours mon - sat 8:00 - 12:00, 13:00 - 17:00", "  workinghours sun off",
             "}"]
    lines += [f'leaves holiday "h" {d.isoformat()}' for d in sorted(net.calendars[0].holidays)]
    preds: dict[str, list[str]] = {a.id: [] for a in net.activities}
    for link in net.links:
        # A milestone's start is its end, so SS from one is FS; tj3 3.7.1 reports a false
        # dependency loop for a milestone with an onstart link from a milestone it also
        # reaches through an FS path (a; b depends a; c depends b, a { onstart }).
        onstart = link.type == "SS" and durations[link.pred] > 0
        attrs = (["onstart"] if onstart else []) + (
            [f"gaplength {link.lag}d"] if link.lag else [])
        preds[link.succ].append(_tj_id(link.pred) + (f" {{ {' '.join(attrs)} }}" if attrs else ""))
    for a in net.activities:
        body = ["milestone" if a.duration == 0 else f"length {a.duration}d"]
        if preds[a.id]:
            body.append(f"depends {', '.join(preds[a.id])}")
        lines.append(f'task {_tj_id(a.id)} "{a.name}" {{ {" ".join(body)} }}')
    lines.append(f'taskreport "{report}" {{ formats csv columns id, start, end '
                 f'timeformat "%Y-%m-%d %H:%M" }}')
    return "\n".join(lines) + "\n"


def _shown(start: str, end: str, milestone: bool, working) -> tuple[dt.date, dt.date]:
    """tj3's printed (start, end) → the (start, finish) dates towerplan shows."""
    def parse(ts):
        stamp = dt.datetime.strptime(ts, "%Y-%m-%d %H:%M")
        return stamp.date(), stamp.hour >= 17

    def on_or_after(day):
        while not working(day):
            day += dt.timedelta(days=1)
        return day

    e_day, at_end = parse(end)
    finish = e_day if at_end else on_or_after(e_day)  # 00:00 only for a milestone at the start
    if milestone:
        return finish, finish
    s_day, after_end = parse(start)
    return on_or_after(s_day + dt.timedelta(days=1) if after_end else s_day), finish


def _run_tj3(net: Network, tmp_path) -> dict[str, tuple[str, str]]:
    (tmp_path / "net.tjp").write_text(_tjp(net, "dates"), encoding="utf-8")
    proc = subprocess.run(["tj3", "--silent", "--no-color", "-o", str(tmp_path),
                           str(tmp_path / "net.tjp")], capture_output=True, text=True,
                          timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr or proc.stdout
    with (tmp_path / "dates.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter=";"))[1:]
    return {r[0]: (r[1], r[2]) for r in rows if r}


@pytest.mark.parametrize("seed", SEEDS)
def test_early_dates_match_taskjuggler(seed, tmp_path):
    net = _random_network(seed)
    sched = schedule(net)
    tj = _run_tj3(net, tmp_path)
    spec = net.calendars[0]

    def working(day):
        return day.weekday() in spec.workweek and day not in spec.holidays

    wrong = []
    for a in net.activities:
        got = (sched[a.id].start, sched[a.id].finish)
        want = _shown(*tj[_tj_id(a.id)], a.duration == 0, working)
        if got != want:
            preds = [(lk.pred, lk.type, lk.lag) for lk in net.links if lk.succ == a.id]
            wrong.append(f"{a.id} (d={a.duration}, preds {preds}): towerplan {got}, "
                         f"tj3 {want} from {tj[_tj_id(a.id)]}")
    assert not wrong, f"{len(wrong)} of {len(net.activities)} differ:\n" + "\n".join(wrong[:10])
