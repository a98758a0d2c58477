"""Mutation fuzzing with a large budget, each case in a child process with limits (issue 16).

    .venv/bin/python benchmarks/fuzz.py                    # 2 minutes of cases
    .venv/bin/python benchmarks/fuzz.py --seconds 1800 --start 100000 --out /tmp/fuzz
    .venv/bin/python benchmarks/fuzz.py --replay /tmp/fuzz/case-123.json

The seeds are the example project and scenarios, the YAML cases of tests/cases and a progress
CSV; :mod:`tests.fuzzkit` mutates them (numbers, dates, floor ranges and values swapped for edge
values, ids swapped, lines deleted, duplicated or swapped, the file cut short, control
characters and YAML punctuation inserted, alias bombs, bytes that are not UTF-8) and runs the
command that reads them. The parent imports everything once and forks a child per case; the
child's data segment may grow by ``--memory`` MB at most (``RLIMIT_DATA``), its peak resident
size is checked against the same figure, and its time is limited to
``--timeout`` seconds (``alarm``). A finding is an "internal error", a traceback, an exit status
other than 0 or 2, a message line naming no file, a case killed by the time limit, or a peak
resident size over the memory budget. Each finding is written to ``--out`` as a JSON file with
the mutated input, to be replayed with ``--replay``.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import random
import resource
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fuzzkit import Seed, make_input, prepare, problem, run_case, seeds  # noqa: E402


def child(argv: list[str], memory_mb: int, timeout: int, report: Path) -> None:
    """In the forked child: limits on, run, write (code, problem) to ``report``, exit."""
    limit = _data_kb() * 1024 + memory_mb * 2**20  # the warm parent's data plus the budget
    resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
    signal.alarm(timeout)
    code, _, err = run_case(argv)
    report.write_text(json.dumps({"code": code, "problem": problem(code, err, argv),
                                  "stderr": err[-2000:]}))
    os._exit(0)


def _data_kb(field: str = "VmData") -> int:
    """This process's data segment now (VmData, kB): already about 1 GB of mostly untouched
    reservations (numpy's, the allocators') once everything is imported; or its resident
    size (VmRSS), which a forked child starts with."""
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith(field + ":"))


def run_one(argv: list[str], memory_mb: int, timeout: int, workdir: Path) -> dict:
    """Fork, run ``argv`` in the child, and return its outcome with seconds and peak RSS."""
    report = workdir / "report.json"
    report.unlink(missing_ok=True)
    sys.stdout.flush()
    sys.stderr.flush()
    before_mb = _data_kb("VmRSS") / 1024
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        try:
            child(argv, memory_mb, timeout, report)
        finally:
            os._exit(3)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.monotonic() - started
    rss_mb = usage.ru_maxrss / 1024 - before_mb  # what the case added to the warm parent
    got = json.loads(report.read_text()) if report.exists() else None
    if got is None:
        sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
        what = f"killed after {seconds:.1f} s (time limit)" if sig == signal.SIGALRM else \
            f"the child died (status {status}, signal {sig})"
        got = {"code": None, "problem": what, "stderr": ""}
    elif rss_mb > memory_mb:
        got["problem"] = got["problem"] or f"peak memory {rss_mb:.0f} MB"
    return {**got, "seconds": round(seconds, 2), "rss_mb": round(rss_mb)}


def fuzz(args) -> int:
    """Run cases from ``--start`` until ``--seconds`` or ``--cases`` run out."""
    pool = seeds()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    done = found = 0
    worst = {"seconds": 0.0, "rss_mb": 0}
    codes: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for seed in pool:  # once unmutated, in this process: every child starts warm
            if seed.kind != "cli":
                run_case(prepare(seed, seed.text.encode(), work, random.Random(0)))
        end = time.monotonic() + args.seconds
        salt = args.start
        while time.monotonic() < end and (not args.cases or done < args.cases):
            seed, rng = pool[salt % len(pool)], random.Random(salt)
            data = make_input(seed, rng)
            argv = prepare(seed, data, work, rng)
            got = run_one(argv, args.memory, args.timeout, work)
            done += 1
            codes[got["code"]] = codes.get(got["code"], 0) + 1
            for key in ("seconds", "rss_mb"):
                if got[key] > worst[key]:
                    worst[key] = got[key]
                    worst[f"{key}_case"] = f"{salt} ({seed.name}, {argv[0]})"
            if got["problem"]:
                found += 1
                _keep(out / f"case-{salt}.json", seed, salt, data,
                      [a.replace(str(work), "{work}") for a in argv], got)
                print(f"case {salt} ({seed.name}, {' '.join(argv[:1])}): {got['problem']}",
                      flush=True)
            salt += 1
    print(f"{done} cases (salts {args.start}–{salt - 1}), {found} findings; exit codes "
          f"{dict(sorted(codes.items(), key=str))}; slowest {worst['seconds']} s "
          f"(case {worst.get('seconds_case')}), peak RSS {worst['rss_mb']} MB "
          f"(case {worst.get('rss_mb_case')})")
    return 1 if found else 0


def _keep(path: Path, seed: Seed, salt: int, data: bytes, argv: list[str], got: dict) -> None:
    path.write_text(json.dumps({"seed": seed.name, "kind": seed.kind, "salt": salt,
                                "argv": argv, "input": base64.b64encode(data).decode(),
                                **got}, indent=1, ensure_ascii=False))


def replay(args) -> int:
    """Run a kept finding again in this process (with its traceback, for debugging)."""
    case = json.loads(Path(args.replay).read_text())
    seed = next(s for s in seeds() if s.name == case["seed"])
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        prepare(seed, base64.b64decode(case["input"]), work, random.Random(case["salt"]))
        argv = [a.replace("{work}", str(work)) for a in case["argv"]]
        print(" ".join(argv))
        os.environ["TOWERPLAN_DEBUG"] = "1"
        code, out, err = run_case(argv)
        print(f"exit {code}\n{err}")
    return 0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--seconds", type=float, default=120, help="how long to run (default 120)")
    p.add_argument("--cases", type=int, default=0, help="stop after this many cases")
    p.add_argument("--start", type=int, default=0, help="the first case's salt (default 0)")
    p.add_argument("--memory", type=int, default=1024, help="MB per case (default 1024)")
    p.add_argument("--timeout", type=int, default=10, help="seconds per case (default 10)")
    p.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "towerplan-fuzz"),
                   help="where findings are written")
    p.add_argument("--replay", metavar="CASE.json", help="run one kept finding again")
    args = p.parse_args()
    return replay(args) if args.replay else fuzz(args)


if __name__ == "__main__":
    sys.exit(main())
