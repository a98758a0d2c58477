"""Mutated MS Project XML never crashes the import: every element's text replaced by values a
broken export writes (``1e309``, ``inf``, ``8 am``, empty, huge, negative, a date in year 1)
gives either a project file or one clear error naming the file (issue 16). A small budget
here; ``benchmarks/fuzz_mspdi.py`` runs a large one."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from projects import ProjectError, service
from tests.conftest import ROOT

SOURCES = [ROOT / "tests" / "data" / n for n in ("site_office_mspdi.xml",
                                                 "msproject2007_task_links.xml")]
VALUES = ["", "1e309", "inf", "-inf", "nan", "-1", "0", "99999999999999999999", "8 am",
          "abc", "PT99999999H0M0S", "P1Y", "-PT8H0M0S", "0001-01-01T00:00:00",
          "9999-12-31T23:59:59", "2025-02-30T08:00:00", "1", "2", "12", "45"]
_ELEMENT = re.compile(r"<(\w+)>([^<]*)</\1>")


def mutate(text: str, picks: list[tuple[int, str]]) -> str:
    """``text`` with the chosen elements' values (by position) replaced."""
    spans = [m.span(2) for m in _ELEMENT.finditer(text)]
    for index, value in sorted(picks, key=lambda p: -spans[p[0] % len(spans)][0]):
        a, b = spans[index % len(spans)]
        text = text[:a] + value + text[b:]
    return text


def check(text: str, tmp_path) -> None:
    path = tmp_path / "plan.xml"
    path.write_text(text, encoding="utf-8")
    try:
        report = service.import_plan(path)
        service.check_project_text(tmp_path / "plan.yaml", report.text)
    except ProjectError as err:
        assert str(err).startswith(str(tmp_path)), str(err)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(source=st.sampled_from(SOURCES),
       picks=st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from(VALUES)), min_size=1,
                      max_size=4))
def test_mutated_files_import_or_fail_clearly(source, picks, tmp_path):
    check(mutate(source.read_text(encoding="utf-8"), picks), tmp_path)
