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
import gc
import io
import os
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

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
_NUMBER = re.compile(r"(?<![\w.\-])-?\d+(?:\.\d+)?(?![\w.\-:])")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_RANGE = re.compile(r"(?<![\w\-])[BF]?\d+-[BF]?\d+(?![\w\-])")
_WORD = re.compile(r"[A-Za-z_][\w.]*")
_VALUE = re.compile(r"(?<=: )[^,{}\[\]\n#]+")


@dataclass(frozen=True)
class Seed:
    """An input to mutate: its kind, its text, and the file name it is written under."""

    kind: str  # "project", "scenario" or "csv"
    name: str
    text: str


def seeds(small: bool = False) -> list[Seed]:
    """The example files, the YAML cases of tests/cases and a progress CSV (``small``: the
    cases and the CSV only, quick enough for the suite)."""
    out = [Seed("project", p.name, p.read_text(encoding="utf-8"))
           for p in sorted((ROOT / "tests" / "cases").glob("*.yaml"))
           if not p.name.endswith(".expect.yaml")]
    out.append(Seed("csv", "progress.csv", PROGRESS_CSV))
    if not small:
        out.append(Seed("project", EXAMPLE.name, EXAMPLE.read_text(encoding="utf-8")))
        out += [Seed("scenario", p.name, p.read_text(encoding="utf-8"))
                for p in sorted((ROOT / "examples").glob("whatif_*.yaml"))]
    return out


def mutate(text: str, rng: random.Random, rounds: int | None = None) -> bytes:
    """``text`` changed ``rounds`` times (1–3 by default) by the operations below, as bytes
    (one operation writes bytes that are not UTF-8)."""
    for _ in range(rounds or rng.randint(1, 3)):
        text = rng.choice(_OPERATIONS)(text, rng)
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


_OPERATIONS = (_swap(_NUMBER, NUMBERS), _swap(_NUMBER, NUMBERS), _swap(_DATE, DATES),
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
    named = tuple(a for a in argv if "/" in a) + ("towerplan", "warning:")
    for line in lines:
        if not line.startswith(named):
            return f"a line that names no file: {line[:300]!r}"
    return None
