"""Recording from any list that shows activities: ``d`` done, ``b`` started, ``h`` the item's
history (withdraw or correct an entry there).

A screen mixes in :class:`Recording` and says which item is selected
(:meth:`Recording.selected_item`); the dialogs save through the backend in their own worker and
close only once the entry is in the database, then every screen reloads.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...i18n import t
from .dialogs import RecordDialog, Recorded
from .history import HistoryScreen


@dataclass(frozen=True, slots=True)
class Selected:
    """The activity under the cursor: its id, state now and (when done) its finish date;
    ``period`` is the week plan it was picked from (for its reasons), if any."""

    activity: str
    state: str
    finish: object = None  # dt.date | None
    period: object = None  # projects' Period | None


def already_done(item: Selected) -> str:
    """The note shown when marking again an item already recorded done."""
    if item.state != "complete":
        return ""
    return t("rec.already_done", id=item.activity, date=item.finish or "")


class Recording:
    """``d``/``b``/``h`` on the selected activity of a section screen."""

    def selected_item(self) -> Selected | None:
        """The activity under the cursor (``None``: nothing selected)."""
        return None

    def action_record(self, what: str) -> None:
        item = self.selected_item()
        if item is None:
            self.notify(t("rec.nothing_selected"), severity="warning")
            return
        self.app.push_screen(record_dialog(self.app, item.activity, what,
                                           already_done(item) if what == "finished" else ""),
                             self.app.saved)

    def action_history(self) -> None:
        item = self.selected_item()
        if item is None:
            self.notify(t("rec.nothing_selected"), severity="warning")
            return
        self.app.push_screen(HistoryScreen(item.activity, item.period))


def record_dialog(app, activity: str, what: str, note: str = "") -> RecordDialog:
    """The dialog that records ``activity`` started or finished (``what``) through the
    backend of ``app``, dismissing with the sentence that says what was saved."""
    title = t("rec.title_done" if what == "finished" else "rec.title_started", id=activity)

    def save(value: Recorded) -> str:
        entry = app.backend.record(activity, note=value.note, **{what: value.day})
        return t("rec.saved", id=entry.activity, what=t(f"rec.what_{what}"), date=value.day,
                 n=entry.id)

    return RecordDialog(title, app.backend.today, save, note)
