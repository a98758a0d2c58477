"""Views of a network's recorded progress: none at all (the plan), or as known on a past day.

``planned(network)`` is the network with every actual date removed: the plan it was built to,
which is the master schedule when nothing else has been frozen. ``as_of(network, day)`` forgets
what was recorded after ``day``, so ``towerplan status --as-of`` shows a past position.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from .network import Activity, Network


def planned(network: Network) -> Network:
    """The network without progress: no actual dates, no remaining, no status date."""
    acts = tuple(
        dataclasses.replace(a, actual_start=None, actual_finish=None, remaining=None)
        if a.actual_start or a.actual_finish or a.remaining is not None else a
        for a in network.activities)
    return network.replace(activities=acts, status_date=None)


def as_of(network: Network, day: dt.date) -> Network:
    """The network as recorded on ``day``: later actual dates dropped, status date ``day``."""
    acts = tuple(_as_of(a, day) for a in network.activities)
    return network.replace(activities=acts, status_date=day)


def _as_of(a: Activity, day: dt.date) -> Activity:
    start, finish, rem = a.actual_start, a.actual_finish, a.remaining
    if finish is not None and finish > day:
        if start is None:  # the start was only implied by the finish
            start = None
        finish, rem = None, None
    if start is not None and start > day:
        start, rem = None, None
    if (start, finish, rem) == (a.actual_start, a.actual_finish, a.remaining):
        return a
    return dataclasses.replace(a, actual_start=start, actual_finish=finish, remaining=rem)


def latest_actual(network: Network) -> dt.date | None:
    """The latest actual date recorded anywhere in the network."""
    days = [d for a in network.activities for d in (a.actual_start, a.actual_finish) if d]
    return max(days, default=None)
