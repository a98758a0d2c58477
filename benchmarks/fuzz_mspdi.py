"""Mutation fuzzing of ``towerplan import`` on MS Project XML (issue 16): each run replaces
one to four element values of a sample file with values broken exports write and checks that
the import (and the check that schedules it) ends in a project or in a ProjectError, never in
another exception; it prints the counts and the slowest case.

    python -m benchmarks.fuzz_mspdi [N] [SEED]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

from projects import ProjectError, service
from tests.exchange.test_mspdi_fuzz import SOURCES, VALUES, mutate


def main(n: int = 2000, seed: int = 1) -> int:
    rng = random.Random(seed)
    texts = [s.read_text(encoding="utf-8") for s in SOURCES]
    counts = {"ok": 0, "refused": 0, "crash": 0}
    slowest = (0.0, "")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.xml"
        for _ in range(n):
            picks = [(rng.randrange(10**6), rng.choice(VALUES)) for _ in range(rng.randint(1, 4))]
            path.write_text(mutate(rng.choice(texts), picks), encoding="utf-8")
            t0 = time.perf_counter()
            try:
                report = service.import_plan(path)
                service.check_project_text(Path(tmp) / "plan.yaml", report.text)
                counts["ok"] += 1
            except ProjectError:
                counts["refused"] += 1
            except Exception:  # what the fuzzing looks for
                counts["crash"] += 1
                print(picks, traceback.format_exc(limit=3), file=sys.stderr)
            took = time.perf_counter() - t0
            slowest = max(slowest, (took, repr(picks)))
    print(f"{n} mutated files: {counts}; slowest {slowest[0]:.2f} s ({slowest[1]})")
    return 1 if counts["crash"] else 0


if __name__ == "__main__":
    sys.exit(main(*map(int, sys.argv[1:3])))
