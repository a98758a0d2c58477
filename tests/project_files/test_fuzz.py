"""Mutated inputs never crash towerplan (issue 16): a small, fixed budget of mutations of the
YAML cases and a progress CSV, each either read or refused cleanly (exit 2, every line naming
its file). ``benchmarks/fuzz.py`` runs the same mutations for as long as asked, with memory and
time limits; what it found is in benchmarks/README.md."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzzkit import make_input, prepare, problem, run_case, seeds

SEEDS = seeds(small=True)


@settings(max_examples=40, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(k=st.integers(0, len(SEEDS) - 1), salt=st.integers(0, 2**32 - 1))
def test_a_mutated_input_is_read_or_refused_cleanly(tmp_path, k, salt):
    seed, rng = SEEDS[k], random.Random(salt)
    argv = prepare(seed, make_input(seed, rng), tmp_path, rng)
    code, _, err = run_case(argv)
    assert problem(code, err, argv) is None, (seed.name, salt, argv, err)


def test_the_unmutated_seeds_are_read_as_they_are(tmp_path):
    """The fuzzing starts from inputs that work (the cases with an expected error aside)."""
    for seed in SEEDS:
        argv = prepare(seed, seed.text.encode(), tmp_path, random.Random(0))
        if seed.kind == "cli":
            continue
        if seed.kind == "project":
            argv = ["validate", argv[1]]
        code, _, err = run_case(argv)
        assert problem(code, err, argv) is None, (seed.name, err)
        assert code == 0 or seed.name in ("loop.yaml", "unknown_predecessor.yaml") or \
            seed.name.startswith("tower_"), (seed.name, err)
