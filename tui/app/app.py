"""``towerplan tui``: the Textual app a site manager opens every morning.

The app stays small: it holds the backend (the service, given in the constructor), the plan
level chosen and a revision number that goes up whenever recorded data changes; each screen
watches those and reloads its own data in a worker. Layout lives in ``towerplan.tcss``.
"""

from __future__ import annotations

import datetime as dt

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import ModalScreen

from .. import i18n
from ..i18n import t
from .screens.base import translate_bindings
from .screens.dialogs import pour_dialog
from .screens.export import ExportScreen
from .screens.help import HelpScreen
from .screens.nodes import NodesScreen
from .screens.overview import OverviewScreen
from .screens.schedule import ScheduleScreen
from .screens.week import WeekScreen
from .screens.whatif import WhatIfScreen
from .widgets.bars import LEVELS, SCREENS
from .work import Failed, describe


class TowerplanApp(App):
    """The towerplan dashboard over one :class:`~tui.app.backend.Backend`."""

    CSS_PATH = "towerplan.tcss"
    TITLE = "towerplan"
    MODES = {"overview": OverviewScreen, "schedule": ScheduleScreen, "week": WeekScreen,
             "nodes": NodesScreen, "whatif": WhatIfScreen, "export": ExportScreen}
    DEFAULT_MODE = "overview"
    BINDINGS = [
        Binding("question_mark", "help", "key.help", key_display="?"),
        Binding("q", "quit", "key.quit"),
        Binding("p", "cycle_plan", "key.plan"),
        Binding("left_square_bracket", "earlier", "key.earlier", show=False),
        Binding("right_square_bracket", "later", "key.later", show=False),
        Binding("r", "reload", "key.reload"),
        Binding("P", "pour", "key.pour"),
        *[Binding(str(k), f"go('{name}')", show=False) for k, name in enumerate(SCREENS, 1)],
    ]

    plan_level = reactive("master")
    period_shift = reactive(0)  # periods before (−) or after (+) the one holding the status date
    revision = reactive(0)

    def __init__(self, backend, *, lang: str | None = None, watch_file: float = 1.0) -> None:
        i18n.use(lang)
        super().__init__()
        translate_bindings(self)
        self.backend = backend
        self._watch_every = watch_file  # seconds between looks at the file (0: never)
        self._stamp = None

    def on_mount(self) -> None:
        self._load_plan_level()
        if self._watch_every:
            self._stamp = self.backend.file_stamp()
            self.set_interval(self._watch_every, self._check_file)

    def _check_file(self) -> None:
        """Reload when the project file changed on disk (saved in an editor)."""
        stamp = self.backend.file_stamp()
        if stamp != self._stamp:
            self._stamp = stamp
            self._reload()

    @work(thread=True, exclusive=True, group="settings")
    def _load_plan_level(self) -> None:
        try:
            level = self.backend.plan_level()
        except Exception:  # a broken file or database: the screens say so themselves
            return
        if level in LEVELS:
            self.call_from_thread(setattr, self, "plan_level", level)

    @work(thread=True, group="settings")
    def _save_plan_level(self, level: str) -> None:
        try:
            self.backend.remember_plan_level(level)
        except Exception as err:  # noqa: BLE001 — said, never a crash
            self.call_from_thread(self.on_failed, Failed(err))

    def saved(self, text: str | None) -> None:
        """A dialog saved something (``text`` says what): say so, and every screen
        reloads its figures."""
        if text:
            self.notify(text, timeout=5)
            self.data_changed()

    def set_heading(self, project: str, status: dt.date | None, plan: str) -> None:
        """Show the project, its status date and the plan measured against in the header."""
        self.title = project
        self.sub_title = t("subtitle", date=status, plan=plan) if status else \
            t("subtitle.none", plan=plan)

    def data_changed(self) -> None:
        """Something recorded changed the figures: every screen reloads."""
        self.revision += 1

    # -- actions ------------------------------------------------------------------------------
    def check_action(self, action: str, parameters) -> bool | None:
        # the plan level only means something on the screens that measure against a plan
        if action in ("cycle_plan", "plan"):
            return getattr(self.screen, "USES_PLAN", False)
        if action in ("earlier", "later"):
            return getattr(self.screen, "USES_PLAN", False) and self.plan_level != "master"
        return True

    def action_go(self, section: str) -> None:
        if section in self.MODES and section != self.current_mode:
            self.switch_mode(section)

    def action_plan(self, level: str) -> None:
        self.period_shift = 0
        if level != self.plan_level:
            self.plan_level = level
            self._save_plan_level(level)

    def action_cycle_plan(self) -> None:
        self.action_plan(LEVELS[(LEVELS.index(self.plan_level) + 1) % len(LEVELS)])

    def action_earlier(self) -> None:
        if self.plan_level != "master":
            self.period_shift -= 1

    def action_later(self) -> None:
        if self.plan_level != "master":
            self.period_shift += 1

    def watch_plan_level(self) -> None:
        self.refresh_bindings()  # "[ ]" only mean something below the master plan

    def action_pour(self) -> None:
        """Record a floor poured, from any screen."""
        if isinstance(self.screen, ModalScreen):
            return
        try:
            towers = self.backend.towers()
        except Exception as err:  # noqa: BLE001 — the file is broken: the panel says why
            self.on_failed(Failed(err))
            return
        if not towers:
            self.notify(t("pour.no_towers"), severity="warning")
            return
        self.push_screen(pour_dialog(self, towers), self.saved)

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_reload(self) -> None:
        self._reload()

    @work(thread=True, exclusive=True, group="reload")
    def _reload(self) -> None:
        self.backend.reload()
        self.call_from_thread(self._reloaded)

    def _reloaded(self) -> None:
        self.notify(t("reloaded", file=self.backend.path.name), timeout=3)
        self.data_changed()

    def on_failed(self, message: Failed) -> None:
        title, text = describe(message.error)
        self.notify(text, title=title, severity="error", timeout=10)
