"""Many people at once, and a writer killed mid-write: real processes on a real database."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys

from projects import service
from tests.conftest import ROOT

from .conftest import SMALL

WORKER = r"""
import os, sys, time
from pathlib import Path
from projects import service
url, path, go, tasks = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4].split(",")
store = service.open_store(url)
tracked = service.open_tracked(path, store)
print("ready", flush=True)
while go and not Path(go).exists():
    time.sleep(0.002)
for task in tasks:
    e = service.record_progress(store, tracked, task, started="2025-03-05", by=f"w{os.getpid()}")
    print("saved", e.id, e.activity, flush=True)
"""

KILLED_INSIDE = r"""
import datetime, os, signal, sys
from projects import service
from projects.storage.records import ProgressEntry
from projects.storage import repository
store = service.open_store(sys.argv[1])
with store.writing("small", "Small tower") as session:
    repository.add_progress(session, [ProgressEntry("small", "task02",
                                                    started=datetime.date(2025, 3, 6))])
    print("inside the transaction", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
"""


def _python(code: str, *args) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT), TOWERPLAN_TODAY="2025-04-30")
    return subprocess.Popen([sys.executable, "-c", code, *map(str, args)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _entries(url):
    store = service.open_store(url)
    try:
        return service.progress_history(store, service.open_tracked(SMALL, store))
    finally:
        store.dispose()


def test_four_processes_recording_at_once_all_land(db_url, tmp_path):
    go = tmp_path / "go"
    tasks = [f"task{n:02d}" for n in range(1, 21)]
    workers = [_python(WORKER, db_url, SMALL, go, ",".join(tasks[k::4])) for k in range(4)]
    assert [w.stdout.readline().strip() for w in workers] == ["ready"] * 4
    go.touch()  # all four start writing together
    outs = [w.communicate(timeout=120) for w in workers]
    assert [w.returncode for w in workers] == [0, 0, 0, 0], [err for _, err in outs]
    reported = {line.split()[2]: int(line.split()[1]) for out, _ in outs
                for line in out.splitlines()}
    entries = _entries(db_url)
    assert sorted(reported) == tasks
    assert {e.activity: e.id for e in entries} == reported
    assert sorted(e.id for e in entries) == list(range(1, 21))
    assert len({e.recorded_by for e in entries}) == 4


def test_a_writer_killed_mid_run_loses_nothing_it_reported_saved(db_url):
    tasks = [f"task{n:02d}" for n in range(1, 21)]
    writer = _python(WORKER, db_url, SMALL, "", ",".join(tasks))
    assert writer.stdout.readline().strip() == "ready"
    saved = []
    for line in writer.stdout:  # kill it as soon as three entries are reported
        saved.append(line.split()[2])
        if len(saved) == 3:
            break
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL
    present = [e.activity for e in _entries(db_url)]
    assert present[:3] == saved and present == tasks[:len(present)]
    _check_sound(db_url)


def test_a_writer_killed_inside_its_transaction_leaves_the_database_as_committed(db_url):
    store = service.open_store(db_url)
    service.record_progress(store, service.open_tracked(SMALL, store), "task01",
                            started="2025-03-05")
    store.dispose()
    victim = _python(KILLED_INSIDE, db_url)
    out, _ = victim.communicate(timeout=60)
    assert out.strip() == "inside the transaction" and victim.returncode == -signal.SIGKILL
    assert [e.activity for e in _entries(db_url)] == ["task01"]
    _check_sound(db_url)
    store = service.open_store(db_url)  # and the next writer is not blocked
    service.record_progress(store, service.open_tracked(SMALL, store), "task03",
                            started="2025-03-07")
    store.dispose()
    assert [e.activity for e in _entries(db_url)] == ["task01", "task03"]


def _check_sound(url):
    if not url.startswith("sqlite"):
        return
    store = service.open_store(url)
    with store.engine().connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    store.dispose()


FIRST_CONNECT = r"""
import sys, time
from pathlib import Path
from projects.storage.engine import make_engine
folder, rounds = Path(sys.argv[1]), int(sys.argv[2])
for r in range(rounds):
    print("ready", flush=True)  # imports done, previous round's connection closed
    go = folder / f"go{r}"
    while not go.exists():
        time.sleep(0.0005)
    with make_engine(f"sqlite:///{folder / f'new{r}.db'}").connect() as conn:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS t (x INTEGER)")
        conn.exec_driver_sql("INSERT INTO t VALUES (1)")
        conn.commit()
        print(conn.exec_driver_sql("PRAGMA journal_mode").scalar(), flush=True)
"""


def test_first_connections_to_a_new_sqlite_file_all_get_wal(tmp_path):
    """Several processes opening a database file nobody has opened yet, and writing to it,
    race to switch it to WAL; SQLite answers "locked" at once to the losers instead of waiting,
    so the switch is retried. Repeated on ten new files, because the race is won or lost by
    microseconds: in each round every process says it is ready before the go file appears,
    so all four really open the new file together."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    rounds = 10
    procs = [subprocess.Popen([sys.executable, "-c", FIRST_CONNECT, str(tmp_path), str(rounds)],
                              env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(4)]
    try:
        for r in range(rounds):
            assert [p.stdout.readline().strip() for p in procs] == ["ready"] * 4, r
            (tmp_path / f"go{r}").touch()
            modes = [p.stdout.readline().strip() for p in procs]
            assert modes == ["wal"] * 4, (r, modes, [p.poll() and p.stderr.read() for p in procs])
            with sqlite3.connect(tmp_path / f"new{r}.db") as check:
                assert check.execute("SELECT count(*) FROM t").fetchone() == (4,)
        outs = [p.communicate(timeout=60) for p in procs]
        assert [p.returncode for p in procs] == [0] * 4, [e for _, e in outs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
