"""The app's writes and the history of what was recorded: progress (done, started, a pour,
a withdraw), reasons, frozen plans and the plan level remembered for the project.

Mixed into :class:`tui.app.backend.Backend`; every call goes through :mod:`projects.service`,
holds the backend's lock, and reads the database again afterwards so every screen shows what
was saved. Each write raises ``ProjectError`` (nothing saved) for what the service refuses.
"""

from __future__ import annotations

import datetime as dt

from projects import service

from .views import History, HistoryLine

PLAN_KEY = "app.plan_level"
SOURCE = "towerplan tui"


class Writes:
    """Recording through the service (the backend provides ``store``, ``tracked()``,
    ``today``, ``_lock`` and ``_recorded()``)."""

    def record(self, activity: str, *, started: dt.date | None = None,
               finished: dt.date | None = None, note: str | None = None):
        """Record that ``activity`` (or a floor, ``B.F24``) started or finished on a date,
        with a note. Returns the ``ProgressEntry`` saved."""
        with self._lock:
            entry = service.record_progress(self.store, self.tracked(), activity,
                                            started=started, finished=finished,
                                            note=note or None, today_is=self.today,
                                            source=SOURCE)
            self._recorded()
        return entry

    def withdraw(self, activity: str, note: str | None = None):
        """Cancel what was recorded for ``activity`` (a withdraw entry; the history keeps the
        entries it cancels). Returns the entry saved."""
        with self._lock:
            entry = service.record_progress(self.store, self.tracked(), activity,
                                            withdraw=True, note=note or None,
                                            today_is=self.today, source=SOURCE)
            self._recorded()
        return entry

    def pour(self, tower: str, floor: str, day: dt.date, note: str | None = None):
        """Record floor ``floor`` of ``tower`` poured on ``day`` (the floor's structure)."""
        return self.record(f"{tower}.{floor}", finished=day, note=note)

    def towers(self) -> tuple[str, ...]:
        """The ids of the project's towers."""
        return tuple(t.id for t in self.tracked().base.towers)

    def history(self, activity: str) -> History:
        """Every progress entry recorded for ``activity`` (for a pour, its floor's entries
        too), each marked when a later withdraw cancelled it, and its reasons."""
        tracked = self.tracked()
        ids = [activity]
        if activity.endswith(".pour"):
            ids.insert(0, activity.rsplit(".", 1)[0])
        entries = sorted((e for aid in ids
                          for e in service.progress_history(self.store, tracked, aid)),
                         key=lambda e: e.id or 0)
        return History(activity, _cancelled(entries),
                       service.reason_history(self.store, tracked, activity))

    def reason(self, period, activity: str, cause: str, text: str = ""):
        """Record why an item of a frozen week plan was not done."""
        with self._lock:
            return service.record_reason(self.store, self.tracked(), period, activity, cause,
                                         text)

    def freeze(self, level: str, period):
        """Freeze the plan of ``level`` for ``period`` as it is derived now (``FrozenPlan``)."""
        with self._lock:
            return service.freeze_plan(self.store, self.tracked(), level, period,
                                       today=self.today)

    def freeze_week(self, period):
        """Freeze the week's plan as it is derived now (``FrozenPlan``)."""
        return self.freeze("week", period)

    def plan_level(self) -> str:
        """The plan level last chosen in the app for this project (``master`` at first)."""
        return service.remembered(self.store, self.tracked(), PLAN_KEY) or "master"

    def remember_plan_level(self, level: str) -> None:
        """Save the plan level chosen, for the next start."""
        with self._lock:
            service.remember(self.store, self.tracked(), PLAN_KEY, level)


def _cancelled(entries) -> tuple[HistoryLine, ...]:
    """Each entry with whether a later withdraw entry of the same id cancels it (the rule
    of ``projects.recorded.live``)."""
    lines = []
    for k, e in enumerate(entries):
        later = any(x.withdraw and x.activity == e.activity for x in entries[k + 1:])
        lines.append(HistoryLine(e, later and not e.withdraw))
    return tuple(lines)
