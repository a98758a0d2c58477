"""The first screen's figures worked out on the other core while Textual starts.

Opening the app costs two things of about the same size: Textual (importing it, styling and
drawing the first screen) and the project (reading the file and the database, expanding the
towers, scheduling, the overview's figures and the Today strip). In one process they take turns
on one core (Python runs one thread at a time); here the project's part runs in a child process
forked at launch, on the machine's other core, by the same :class:`~tui.app.backend.Backend`
code. The child sends back, pickled, the project with its recorded progress, the current
schedule, the plan level remembered, the overview on the master plan and on that level, and the
Today strip; the backend then answers the first screen's calls with them, once each.

Anything unusual (no ``fork`` on this system, a broken file, a database that cannot be read,
a child that dies) leaves the backend to work it out itself as it always did, so errors are
said the usual way; nothing is written in the child. Forked before Textual starts any thread.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading

LEVELS = ("master", "year", "month", "week")
WAIT_S = 120  # a child slower than this (a database lock held long) is not waited for


class Early:
    """The answers of a child started by :func:`start`; :meth:`take` waits for them."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.answers: dict = {}

    def receive(self, fd: int, pid: int) -> None:
        """(In a thread) read what the child sends until it closes the pipe, then unpickle."""
        chunks = []
        try:
            while chunk := os.read(fd, 1 << 20):
                chunks.append(chunk)
        finally:
            os.close(fd)
            os.waitpid(pid, 0)
        try:
            self.answers = pickle.loads(b"".join(chunks)) if chunks else {}
        except Exception:  # noqa: BLE001 — a half message: the backend works it out itself
            self.answers = {}
        self.done.set()

    def wait(self) -> dict:
        """Everything the child sent, once it is done (empty if it sent nothing)."""
        self.done.wait(WAIT_S)
        return self.answers if self.done.is_set() else {}


def start(backend) -> Early | None:
    """Fork a child that works out the first screen's answers with ``backend`` (``None``
    where that is not safe: a system other than Linux, or other threads running, one of
    which could hold a lock the child would then wait for forever)."""
    if not sys.platform.startswith("linux") or threading.active_count() > 1:
        return None
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read)
        _child(backend, write)
    os.close(write)
    early = Early()
    threading.Thread(target=early.receive, args=(read, pid), name="towerplan-early",
                     daemon=True).start()
    return early


def _child(backend, fd: int) -> None:
    try:
        quiet = os.open(os.devnull, os.O_WRONLY)  # the terminal is the app's
        os.dup2(quiet, 1)
        os.dup2(quiet, 2)
        answers = {"tracked": backend.tracked(), "current": backend.current()}
        level = backend.plan_level()
        answers[("plan_level",)] = level
        for shown in dict.fromkeys(("master", level) if level in LEVELS else ("master",)):
            answers[("overview", shown, 0)] = backend.overview(shown, 0)
        answers[("today_items",)] = backend.today_items()
        data = pickle.dumps(answers, protocol=pickle.HIGHEST_PROTOCOL)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    except BaseException:  # noqa: BLE001 — the parent works it out and says what is wrong
        pass
    finally:
        os._exit(0)
