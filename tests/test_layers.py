"""The import rules of DESIGN.md, checked in fresh interpreters."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def _modules_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint(' '.join(sorted(sys.modules)))"
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    return set(res.stdout.split())


def _top(mods: set[str]) -> set[str]:
    return {m.split(".")[0] for m in mods}


def test_scheduler_imports_no_project_ui_or_heavy_library():
    tops = _top(_modules_after("import scheduler, scheduler.cpm"))
    assert not tops & {"projects", "tui", "sqlmodel", "textual", "pandas", "matplotlib",
                       "networkx", "sqlalchemy"}


def test_projects_never_imports_tui_or_textual():
    tops = _top(_modules_after("import projects, projects.service, projects.project.load"))
    assert not tops & {"tui", "textual"}


def test_scheduler_sources_do_not_name_upper_layers():
    for path in (ROOT / "scheduler").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for banned in ("import projects", "from projects", "import tui", "from tui",
                       "sqlmodel", "import textual", "from textual"):
            assert banned not in text, f"{path.name} mentions {banned!r}"


def test_projects_sources_do_not_name_tui():
    for path in (ROOT / "projects").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for banned in ("import tui", "from tui", "import textual", "from textual"):
            assert banned not in text, f"{path.name} mentions {banned!r}"
