"""Seeded generator of synthetic high-rise networks for the benchmarks.

A network is a site phase (mobilisation, piles, excavation), a basement and podium per tower
footprint, then each tower's typical floors: a floor cycle of setting out, rebar, MEP embeds,
formwork, slab rebar, a hold-point inspection, the pour and stripping, split into flow zones
and linked FS/SS inside the floor and floor to floor; MEP risers, facade and fit-out follow the
structure a few floors below; a few links tie the towers together (crane, pump and facade
crews). Only FS and SS links with non-negative working-day lags are used, so TaskJuggler can
schedule the very same network.

The same size and seed always give byte-identical files: towerplan YAML (``benchXk.yaml``) and
a TaskJuggler project (``benchXk.tjp``) whose CSV report lists id, start and end.

    python benchmarks/generate.py 10k            # writes benchmarks/data/bench10k.{yaml,tjp}
    python benchmarks/generate.py all --seed 7
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
START = dt.date(2025, 3, 3)
WORKWEEK = ("mon", "tue", "wed", "thu", "fri", "sat")
DEFAULT_SEED = 20250303


@dataclass(frozen=True, slots=True)
class Preset:
    """Shape of a network: towers, typical floors per tower, flow zones per floor,
    basement levels and podium levels."""

    towers: int
    floors: int
    zones: int
    basements: int
    podium: int


SIZES = {
    "1k": Preset(towers=2, floors=27, zones=1, basements=2, podium=2),
    "10k": Preset(towers=4, floors=62, zones=3, basements=3, podium=3),
    "30k": Preset(towers=6, floors=79, zones=5, basements=3, podium=4),
    "100k": Preset(towers=10, floors=119, zones=7, basements=4, podium=4),
}

# Spring Festival (Chinese New Year's day); the break is the eve and the six days after.
_SPRING_FESTIVAL = {
    2025: (1, 29), 2026: (2, 17), 2027: (2, 6), 2028: (1, 26), 2029: (2, 13), 2030: (2, 3),
    2031: (1, 23), 2032: (2, 11), 2033: (1, 31), 2034: (2, 19), 2035: (2, 8), 2036: (1, 28),
    2037: (2, 15),
}


@dataclass(frozen=True, slots=True)
class Task:
    """One generated activity; ``preds`` holds ``(pred id, "FS" | "SS", lag)``."""

    id: str
    name: str
    duration: int
    preds: tuple[tuple[str, str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Bench:
    """A generated network: tasks in a topological order, holidays as ``(first, last)``
    ranges, and ``end`` a date safely after the last early finish (TaskJuggler's horizon)."""

    id: str
    name: str
    start: dt.date
    holidays: tuple[tuple[dt.date, dt.date], ...]
    tasks: tuple[Task, ...]
    end: dt.date

    @property
    def link_count(self) -> int:
        return sum(len(t.preds) for t in self.tasks)


def holiday_ranges(first_year: int, last_year: int) -> list[tuple[dt.date, dt.date]]:
    """New Year's day, the Spring Festival week, May Day (1–5) and National Day (1–7)."""
    out = []
    for y in range(first_year, last_year + 1):
        out.append((dt.date(y, 1, 1), dt.date(y, 1, 1)))
        if y in _SPRING_FESTIVAL:
            cny = dt.date(y, *_SPRING_FESTIVAL[y])
            out.append((cny - dt.timedelta(days=1), cny + dt.timedelta(days=5)))
        out.append((dt.date(y, 5, 1), dt.date(y, 5, 5)))
        out.append((dt.date(y, 10, 1), dt.date(y, 10, 7)))
    return sorted(out)


class _Builder:
    """Collects tasks, checking that every predecessor already exists (so the task list is
    in topological order) and that no pair of tasks is linked twice (TaskJuggler allows one
    dependency per pair)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.tasks: list[Task] = []
        self.ids: set[str] = set()

    def add(self, id_: str, name: str, duration: int, *preds) -> str:
        seen, out = set(), []
        for pred in preds:
            if pred is None:
                continue
            pid, kind, lag = (pred, "FS", 0) if isinstance(pred, str) else pred
            if pid not in self.ids:
                raise AssertionError(f"{id_}: predecessor {pid} not generated yet")
            if pid in seen:
                continue
            seen.add(pid)
            out.append((pid, kind, lag))
        if id_ in self.ids:
            raise AssertionError(f"duplicate id {id_}")
        self.ids.add(id_)
        self.tasks.append(Task(id_, name, duration, tuple(out)))
        return id_

    def dur(self, base: int, spread: int = 1) -> int:
        return base + self.rng.randint(0, spread)


def _site(b: _Builder, p: Preset) -> dict[int, str]:
    """Site set-up, piles, excavation, basements and podium; returns, per tower, the id the
    tower's first typical floor waits for."""
    start = b.add("SITE.start", "Site start", 0)
    mob = b.add("SITE.mobilise", "Mobilisation and temporary works", 10, start)
    exc = None
    for k in range(1, p.basements + 1):
        exc = b.add(f"SITE.EXC{k}", f"Excavation stage {k}", b.dur(12, 4),
                    mob if k == 1 else (exc, "SS", 5))
    ready: dict[int, str] = {}
    for t in range(1, p.towers + 1):
        tw = f"T{t}"
        piles = b.add(f"{tw}.SUB.piles", f"{tw} piles", b.dur(20, 10), (mob, "FS", t - 1))
        test = b.add(f"{tw}.SUB.piletest", f"{tw} pile tests", 5, piles)
        raft = b.add(f"{tw}.SUB.raft", f"{tw} raft", b.dur(8, 4), test, exc)
        prev = raft
        for lv in range(p.basements, 0, -1):
            wall = b.add(f"{tw}.B{lv}.walls", f"{tw} basement {lv} walls", b.dur(6, 3), prev)
            slab = b.add(f"{tw}.B{lv}.slab", f"{tw} basement {lv} slab", b.dur(5, 2),
                         (wall, "SS", 3))
            prev = b.add(f"{tw}.B{lv}.pour", f"{tw} basement {lv} pour", 1, slab, wall)
        zero = b.add(f"{tw}.ZERO", f"{tw} ground level complete", 0, prev)
        for lv in range(1, p.podium + 1):
            form = b.add(f"{tw}.P{lv}.form", f"{tw} podium {lv} formwork", b.dur(5, 2),
                         (zero, "FS", 2) if lv == 1 else (prev, "FS", 2))
            rebar = b.add(f"{tw}.P{lv}.rebar", f"{tw} podium {lv} rebar", b.dur(5, 2),
                          (form, "SS", 2))
            # The podium is one slab: neighbouring sections pour in turn.
            side = (f"T{t - 1}.P{lv}.pour", "FS", 1) if t > 1 else None
            prev = b.add(f"{tw}.P{lv}.pour", f"{tw} podium {lv} pour", 1, rebar, form, side)
        ready[t] = prev
    return ready


def _floor(b: _Builder, tw: str, f: int, p: Preset, below: dict[str, str]) -> dict[str, str]:
    """One typical floor's structure; ``below`` holds ids of the floor underneath (and the one
    under that, for formwork reuse). Returns this floor's ids for the next one."""
    slow = 1 if f <= 5 else 0  # the first floors are slower until the crews learn the cycle
    pre = f"{tw}.F{f:03d}"
    name = f"{tw} floor {f}"
    setout = b.add(f"{pre}.setout", f"{name} setting out", 1, (below["pour1"], "FS", 1))
    ids = {"setout": setout}
    prev_rebar = prev_pour = None
    for z in range(1, p.zones + 1):
        zp = f"{pre}.Z{z}" if p.zones > 1 else pre
        zn = f"{name} zone {z}" if p.zones > 1 else name
        rebar = b.add(f"{zp}.rebar", f"{zn} rebar", b.dur(2 + slow),
                      setout if z == 1 else (prev_rebar, "SS", 1),
                      below.get(f"rebar{z}"))
        embeds = b.add(f"{zp}.embeds", f"{zn} MEP embeds", b.dur(1), (rebar, "SS", 1),
                       below.get(f"embeds{z}"))
        form = b.add(f"{zp}.form", f"{zn} formwork", b.dur(2 + slow), (rebar, "SS", 1),
                     below.get(f"strip2_{z}"))
        slab = b.add(f"{zp}.slabrebar", f"{zn} slab rebar", b.dur(1), (form, "SS", 1))
        insp = b.add(f"{zp}.inspect", f"{zn} inspection", 0, slab, embeds, form)
        pour = b.add(f"{zp}.pour", f"{zn} pour", 1, insp, prev_pour)
        strip = b.add(f"{zp}.strip", f"{zn} stripping", 1, (pour, "FS", b.rng.randint(1, 2)))
        ids.update({f"rebar{z}": rebar, f"embeds{z}": embeds, f"pour{z}": pour, f"strip{z}": strip,
                    f"strip2_{z}": below.get(f"strip{z}")})
        prev_rebar, prev_pour = rebar, pour
    ids["pour_last"] = prev_pour
    return ids


def _following(b: _Builder, tw: str, f: int, p: Preset, struct: dict[int, dict[str, str]],
               prev: dict[str, str | None]) -> dict[str, str | None]:
    """Risers, facade and fit-out of floor ``f``, following the structure a few floors
    above it (3, 5 and 8 floors) and the same trade on the floor below."""
    pre, name = f"{tw}.F{f:03d}", f"{tw} floor {f}"
    top = len(struct)

    def lead(k: int) -> str:
        return struct[min(f + k, top)]["pour_last"]

    plumb = b.add(f"{pre}.riser.plumb", f"{name} plumbing riser", b.dur(2), lead(3),
                  prev["plumb"])
    elec = b.add(f"{pre}.riser.elec", f"{name} electrical riser", b.dur(1), (plumb, "SS", 1),
                 prev["elec"])
    hvac = b.add(f"{pre}.riser.hvac", f"{name} HVAC riser", b.dur(2), (elec, "SS", 1),
                 prev["hvac"])
    bracket = b.add(f"{pre}.facade.bracket", f"{name} facade brackets", b.dur(1), lead(5),
                    prev["bracket"])
    panel = b.add(f"{pre}.facade.panel", f"{name} facade panels", b.dur(2),
                  (bracket, "FS", 1), prev["panel"])
    out = {"plumb": plumb, "elec": elec, "hvac": hvac, "bracket": bracket, "panel": panel}
    for z in range(1, p.zones + 1):
        zp = f"{pre}.Z{z}" if p.zones > 1 else pre
        zn = f"{name} zone {z}" if p.zones > 1 else name
        part = b.add(f"{zp}.fit.partition", f"{zn} partitions", b.dur(3), lead(8), elec,
                     prev.get(f"part{z}"))
        ceil = b.add(f"{zp}.fit.ceiling", f"{zn} ceilings", b.dur(2), part, hvac)
        floor = b.add(f"{zp}.fit.floor", f"{zn} floor finishes", b.dur(2), (ceil, "SS", 1),
                      panel, prev.get(f"floor{z}"))
        paint = b.add(f"{zp}.fit.paint", f"{zn} painting", b.dur(2), ceil,
                      prev.get(f"paint{z}"))
        out.update({f"part{z}": part, f"paint{z}": paint, f"floor{z}": floor})
    return out


def _tower(b: _Builder, t: int, p: Preset, ready: str) -> tuple[str, dict[int, dict]]:
    """A tower's floors, topping-out and completion; returns the completion milestone's id
    and, per floor, the structure ids the cross-links need."""
    tw = f"T{t}"
    struct: dict[int, dict[str, str]] = {}
    below: dict[str, str] = {"pour1": ready}
    for f in range(1, p.floors + 1):
        below = struct[f] = _floor(b, tw, f, p, below)
    top = b.add(f"{tw}.TOP", f"{tw} topping out", 0, below["pour_last"])
    prev: dict[str, str | None] = dict.fromkeys(("plumb", "elec", "hvac", "bracket", "panel"))
    for f in range(1, p.floors + 1):
        prev = _following(b, tw, f, p, struct, prev)
    ends = [prev[k] for k in sorted(prev) if k.startswith(("paint", "floor"))]
    done = b.add(f"{tw}.DONE", f"{tw} fit-out complete", 0, top, *ends)
    return done, struct


def _cross_links(b: _Builder, p: Preset, structs: dict[int, dict[int, dict]]) -> None:
    """A few links between towers: the pump and the jump-form crew move from one tower to
    the next, so on a few floors a tower sets out only after its neighbour started pouring
    the same floor (SS with a small lag). Added as extra predecessors of tasks already
    generated, so each is patched in place."""
    pos = {t.id: i for i, t in enumerate(b.tasks)}
    for t in range(2, p.towers + 1):
        for _ in range(3):
            f_to = b.rng.randint(2, p.floors)
            pred = structs[t - 1][f_to - 1]["pour_last"]
            succ = structs[t][f_to]["setout"]
            task = b.tasks[pos[succ]]
            if pos[pred] > pos[succ] or any(q == pred for q, _, _ in task.preds):
                continue  # keep the list topological and one link per pair
            b.tasks[pos[succ]] = Task(task.id, task.name, task.duration,
                                      (*task.preds, (pred, "SS", b.rng.randint(0, 3))))


def generate(size: str, seed: int = DEFAULT_SEED) -> Bench:
    """Build the network of ``size`` ("1k", "10k", "30k", "100k") from ``seed``."""
    p = SIZES[size]
    b = _Builder(random.Random(f"{size}:{seed}"))
    ready = _site(b, p)
    done, structs = [], {}
    for t in range(1, p.towers + 1):
        d, structs[t] = _tower(b, t, p, ready[t])
        done.append(d)
    _cross_links(b, p, structs)
    b.add("PROJECT.DONE", "Completion acceptance", 0, *done)
    tasks = _check_topological(b.tasks)
    holidays = holiday_ranges(START.year, START.year + 12)
    finish = _finish_date(tasks, START, holidays)
    end = finish + dt.timedelta(days=60)
    holidays = [(max(a, START), min(z, end)) for a, z in holidays if z >= START and a <= end]
    label = size.upper().replace("K", "k")
    return Bench(f"bench{size}", f"Bench {label}", START, tuple(holidays), tuple(tasks), end)


def _check_topological(tasks: list[Task]) -> list[Task]:
    """The cross-links were patched in place; check the list is still topological."""
    seen: set[str] = set()
    for t in tasks:
        for pid, _, _ in t.preds:
            if pid not in seen:
                raise AssertionError(f"{t.id} precedes its predecessor {pid}")
        seen.add(t.id)
    return tasks


def _finish_date(tasks, start: dt.date, holidays) -> dt.date:
    """The latest early finish, by a plain forward pass in working days (only to size
    TaskJuggler's project horizon; the engine is what is being measured)."""
    es: dict[str, int] = {}
    ef: dict[str, int] = {}
    for t in tasks:
        s = 0
        for pid, kind, lag in t.preds:
            s = max(s, (ef[pid] if kind == "FS" else es[pid]) + lag)
        es[t.id], ef[t.id] = s, s + t.duration
    days = max(ef.values(), default=0)
    off = {a + dt.timedelta(days=k) for a, z in holidays for k in range((z - a).days + 1)}
    day, worked = start, 0
    while worked <= days:
        if day.weekday() < 6 and day not in off:
            worked += 1
        day += dt.timedelta(days=1)
    return day


# -- writers ----------------------------------------------------------------------------------
def _holiday_text(a: dt.date, z: dt.date) -> str:
    return a.isoformat() if a == z else f"{a.isoformat()}..{z.isoformat()}"


def write_yaml(bench: Bench, path: Path) -> None:
    """towerplan's project file: project, one Mon–Sat calendar with explicit holidays, and
    the activities with their predecessors (plain id = FS lag 0)."""
    lines = [
        f"project: {{id: {bench.id}, name: {bench.name}, start: {bench.start.isoformat()}}}",
        "calendars:",
        f"  default: {{workweek: [{', '.join(WORKWEEK)}], holidays: "
        f"[{', '.join(_holiday_text(a, z) for a, z in bench.holidays)}]}}",
        "activities:",
    ]
    for t in bench.tasks:
        lines += [f"  - id: {t.id}", f"    name: {t.name}", f"    duration: {t.duration}"]
        if t.preds:
            preds = [pid if kind == "FS" and lag == 0 else f"{{id: {pid}, type: {kind}, lag: {lag}}}"
                     for pid, kind, lag in t.preds]
            lines.append(f"    predecessors: [{', '.join(preds)}]")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def tj_id(activity_id: str) -> str:
    """TaskJuggler ids are ``[A-Za-z_][A-Za-z0-9_]*`` and a dot means nesting: use ``_``."""
    return activity_id.replace(".", "_")


def write_tjp(bench: Bench, path: Path) -> str:
    """The same network as a TaskJuggler project; returns the CSV report's file name
    (written by ``tj3`` into its output directory)."""
    report = f"{bench.id}_tj3"
    lines = [
        f'project {bench.id} "{bench.name}" {bench.start.isoformat()} - {bench.end.isoformat()} {{',
        '  timezone "UTC"',
        '  timeformat "%Y-%m-%d"',
        "  dailyworkinghours 8",
        "  workinghours mon - sat 8:00 - 12:00, 13:00 - 17:00",
        "  workinghours sun off",
        "}",
    ]
    for a, z in bench.holidays:  # one day per line: an interval's end date is exclusive
        for k in range((z - a).days + 1):
            lines.append(f'leaves holiday "holiday" {(a + dt.timedelta(days=k)).isoformat()}')
    milestones = {t.id for t in bench.tasks if t.duration == 0}
    for t in bench.tasks:
        lines.append(f'task {tj_id(t.id)} "{t.name}" {{')
        lines.append("  milestone" if t.duration == 0 else f"  length {t.duration}d")
        if t.preds:
            deps = []
            for pid, kind, lag in t.preds:
                # SS from a milestone is FS (its start is its end); tj3 3.7.1 can report a
                # false loop for a milestone-to-milestone onstart link.
                onstart = kind == "SS" and pid not in milestones
                attrs = (["onstart"] if onstart else []) + ([f"gaplength {lag}d"] if lag else [])
                deps.append(tj_id(pid) + (f" {{ {' '.join(attrs)} }}" if attrs else ""))
            lines.append(f"  depends {', '.join(deps)}")
        lines.append("}")
    lines.append(f'taskreport "{report}" {{ formats csv columns id, start, end '
                 f'timeformat "%Y-%m-%d %H:%M" sorttasks seqno.up }}')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return report + ".csv"


def paths(size: str, data_dir: Path = DATA_DIR) -> tuple[Path, Path]:
    """``(yaml path, tjp path)`` of a size."""
    return data_dir / f"bench{size}.yaml", data_dir / f"bench{size}.tjp"


def write(size: str, seed: int = DEFAULT_SEED, data_dir: Path = DATA_DIR) -> Bench:
    """Generate ``size`` and write its YAML and TJP files under ``data_dir``."""
    bench = generate(size, seed)
    data_dir.mkdir(parents=True, exist_ok=True)
    yaml_path, tjp_path = paths(size, data_dir)
    write_yaml(bench, yaml_path)
    write_tjp(bench, tjp_path)
    return bench


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sizes", nargs="*", default=["1k", "10k"], help="1k 10k 30k 100k or all")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--out", type=Path, default=DATA_DIR, help="output directory")
    args = ap.parse_args(argv)
    sizes = list(SIZES) if "all" in args.sizes else args.sizes
    for size in sizes:
        if size not in SIZES:
            ap.error(f"unknown size {size!r} (choose from {', '.join(SIZES)} or all)")
        bench = write(size, args.seed, args.out)
        yaml_path, tjp_path = paths(size, args.out)
        print(f"{bench.id}: {len(bench.tasks)} activities, {bench.link_count} links, "
              f"horizon {bench.start}..{bench.end} → {yaml_path.name}, {tjp_path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
