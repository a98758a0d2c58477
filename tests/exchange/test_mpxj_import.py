"""``towerplan import plan.xer|plan.mpp`` through MPXJ: a P6 file made by MPXJ from towerplan's
own plan comes back with its activity ids, links, lags and dates; without Java or without the
``mpp`` extra the command says in one line what to install and exits 2."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from projects import service
from projects.exchange.mpxj_read import missing
from tests.conftest import ROOT, run_cli

DUMP = Path(__file__).with_name("mpxj_dump.py")
CASE = ROOT / "tests" / "cases" / "links_all_types.yaml"
needs_mpxj = pytest.mark.skipif(missing() is not None, reason=missing() or "")


def test_without_java_one_line_names_the_package(tmp_path):
    plan = tmp_path / "plan.xer"
    plan.write_text("ERMHDR\t8.4\n", encoding="utf-8")
    res = run_cli("import", plan, "-o", tmp_path / "x.yaml", env={"JAVA_HOME": "/nonexistent"})
    assert res.returncode == 2 and len(res.stderr.strip().splitlines()) == 1
    assert "default-jre-headless" in res.stderr and "Traceback" not in res.stderr
    assert not (tmp_path / "x.yaml").exists()


def test_without_the_extra_one_line_names_it(tmp_path):
    plan = tmp_path / "plan.mpp"
    plan.write_bytes(b"\xd0\xcf\x11\xe0")
    code = ("import sys; sys.modules['mpxj'] = None; from tui.cli import main; "
            f"sys.exit(main(['import', {str(plan)!r}, '-o', {str(tmp_path / 'x.yaml')!r}]))")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert res.returncode == 2 and len(res.stderr.strip().splitlines()) == 1
    assert "pip install 'towerplan[mpp]'" in res.stderr and "mpxj not installed" in res.stderr


def test_unknown_kind_is_refused(tmp_path):
    plan = tmp_path / "plan.gan"
    plan.write_text("<project/>", encoding="utf-8")
    res = run_cli("import", plan, "-o", tmp_path / "x.yaml")
    assert res.returncode == 2
    assert "cannot import a .gan: towerplan imports MS Project XML (.xml)" in res.stderr


@pytest.fixture(scope="module")
def xer_files(tmp_path_factory):
    """The links case as P6 files written by MPXJ: with towerplan's fields and without."""
    tmp = tmp_path_factory.mktemp("xer")
    project = service.open_project(CASE)
    args = []
    for aliases in (True, False):
        xml = tmp / f"plan_{aliases}.xml"
        service.export_mspdi(project, xml)
        if not aliases:
            text = xml.read_text(encoding="utf-8")
            for tag in ("ExtendedAttributes", "ExtendedAttribute"):
                text = re.sub(f"<{tag}>.*?</{tag}>", "", text, flags=re.S)
            xml.write_text(text, encoding="utf-8")
        args += [str(xml), str(tmp / f"plan_{aliases}.xer")]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    res = subprocess.run([sys.executable, str(DUMP), "--to-xer", *args], capture_output=True,
                         text=True, env=env, timeout=300)
    assert res.returncode == 0, res.stderr[-2000:]
    return {True: Path(args[1]), False: Path(args[3])}


@needs_mpxj
@pytest.mark.parametrize(("aliases", "origin"), [
    (True, "written by towerplan: ids kept"),  # towerplan's fields travel as P6 UDFs
    (False, "P6 activity ids kept"),
])
def test_p6_file_comes_back_with_ids_links_and_dates(aliases, origin, xer_files, tmp_path):
    project, sched = service.load_and_schedule(CASE)
    xer = xer_files[aliases]
    out = tmp_path / "back.yaml"
    res = run_cli("import", xer, "-o", out, timeout=300)
    assert res.returncode == 0, res.stderr
    assert f"({origin})" in res.stderr.splitlines()[0]
    back, back_sched = service.load_and_schedule(out)
    by_name = {a.name: a.id for a in back.network.activities}
    rename = {by_name[a.name]: a.id for a in project.network.activities}
    if aliases:
        assert all(k == v for k, v in rename.items())
    else:  # P6's activity ids, as MPXJ numbered them
        assert sorted(rename) == ["1", "2", "3", "4", "5", "6"]
    assert {(rename[x.pred], rename[x.succ], x.type, x.lag) for x in back.network.links} == \
        {(x.pred, x.succ, x.type, x.lag) for x in project.network.links}
    for a in back.network.activities:
        mine = sched[rename[a.id]]
        assert (back_sched[a.id].start, back_sched[a.id].finish) == (mine.start, mine.finish)


@needs_mpxj
def test_a_file_mpxj_cannot_read_is_refused_in_one_line(tmp_path):
    plan = tmp_path / "plan.mpp"
    plan.write_bytes(b"hello world")
    res = run_cli("import", plan, "-o", tmp_path / "x.yaml", timeout=300)
    assert res.returncode == 2 and len(res.stderr.strip().splitlines()) == 1
    assert res.stderr.startswith(f"{plan}: not a plan MPXJ can read")
