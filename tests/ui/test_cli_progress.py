"""``towerplan progress`` as real processes: a floor pour in one command, the history, the
database chosen by --db / TOWERPLAN_DB / the default file, and bad input refused (exit 2, one
line, nothing written)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLE, ROOT

HISTORY_KEYS = {"activity", "started", "finished", "remaining", "note", "recorded_at",
                "recorded_by"}


def test_recording_a_floor_pour_is_one_short_command(cli, tmp_path):
    env = {"TOWERPLAN_DB": str(tmp_path / "site.db"), "TOWERPLAN_USER": "wang"}
    before = EXAMPLE.read_text(encoding="utf-8")
    res = cli("progress", EXAMPLE, "B.F24", "--finished", "2023-07-14", "--note", "pour",
              env=env)
    assert res.returncode == 0, res.stderr
    assert res.stdout.splitlines() == [
        f"saved #1: B.F24 (floor) finished 2023-07-14 · “pour” · by wang · sqlite:///"
        f"{tmp_path}/site.db",
        "status date 2023-07-14 (was 2023-07-04)",
        "B 融发大厦 B塔: 24/37 floors, F24 poured 2023-07-14 · 31 days AHEAD (master plan)"]
    assert EXAMPLE.read_text(encoding="utf-8") == before  # the YAML is never written
    sched = json.loads(cli("schedule", EXAMPLE, "--format", "json", env=env).stdout)
    rows = {a["id"]: a for a in sched["activities"]}
    # the pour's date dates every step of the floor back from it (a 10-day cycle)
    assert (rows["B.F24.pour"]["finish"], rows["B.F24.setout"]["start"]) == ("2023-07-14",
                                                                            "2023-07-05")
    hist = json.loads(cli("progress", EXAMPLE, "--history", "--format", "json", env=env).stdout)
    assert len(hist) == 1 and set(hist[0]) >= HISTORY_KEYS
    assert (hist[0]["activity"], hist[0]["finished"], hist[0]["note"], hist[0]["recorded_by"]) \
        == ("B.F24", "2023-07-14", "pour", "wang")


def test_the_default_database_lives_under_xdg_data_home(cli, tmp_path):
    env = {"XDG_DATA_HOME": str(tmp_path)}
    assert cli("status", EXAMPLE, env=env).returncode == 0
    assert not (tmp_path / "towerplan").exists()  # reading creates nothing
    res = cli("progress", EXAMPLE, "A.F22", "--finished", "2023-07-10", env=env)
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "towerplan" / "towerplan.db").exists()
    other = tmp_path / "other.db"  # --db wins over TOWERPLAN_DB, which wins over the default
    res = cli("progress", EXAMPLE, "--history", "--format", "json", "--db", other,
              env={**env, "TOWERPLAN_DB": str(tmp_path / "towerplan" / "towerplan.db")})
    assert json.loads(res.stdout) == [] and not other.exists()


@pytest.mark.parametrize("args, says", [
    (["A.F22.rebr", "--finished", "2023-07-05"],
     "towerplan: ACTIVITY: no activity or floor 'A.F22.rebr' in examples/rongfa_tower.yaml; "
     "did you mean 'A.F22.rebar' or 'A.F2.rebar' or 'B.F22.rebar'?"),
    (["A.F22.rebar", "--started", "2023-07-06", "--finished", "2023-07-05"],
     "towerplan: --finished: finished 2023-07-05 is before started 2023-07-06"),
    (["B.F24", "--finished", "2023-07-21"],
     "towerplan: --finished: 2023-07-21 is in the future (today is 2023-07-20)"),
    (["B.F25", "--finished", "2023-07-12"],
     "towerplan: --finished: B.F24 has no pour recorded yet: record it first (floors are poured "
     "in order)"),
    (["B.F24", "--finished", "2023-07-12", "--db",
      "postgresql+psycopg://nobody@127.0.0.1:1/none"],
     "towerplan: --db: cannot use the database postgresql+psycopg://nobody@127.0.0.1:1/none: "
     "connection failed: connection to server at \"127.0.0.1\", port 1 failed: Connection "
     "refused"),
])
def test_bad_input_is_one_line_exit_2_and_nothing_written(cli, tmp_path, args, says):
    db = tmp_path / "site.db"
    res = cli("progress", "examples/rongfa_tower.yaml", *args,
              env={"TOWERPLAN_DB": str(db), "TOWERPLAN_TODAY": "2023-07-20"})
    assert (res.returncode, res.stdout, res.stderr.strip()) == (2, "", says)
    assert not db.exists()


def test_a_bad_csv_row_is_reported_by_line_and_nothing_is_imported(cli, tmp_path):
    db = tmp_path / "site.db"
    csv = tmp_path / "week27.csv"
    csv.write_text("activity,started,finished,note\n"
                   "B.F24,,2023-07-14,pour\n"
                   "B.F18.risers,2023-07-05,2023-07-09,\n"
                   "B.F15.facade,2023-07-05,2023/07/10,\n", encoding="utf-8")
    res = cli("progress", EXAMPLE, "--import", csv, "--db", db)
    assert res.returncode == 2
    assert res.stderr.strip() == (f"{csv}:4:3: finished: must be a date written YYYY-MM-DD, "
                                  f"not '2023/07/10'")
    assert not db.exists()
    csv.write_text(csv.read_text(encoding="utf-8").replace("2023/07/10", "2023-07-10"),
                   encoding="utf-8")
    res = cli("progress", EXAMPLE, "--import", csv, "--db", db)
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith(f"imported 3 entries from {csv} (#1–#3)")


def test_a_database_from_a_newer_towerplan_is_refused(cli, tmp_path):
    import sqlite3

    db = tmp_path / "site.db"
    assert cli("plan", "master", EXAMPLE, "--freeze", "--db", db).returncode == 0
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE towerplan_meta SET value = '3'")
    res = cli("progress", EXAMPLE, "B.F24", "--finished", "2023-07-14", "--db", db)
    assert res.returncode == 2
    assert "schema version 3, newer than this towerplan knows (2)" in res.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM progress_entry").fetchone() == (0,)


def test_two_site_managers_recording_at_once_both_land(tmp_path):
    db = tmp_path / "site.db"
    env = dict(os.environ, PYTHONPATH=str(ROOT), TOWERPLAN_DB=str(db), NO_COLOR="1")
    cmds = [["A.F22", "--finished", "2023-07-10", "--by", "li"],
            ["B.F24", "--finished", "2023-07-14", "--by", "wang"]]
    procs = [subprocess.Popen([sys.executable, "-m", "tui", "progress", str(EXAMPLE), *c],
                              env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for c in cmds]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [e for _, e in outs]
    res = subprocess.run([sys.executable, "-m", "tui", "progress", str(EXAMPLE), "--history",
                          "--format", "json"], env=env, cwd=ROOT, capture_output=True,
                         text=True)
    assert sorted((e["activity"], e["recorded_by"]) for e in json.loads(res.stdout)) == [
        ("A.F22", "li"), ("B.F24", "wang")]
