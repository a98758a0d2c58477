"""In a large file, problems are placed by parsing only their piece of it: the places must be
exactly those the whole-file parse gives (issue 16: an error in a 100k-activity file took
over a minute to place)."""

from __future__ import annotations

import random

import yaml_rs

from projects.file.positions import LARGE, locate_many
from projects.project.load import problems_error


def large_file(rng: random.Random) -> str:
    """About 400 KB: block and flow activities, comments, a multi-line note, phases."""
    rows = ["---", "# a large file", "project: {id: big, start: 2025-03-03}", "calendars:",
            "  default: {workweek: [mon, tue, wed, thu, fri]}", "activities:"]
    for k in range(4000):
        preds = f"[A{k - 1}]" if k else "[]"
        if k % 3 == 0:
            rows.append(f"  - {{id: A{k}, duration: {k % 7}, predecessors: {preds}}}")
        elif k % 3 == 1:
            rows += [f"  - id: A{k}", f"    duration: {k % 5}", "    # a comment",
                     f"    predecessors: {preds}"]
        else:
            rows += [f"  - id: A{k}", f"    name: 'activity {k}'", "    note: |",
                     "      - not an item", "      two lines", f"    duration: {k % 3}",
                     "    predecessors:", f"      - {{id: A{k - 1}, lag: 2}}"]
    rows += ["phases:", "  # a comment", "  Small: [{id: S1, duration: 1}]", "  P:"]
    for k in range(3000):
        rows += [f"    - id: P{k}", f"      duration: {k % 4}"] if k % 2 else \
            [f"    - {{id: P{k}, duration: {k % 4}, note: '{'x' * 60}'}}"]
    rows += ["unknown: [" + ", ".join(["'some text'"] * 30000) + "]", "note: a scalar"]
    return "\n".join(rows) + "\n"


def test_a_piece_gives_the_places_of_the_whole_file():
    rng = random.Random(16)
    text = large_file(rng)
    assert len(text) > LARGE
    raw = yaml_rs.loads(text)
    paths = [("activities", k, field) for k in rng.sample(range(4000), 40)
             for field in ("duration", "id", "predecessors")]
    paths += [("activities", 7), ("activities", 3998, "predecessors", 0, "lag"),
              ("project", "start"), ("calendars", "default", "workweek", 2),
              ("phases", "P", 1, "duration"), ("activities", 5, "missing_field"),
              ("phases", "P", 2999, "id"), ("phases", "Small", 0, "duration"), ("phases", "P"),
              ("unknown",), ("note",), ("phases", "P", 17)]
    problems = [(p, "x", "invalid") for p in paths]
    fast = problems_error(problems, "big.yaml", text, raw)
    whole = problems_error(problems, "big.yaml", text, None)  # no raw: the whole-file parse
    assert [(p.line, p.column, p.field) for p in fast.problems] == \
        [(p.line, p.column, p.field) for p in whole.problems]
    assert locate_many(text, raw, paths) is not None  # the pieces were used


def test_a_piece_that_parses_differently_falls_back_to_the_whole_file():
    text = large_file(random.Random(1))
    raw = yaml_rs.loads(text)
    raw["activities"] = raw["activities"][1:]  # items no longer line up with the "- " lines
    assert locate_many(text, raw, [("activities", 3, "duration")]) is None
