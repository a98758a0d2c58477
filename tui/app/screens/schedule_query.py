"""Which rows the schedule shows: the floor range, the search words (ids and whole words, not
letters inside words) and the sort; pure functions, run in the schedule screen's workers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

SORT_FIELDS = {"id": "id", "name": "name", "start": "start", "finish": "finish",
               "tf": "total_float", "ff": "free_float", "crit": "critical", "state": "state"}
_RANGE = re.compile(r"^\s*([BbFf]?)(\d+)\s*(?:[-–~]\s*([BbFf]?)(\d+))?\s*$")
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Query:
    """What the table shows: filters and sort order."""

    tower: str | None = None  # None = all; "" = activities outside any tower
    floors: tuple[int, int] | None = None
    critical: bool = False
    search: str = ""
    sort: str = "start"
    reverse: bool = False


def parse_floors(text: str) -> tuple[int, int] | None:
    """``5`` / ``5-20`` / ``F5-F20`` / ``B2-F3`` → (lowest, highest) floor number
    (basements negative); ``ValueError`` when not understood."""
    m = _RANGE.match(text)
    if m is None:
        raise ValueError(text)

    def num(prefix: str, digits: str) -> int:
        return -int(digits) if prefix.upper() == "B" else int(digits)

    low = num(m.group(1), m.group(2))
    high = num(m.group(3) or "", m.group(4)) if m.group(4) else low
    return (min(low, high), max(low, high))


def search_words(text: str) -> tuple[str, ...]:
    """The words of a search, lower case."""
    return tuple(text.lower().split())


@lru_cache(maxsize=1 << 17)
def _tokens(aid: str, name: str) -> frozenset[str]:
    """What a search word can match in a row: its id, each dotted part of the id, and each
    word of its name (split at anything but letters and digits); kept between searches."""
    aid = aid.lower()
    return frozenset({aid, *aid.split("."), *_WORD.findall(name.lower())})


def matches(words, row) -> bool:
    """Every search word finds the row: a whole word of the id or name (``b`` finds tower B,
    not the b inside "Slab"), the start of the id (``a.f2``), or, from three letters on, the
    start of a word (``insp`` finds "Inspection"); a word with a dot matches whole parts of
    the id (``.pour``, ``f5.pour``); a word in Chinese is found anywhere in the name."""
    tokens = _tokens(row.id, row.name)
    dotted = f".{row.id.lower()}."
    for w in words:
        if w in tokens or dotted.startswith(f".{w}"):
            continue
        if "." in w and f".{w.strip('.')}." in dotted:  # ".pour", "f5.pour"
            continue
        if len(w) >= 3 and any(tok.startswith(w) for tok in tokens):
            continue
        if not w.isascii() and w in row.name.lower():
            continue
        return False
    return True


def select_rows(rows, query: Query) -> list:
    """The rows that pass ``query``, in its order."""
    words = search_words(query.search)
    out = []
    for r in rows:
        if query.tower is not None and r.tower != query.tower:
            continue
        if query.critical and not r.critical:
            continue
        if query.floors is not None and (r.floor is None or
                                         not query.floors[0] <= r.floor <= query.floors[1]):
            continue
        if words and not matches(words, r):
            continue
        out.append(r)
    out.sort(key=sort_key(query.sort), reverse=query.reverse)
    return out


def sort_key(column: str):
    """Key function for rows sorted by ``column`` (ties broken by start, then id)."""
    field = SORT_FIELDS[column]
    return lambda r: (getattr(r, field), r.start, r.id)
