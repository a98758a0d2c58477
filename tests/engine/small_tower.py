"""A four-floor tower small enough to check every chart value by hand.

Seven-day calendar from Saturday 2025-03-01, status date Wednesday 2025-03-12.

    Prep phase   prep 3 d (done 1–3 Mar); crane 6 d, started 8 Mar, 4 days done, 2 to go
    Structure    A.F1 … A.F4, 5 d each, one after the other (cycle 5 d)
                 F1 done 4–7 Mar (a day early), F2 done 8–11 Mar, F3 and F4 to do
    Facade       A.F{n}.facade 2 d, one floor behind the structure, in floor order
    Node         A.topping_out after F4, target 25 Mar

Plan (no progress): prep 1–3, crane 1–6, F1 4–8, F2 9–13, F3 14–18, F4 19–23 (topping-out
23 Mar); facade F1 14–15, F2 19–20, F3 24–25, F4 26–27.
Now: F3 12–16, F4 17–21 (topping-out 21 Mar); facade F1 12–13, F2 17–18, F3 22–23, F4 24–25;
crane 8–13. Critical: F3, F4, F3 facade, F4 facade (project finish 25 Mar).
"""

from __future__ import annotations

import datetime as dt

from scheduler import Activity, CalendarSpec, Link, Network, ScheduleOptions, schedule
from scheduler.baseline import Baseline
from scheduler.progress import planned
from scheduler.towers import Floor, Node, Tower, Trade

D = dt.date
STATUS = D(2025, 3, 12)


def tower() -> Tower:
    floors = tuple(Floor(n, f"F{n}", f"{n}F", "typical", 4.0, 4.0 * n, 5, f"A.F{n}", f"A.F{n}")
                   for n in range(1, 5))
    return Tower("A", "融发大厦 A塔", "week7", floors,
                 trades=(Trade("facade", "Curtain wall", 2, 1, 1, 4),),
                 nodes=(Node("A.topping_out", "A塔封顶 topping-out", D(2025, 3, 25), 4, "A"),),
                 topping_out="A.topping_out")


def network() -> Network:
    acts = [Activity("prep", "Site preparation", 3, "week7", wbs=("Prep",),
                     actual_start=D(2025, 3, 1), actual_finish=D(2025, 3, 3)),
            Activity("crane", "Crane erection", 6, "week7", wbs=("Prep",),
                     actual_start=D(2025, 3, 8))]
    done = {1: (D(2025, 3, 4), D(2025, 3, 7)), 2: (D(2025, 3, 8), D(2025, 3, 11))}
    links = [Link("prep", "A.F1")]
    for n in range(1, 5):
        start, finish = done.get(n, (None, None))
        acts.append(Activity(f"A.F{n}", f"融发大厦 A塔 {n}F: structure", 5, "week7", tower="A",
                             floor=n, trade="structure", wbs=("A", "Structure", f"F{n}"),
                             actual_start=start, actual_finish=finish))
        acts.append(Activity(f"A.F{n}.facade", f"融发大厦 A塔 {n}F: Curtain wall", 2, "week7",
                             tower="A", floor=n, trade="facade", wbs=("A", "Curtain wall")))
        if n > 1:
            links += [Link(f"A.F{n - 1}", f"A.F{n}"),
                      Link(f"A.F{n - 1}.facade", f"A.F{n}.facade")]
        links.append(Link(f"A.F{min(n + 1, 4)}", f"A.F{n}.facade"))
    acts.append(Activity("A.topping_out", "A塔封顶 topping-out", 0, "week7", tower="A",
                         floor=4, trade="node", wbs=("A", "Nodes"), target=D(2025, 3, 25),
                         key_node=True))
    links.append(Link("A.F4", "A.topping_out"))
    return Network(D(2025, 3, 1), tuple(acts), tuple(links),
                   (CalendarSpec("week7", frozenset(range(7))),), "week7", STATUS,
                   name="融发 small tower")


def current():
    return schedule(network(), ScheduleOptions())


def baseline() -> Baseline:
    return Baseline.from_schedule(schedule(planned(network())), name="master")
