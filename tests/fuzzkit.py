"""Mutation fuzzing of what users and broken exports feed towerplan (issue 16).

A *case* is one seed input (a project file, a what-if scenario or a progress CSV), mutated a
few times by a seeded random generator, and the command that reads it. :func:`run_case` runs
the command in this process; :func:`problem` says what is wrong with the outcome, if anything:
every outcome must be a success (exit 0) or a clean refusal (exit 2, each line of stderr a
message naming its file or ``towerplan``), never an "internal error" or a traceback.

Used by ``tests/project_files/test_fuzz.py`` (a few seconds, in the suite) and by
``benchmarks/fuzz.py`` (long runs, each case in a child process with memory and time limits).
"""

from __future__ import annotations

import contextlib
import copy
import gc
import io
import os
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml_rs

from tui.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "rongfa_tower.yaml"
TODAY = "2023-07-20"
PROGRESS_CSV = """\
activity,started,finished,remaining,note,by
B.F24,,2023-07-14,,pour,wang
A.F22.rebar,2023-07-05,,2,short crew,
B.F25,2023-07-15,,,,li
A.F22,,2023-07-12,,,
"""

NUMBERS = ("0", "-1", "-5", "1", "0.5", "2147483648", "9223372036854775808", "999999999",
           "1e309", ".nan", ".inf", "-.inf", "10001", "300", "301", "-10001", "1_000")
DATES = ("9999-12-31", "0001-01-01", "2025-13-01", "2025-02-29", "2024-02-29", "1899-12-31",
         "2200-12-31", "2201-01-01", "1900-01-01", "2025-05-31", "2023-07-04", "2027-01-01")
RANGES = ("1-999999999", "B999-5", "0-3", "5-1", "B1-1", "B3-B1", "1-300", "F1-F2", "B0")
VALUES = ("null", "~", "[]", "{}", '""', "yes", "no", "'x'", "[1, [2, [3]]]", "{a: 1}",
          "2023-07-04T10:00:00", "'2025-13-01'", "*undefined", "&x 1", "!!binary aGk=",
          "'" + "long " * 400 + "'", "-1cd", "7cd", "3wd", "1e309")
INSERTS = ("\0", "\x1b", "\ufeff", "\u2028", "\x85", '"', "'", ":", "{", "[", "]", "}", "&a ",
           "*a", "- ", "\t", "\r", "#", "%", "@", "!", "|", ">", "\n  ", "\n- ", "é", "融")
PROBES = (  # command lines with edge values put in place of the {PLACEHOLDERS}
    "status {EX} --lookback {N} --db {DB}", "status {EX} --plan {LEVEL} --period {P} --db {DB}",
    "forecast {EX} --min {N} --lookback {N}", "risk {EX} -n {SMALL} --top {N} --seed {N}",
    "risk {EX} -n 20 --correlation {N}", "plan {LEVEL} {EX} --period {P} --db {DB}",
    "plan week {EX} --period {P} --freeze --db {DB}", "schedule {EX} --as-of {D}",
    "progress {EX} {ID} --finished {D} --db {DB}", "progress {EX} --history {ID} --db {DB}",
    "progress {EX} {ID} --started {D} --remaining {N} --db {DB}", "explain {EX} {ID}",
    "progress {EX} {ID} --withdraw --db {DB}", "nodes {EX} --risk-days {N} --db {DB}",
    "progress {EX} {ID} --finished {D} --db {MEMORY}", "forecast {EX} --as-of {D}")
PLACES = {
    "N": (*NUMBERS, "3", "1", "nan", "inf", "-0", "x", ""),
    "SMALL": ("1", "20", "0", "-1", "999999999", "2.5"),
    "D": (*DATES, "2023-7-4", "yesterday", "2023-07-04T00:00", ""),
    "P": ("2023", "2023-07", "2023-W27", "9999-12", "0000", "2023-13", "2023-W54", "1899",
          "2200-W01", "", "x", "2023-W00", "-1"),
    "LEVEL": ("master", "year", "month", "week"),
    "ID": ("B.F24", "A.F22.rebar", "B.F99", "A.B0", "X.F1", "B.F24.pour", "piling", "zz",
           "A.F-1", "B.", ".", "A.F22.rebr", "B.F23", "A.topping_out", "A.F9999999999999"),
    "MEMORY": ("sqlite://", "sqlite:///:memory:", "sqlite:///"),
}
MAX_INPUT = 4 * 2**20  # characters of a mutated input
_NUMBER = re.compile(r"(?<![\w.\-])-?\d+(?:\.\d+)?(?![\w.\-:])")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_RANGE = re.compile(r"(?<![\w\-])[BF]?\d+-[BF]?\d+(?![\w\-])")
_WORD = re.compile(r"[A-Za-z_][\w.]*")
_VALUE = re.compile(r"(?<=: )[^,{}\[\]\n#]+")


@dataclass(frozen=True)
class Seed:
    """An input to mutate: its kind, its text, and the file name it is written under."""

    kind: str  # "project", "scenario", "csv" or "cli" (a command line of PROBES)
    name: str
    text: str


def seeds(small: bool = False) -> list[Seed]:
    """The example files, the YAML cases of tests/cases and a progress CSV (``small``: the
    cases and the CSV only, quick enough for the suite)."""
    out = [Seed("project", p.name, p.read_text(encoding="utf-8"))
           for p in sorted((ROOT / "tests" / "cases").glob("*.yaml"))
           if not p.name.endswith(".expect.yaml")]
    out.append(Seed("csv", "progress.csv", PROGRESS_CSV))
    out += [Seed("cli", f"probe{k}", probe) for k, probe in enumerate(PROBES)]
    if not small:
        out.append(Seed("project", EXAMPLE.name, EXAMPLE.read_text(encoding="utf-8")))
        out += [Seed("scenario", p.name, p.read_text(encoding="utf-8"))
                for p in sorted((ROOT / "examples").glob("whatif_*.yaml"))]
    return out


def make_input(seed: Seed, rng: random.Random) -> bytes:
    """The seed mutated (a command line is varied by :func:`prepare` instead)."""
    return seed.text.encode() if seed.kind == "cli" else mutate(seed.text, rng)


def mutate(text: str, rng: random.Random, rounds: int | None = None) -> bytes:
    """``text`` changed ``rounds`` times (1–3 by default) by the operations below, as bytes
    (one operation writes bytes that are not UTF-8)."""
    for _ in range(rounds or rng.randint(1, 3)):
        changed = rng.choice(_OPERATIONS)(text, rng)
        if len(changed) <= MAX_INPUT:  # an alias bomb written out: the fuzzer's own blow-up
            text = changed
    data = text.encode("utf-8", "surrogatepass")
    if rng.random() < 0.02:
        at = rng.randrange(len(data) + 1)
        data = data[:at] + rng.choice((b"\xff", b"\xc3", b"\xed\xa0\x80")) + data[at:]
    return data


def _swap(pattern: re.Pattern, choices):
    def op(text: str, rng: random.Random) -> str:
        found = list(pattern.finditer(text))
        if not found:
            return text
        m = rng.choice(found)
        return text[:m.start()] + rng.choice(choices) + text[m.end():]
    return op


def _word(text: str, rng: random.Random) -> str:
    """An identifier replaced by another one of the file: unknown ids, loops, wrong kinds."""
    found = list(_WORD.finditer(text))
    if len(found) < 2:
        return text
    m, other = rng.choice(found), rng.choice(found)
    return text[:m.start()] + other.group() + text[m.end():]


def _lines(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    k, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    how = rng.randrange(3)
    if how == 0:
        del lines[k]
    elif how == 1:
        lines.insert(j, lines[k])
    else:
        lines[k], lines[j] = lines[j], lines[k]
    return "\n".join(lines)


def _cut(text: str, rng: random.Random) -> str:
    at = rng.randrange(len(text) + 1)
    if rng.random() < 0.3:
        return text[:at]  # a file cut short
    return text[:at] + text[at + rng.randint(1, 20):]


def _insert(text: str, rng: random.Random) -> str:
    at = rng.randrange(len(text) + 1)
    return text[:at] + rng.choice(INSERTS) + text[at:]


def _aliases(text: str, rng: random.Random) -> str:
    """Many aliases of one anchored text (the memory bomb of item 9), somewhere in the file."""
    big = "x" * rng.choice((10, 1000, 50_000))
    line = f"\nbomb: [&b '{big}', {', '.join(['*b'] * rng.choice((3, 300, 5000)))}]\n"
    return text + line if rng.random() < 0.5 else line.lstrip() + text


TREE_VALUES = (None, 0, -1, 1, 0.5, 2**31, 2**63, 10**30, float("nan"), float("inf"), True, "",
               "x", "B3-B1", "1-999999999", "2025-13-01", "9999-12-31", [], {}, [None], {"": 1},
               "A.F1.pour", "7cd", "-3", "FS", "SS", "cn", "mon")


def _tree(text: str, rng: random.Random) -> str:
    """One node of the parsed file replaced by an edge value, another node, or removed, and
    the file written back: valid YAML that reaches the checks behind the parser."""
    try:
        doc = yaml_rs.loads(text)
    except Exception:
        return text
    nodes = []

    def walk(node, depth):
        items = node.items() if isinstance(node, dict) else \
            enumerate(node) if isinstance(node, list) else ()
        for key, value in items:
            nodes.append((node, key, value))
            if depth < 8:
                walk(value, depth + 1)

    walk(doc, 0)
    if not nodes:
        return text
    parent, key, _ = rng.choice(nodes)
    how = rng.random()
    if how < 0.15:
        del parent[key]
    elif how < 0.3:
        # another node's value, copied: an ancestor put inside itself would make a cycle (and
        # the fuzzer's own writer overflow its stack)
        parent[key] = copy.deepcopy(rng.choice(nodes)[2])
    else:
        parent[key] = rng.choice(TREE_VALUES)
    try:
        return yaml_rs.dumps(doc)
    except Exception:
        return text


_OPERATIONS = (_tree, _tree, _tree, _swap(_NUMBER, NUMBERS), _swap(_NUMBER, NUMBERS), _swap(_DATE, DATES),
               _swap(_DATE, DATES), _swap(_RANGE, RANGES), _swap(_VALUE, VALUES),
               _swap(_VALUE, VALUES), _word, _word, _lines, _cut, _insert, _insert, _aliases)


def command(seed: Seed, path: Path, workdir: Path, rng: random.Random) -> list[str]:
    """The command that reads the mutated ``path``."""
    if seed.kind == "csv":
        return ["progress", str(EXAMPLE), "--import", str(path), "--db",
                str(workdir / "fuzz.db")]
    if seed.kind == "scenario":
        return ["whatif", str(workdir / EXAMPLE.name), str(path)]
    return rng.choice((["validate", str(path)], ["validate", str(path)],
                       ["schedule", str(path), "--format", "json"],
                       ["status", str(path), "--db", str(workdir / "fuzz.db")],
                       ["forecast", str(path)], ["risk", str(path), "-n", "20"]))


def prepare(seed: Seed, data: bytes, workdir: Path, rng: random.Random) -> list[str]:
    """Write the mutated input in ``workdir`` (with the example next to a scenario, which
    names it as its base) and return the command's arguments."""
    if seed.kind == "cli":
        db = workdir / "fuzz.db"
        db.unlink(missing_ok=True)
        fixed = {"EX": str(EXAMPLE), "DB": str(db)}
        return [fixed[t[1:-1]] if t[1:-1] in fixed else
                rng.choice(PLACES[t[1:-1]]) if t.startswith("{") else t
                for t in seed.text.split()]
    path = workdir / seed.name
    path.write_bytes(data)
    if seed.kind == "scenario" and not (workdir / EXAMPLE.name).exists():
        shutil.copy(EXAMPLE, workdir / EXAMPLE.name)
    db = workdir / "fuzz.db"
    if db.exists():
        db.unlink()  # each case starts with an empty database
    return command(seed, path, workdir, rng)


def run_case(argv: list[str]) -> tuple[int, str, str]:
    """``towerplan ARGV`` in this process: (exit status, stdout, stderr)."""
    out, err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8"), io.StringIO()
    old = os.environ.get("TOWERPLAN_TODAY")
    os.environ["TOWERPLAN_TODAY"] = TODAY
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 2
    finally:
        gc.enable()  # main() pauses the cyclic collector for one-shot commands
        if old is None:
            os.environ.pop("TOWERPLAN_TODAY", None)
        else:
            os.environ["TOWERPLAN_TODAY"] = old
    out.flush()
    return code, out.buffer.getvalue().decode("utf-8", "replace"), err.getvalue()


def problem(code: int, err: str, argv: list[str]) -> str | None:
    """What is wrong with an outcome (``None``: a success or a clean refusal)."""
    if "Traceback" in err or "internal error" in err:
        return err.strip().splitlines()[-1][:300]
    if code == 0:
        return None
    if code != 2:
        return f"exit {code}: {err.strip()[:300]}"
    lines = err.strip().splitlines()
    if not lines:
        return "exit 2 with nothing said"
    if lines[0].startswith("usage: "):  # argparse: the usage, then one line with the error
        return None if lines[-1].startswith("towerplan") and ": error: " in lines[-1] else \
            f"an argparse refusal without its error line: {lines[-1][:300]!r}"
    named = tuple(a for a in argv if "/" in a) + ("towerplan", "warning:")
    for line in lines:
        if not line.startswith(named):
            return f"a line that names no file: {line[:300]!r}"
    return None
