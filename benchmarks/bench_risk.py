"""Schedule-risk (Monte Carlo) timings: the Rongfa example and a 10k-activity tower network.

    .venv/bin/python benchmarks/bench_risk.py             # both, median of 3 runs
    .venv/bin/python benchmarks/bench_risk.py --repeat 5 --iterations 10000 1000

Targets (issue 5), on the project's 2-core machine: 10,000 iterations on the Rongfa example
in under 5 s; 1,000 iterations on a 10k-activity network in under 30 s.

The 10k network is the Rongfa example grown into a district: its two towers repeated twelve
times (24 towers, 10,068 activities, no progress recorded, so everything is still to do), with the
example's own calendars (seven-day site calendar on the Chinese base, Mon–Fri office), curing
lags in calendar days, the mobilisation constraints and its risk model (floor correlation,
typhoon-season weather). When the benchmark generator (``benchmarks/generate.py``) is present,
its 10k network is timed as well, with the default risk model.
"""

from __future__ import annotations

import argparse
import copy
import gc
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from projects.project.load import load_project  # noqa: E402
from projects.service import risk  # noqa: E402

EXAMPLE = ROOT / "examples" / "rongfa_tower.yaml"


def district(pairs: int):
    """The Rongfa example with ``pairs`` pairs of towers and nothing recorded."""
    base = load_project(EXAMPLE)
    raw = copy.deepcopy(base.raw)
    raw["project"] = {k: v for k, v in raw["project"].items() if k != "status_date"}
    for phase in raw["phases"].values():
        for row in phase:
            for key in ("actual_start", "actual_finish", "remaining"):
                row.pop(key, None)
    towers = []
    for k in range(pairs):
        for body in raw["towers"]:
            tower = {key: v for key, v in body.items() if key != "actuals"}
            if k:
                tower["id"] = f"{body['id']}{k + 1}"
                tower["nodes"] = [n for n in body["nodes"] if n["id"] != "topping_out"]
            towers.append(tower)
    raw["towers"] = towers
    return load_project(EXAMPLE, text=base.text, raw=raw)


def generated_10k():
    """The benchmark generator's 10k network, when the generator is in this checkout."""
    try:
        from benchmarks import generate
    except ImportError:
        return None
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="towerplan-bench-"))
    yaml_path, _ = generate.paths("10k", folder)
    generate.write_yaml(generate.generate("10k"), yaml_path)
    return load_project(yaml_path)


def timed(project, iterations: int, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        result = None
        gc.collect()
        t0 = time.perf_counter()
        result = risk(project, iterations=iterations, seed=1)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def report(label: str, project, iterations: int, repeat: int, target: float) -> bool:
    n, links = len(project.network.activities), len(project.network.links)
    seconds, result = timed(project, iterations, repeat)
    ok = seconds < target
    print(f"{label}: {n:,} activities, {links:,} links, {iterations:,} iterations: "
          f"{seconds:.2f} s (median of {repeat}; target < {target:g} s) "
          f"{'ok' if ok else 'TOO SLOW'}")
    f = result.finish
    print(f"  project finish deterministic {f.deterministic}, P50 {f.p50}, P80 {f.p80}, "
          f"P90 {f.p90}")
    return ok


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--iterations", type=int, nargs=2, default=(10_000, 1_000),
                        metavar=("RONGFA", "TEN_K"))
    parser.add_argument("--pairs", type=int, default=12, help="tower pairs in the district")
    args = parser.parse_args(argv)
    ok = report("Rongfa example", load_project(EXAMPLE), args.iterations[0], args.repeat, 5)
    ok &= report(f"Rongfa district ({args.pairs * 2} towers)", district(args.pairs),
                 args.iterations[1], args.repeat, 30)
    gen = generated_10k()
    if gen is not None:
        ok &= report("generated 10k network", gen, args.iterations[1], args.repeat, 30)
    else:
        print("generated 10k network: benchmarks/generate.py not in this checkout; skipped")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
