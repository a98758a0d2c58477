"""The import rules of docs/design.md.

The layering itself (tui → projects → scheduler, the feature packages of ``projects/``, the
commands, no cycles) is stated as import-linter contracts in pyproject.toml; import-linter
reads every import statement, those inside functions included. Here: the contracts are kept,
a cycle written inside a function is caught, the project's own modules are imported at the top
of files, and the engine stays light to import (checked in fresh interpreters).
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT

OWN = ("scheduler", "projects", "tui")
# Function-level imports of our own modules that are deliberate: each loads something heavy.
LAZY_ON_PURPOSE = {
    "projects/service/__init__.py",  # plans, scenarios, charts, analysis, exchange: 0.02–0.09 s each
    "projects/storage/store.py",  # the SQLModel tables (schema, repository): ~0.4 s
    "tui/commands/tui.py",  # the Textual app: only for ``towerplan tui``
    "tui/commands/_charts.py",  # the renderers with matplotlib: only to draw a picture
    "tui/commands/report.py",  # the site report, its pictures and fonts: only for ``report``
    "tui/commands/elevation.py",  # the same, for ``elevation``
}


def _modules_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint(' '.join(sorted(sys.modules)))"
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    return set(res.stdout.split())


def _top(mods: set[str]) -> set[str]:
    return {m.split(".")[0] for m in mods}


def test_scheduler_imports_no_project_ui_or_heavy_library():
    tops = _top(_modules_after("import scheduler, scheduler.cpm, scheduler.charts.gantt"))
    assert not tops & {"projects", "tui", "sqlmodel", "textual", "pandas", "matplotlib",
                       "networkx", "sqlalchemy"}


def test_the_service_imports_no_front_end_and_no_heavy_library():
    tops = _top(_modules_after("import projects, projects.service"))
    assert not tops & {"tui", "textual", "matplotlib", "pandas", "sqlmodel", "sqlalchemy"}


def test_the_command_line_loads_no_report_and_no_picture_until_asked():
    mods = _modules_after("import tui.cli; tui.cli.build_parser()")
    assert not mods & {"tui.report.make", "tui.render.elevation", "tui.render.draw"}
    assert not _top(mods) & {"textual", "matplotlib", "pandas", "sqlmodel", "sqlalchemy"}


def test_a_command_imports_only_its_own_module():
    mods = _modules_after("import tui.cli; tui.cli.build_parser(['status', 'x.yaml'])")
    assert {m for m in mods if m.startswith("tui.commands.")} == {
        "tui.commands.status", "tui.commands._shared"}
    everything = _modules_after("import tui.cli; tui.cli.build_parser(['--help'])")
    assert {"tui.commands.tui", "tui.commands.report", "tui.commands.import_"} <= everything


def _lint_imports(cwd, config=None) -> subprocess.CompletedProcess:
    exe = shutil.which("lint-imports") or str(ROOT / ".venv" / "bin" / "lint-imports")
    args = [exe, "--no-cache"] + (["--config", str(config)] if config else [])
    return subprocess.run(args, capture_output=True, text=True, cwd=cwd,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(cwd)})


def test_the_import_contracts_are_kept():
    res = _lint_imports(ROOT)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "0 broken" in res.stdout


def test_a_cycle_through_an_import_inside_a_function_breaks_a_contract(tmp_path):
    pkg = tmp_path / "projects"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "low.py").write_text("def fit():\n    from projects.high import expand\n"
                                "    return expand\n")
    (pkg / "high.py").write_text("from projects.low import fit\n\nexpand = fit\n")
    config = tmp_path / "contracts.ini"
    config.write_text("[importlinter]\nroot_packages =\n    projects\n\n"
                      "[importlinter:contract:cycles]\nname = no cycles\n"
                      "type = acyclic_siblings\nancestors =\n    projects\n")
    res = _lint_imports(tmp_path, config)
    assert res.returncode == 1, res.stdout + res.stderr
    assert "No cycles are allowed in projects" in res.stdout


def _function_level_own_imports(path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for fn in ast.walk(tree):
        if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(fn):
            if isinstance(node, ast.ImportFrom):
                names = ["." * node.level + (node.module or "")]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            found += [f"{node.lineno}: {n}" for n in names
                      if n.startswith(".") or n.split(".")[0] in OWN]
    return found


@pytest.mark.parametrize("folder", ["projects", "tui/commands", "tui/render"])
def test_own_modules_are_imported_at_the_top(folder):
    for path in sorted((ROOT / folder).rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel in LAZY_ON_PURPOSE:
            continue
        assert not _function_level_own_imports(path), rel
    for rel in LAZY_ON_PURPOSE:  # the exceptions are still needed
        if rel.startswith(folder):
            assert _function_level_own_imports(ROOT / rel), rel
