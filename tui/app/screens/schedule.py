"""The schedule: every activity with its dates, floats and critical flag; filters, sorting, and
the selected activity's links and why it is critical.

Large networks (10k activities) stay smooth: the cells of every row are prepared once, in a
worker, when the schedule arrives; filtering and sorting also run in a worker and hand the
table a new list of rows, which :class:`~tui.app.widgets.virtual_table.VirtualTable` swaps in
at no cost (it draws only the lines on screen). Typing in the search box is debounced, so the
rows are chosen once per pause in typing, not per keystroke.
"""

from __future__ import annotations

from dataclasses import replace

from rich.cells import cell_len
from rich.style import Style
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Checkbox, Input, Select, Static

from ...i18n import t
from ..widgets.activity_panel import ActivityPanel, activity_state
from ..widgets.virtual_table import Column, VirtualTable
from ..work import deliver
from .base import SectionScreen
from .recording import Recording, Selected
from .schedule_query import Query, parse_floors, select_rows

COLUMNS = ("id", "start", "finish", "tf", "ff", "crit", "state", "name")
WIDTHS = {"start": 10, "finish": 10, "tf": 4, "ff": 4, "crit": 4, "state": 7, "name": 60}
NAME_ROOM = 24  # the least the name column is given before free float and "Crit" make way
OPTIONAL = ("ff", "crit")  # drawn when the name still has its room (critical: TF in bold)
NUMERIC = ("tf", "ff")
STATE_STYLES = {"complete": "dim", "in_progress": "yellow"}


def _room(columns, hidden, gap: int, width: int) -> int:
    """The cells left for the name (the last column) in ``width``."""
    return width - sum(c.width + gap for c in columns[:-1] if c.key not in hidden) - gap


def first_open(rows) -> int:
    """The first row not complete (the table opens at the work going on now)."""
    return next((k for k, r in enumerate(rows) if r.state != "complete"), 0)


def table_cells(rows) -> dict[str, tuple]:
    """The table cells of each row by activity id: built once, in a worker (10k rows take a
    third of a second)."""
    red, bold_red, bold = Style(color="red"), Style(color="red", bold=True), Style(bold=True)
    states = {s: (activity_state(s), Style.parse(STATE_STYLES.get(s, "none")))
              for s in ("not_started", "in_progress", "complete")}
    out = {}
    for r in rows:
        tf = str(r.total_float)
        tf_cell = (tf, bold_red if r.critical else red) if r.total_float < 0 else \
            (tf, bold) if r.critical else tf
        out[r.id] = (r.id, r.start.isoformat(), r.finish.isoformat(), tf_cell, str(r.free_float),
                     ("●", bold_red) if r.critical else "", states[r.state], r.name)
    return out


class ScheduleScreen(Recording, SectionScreen):
    """Filters on top, the activity table, the selected activity's panel below (or beside
    it on a wide terminal); ``d``/``b`` record the selected activity done or started, ``h``
    shows what was recorded for it."""

    SECTION = "schedule"
    MAIN = "VirtualTable"
    BINDINGS = [
        Binding("d", "record('finished')", "key.done"),
        Binding("b", "record('started')", "key.started", show=False),
        Binding("h", "history", "key.history"),
        Binding("slash", "focus_search", "key.search", key_display="/"),
        Binding("c", "toggle_critical", "key.critical"),
        Binding("t", "next_tower", "key.tower"),
        Binding("f", "focus_floors", "key.floors", show=False),
        Binding("s", "sort_next", "key.sort"),
        Binding("S", "sort_reverse", "key.reverse", show=False),
        Binding("x", "clear", "key.clear", show=False),
    ]

    class Filtered(Message):
        def __init__(self, result) -> None:
            super().__init__()
            self.rows, self.cells = result

    class DetailLoaded(Message):
        def __init__(self, detail) -> None:
            super().__init__()
            self.detail = detail

    def __init__(self) -> None:
        super().__init__()
        self.data = None
        self.cells: dict[str, tuple] = {}
        self.query_state = Query()
        self._shown: list[str] = []  # activity ids in table order
        self._rows: dict = {}  # ActivityRow by id
        self._columns: tuple[Column, ...] = ()  # every column at its natural width
        self._search_timer: Timer | None = None
        self._detail_timer: Timer | None = None

    def body(self) -> ComposeResult:
        with Horizontal(id="filters"):
            yield Select([], prompt=t("sch.all_towers"), id="tower", compact=True)
            yield Input(placeholder=t("sch.floors"), id="floors", compact=True)
            yield Checkbox(t("sch.critical"), id="critical", compact=True)
            yield Input(placeholder=t("sch.search"), id="search", compact=True)
        yield Static(t("loading"), id="count")
        with Horizontal(id="schedule-main"):
            yield VirtualTable(id="activities")
            with VerticalScroll(id="detail"):
                yield ActivityPanel()

    def failed(self, title: str) -> None:
        self.query_one("#count", Static).update(f"[$text-error]{title}[/]")

    def selected_item(self) -> Selected | None:
        aid = self._cursor_id()
        row = self._rows.get(aid) if aid is not None else None
        return None if row is None else Selected(row.id, row.state, row.finish)

    def shown_ids(self) -> list[str]:
        """The ids of the activities in the table, in its order."""
        return list(self._shown)

    def _add_columns(self, rows) -> None:
        """Fixed widths (the id column fits the longest id, up to 28): the figures stay where
        the eye expects them, and the name comes last, in the room left."""
        if self._columns:
            return
        widths = dict(WIDTHS, id=min(max((len(r.id) for r in rows), default=4), 28))
        labels = {k: t(f"col.{k}") for k in COLUMNS}
        self._columns = tuple(Column(k, labels[k], max(widths[k], cell_len(labels[k])),
                                     k in NUMERIC) for k in COLUMNS)
        self._fit_columns()
        self.call_after_refresh(self._fit_columns)  # once the table has its size

    def on_resize(self) -> None:
        self.set_class(self.size.width >= 190, "wide")
        self.set_class(self.size.height < 30, "short")
        self.call_after_refresh(self._fit_columns)

    def _fit_columns(self) -> None:
        """The name takes the room left, cut with … at the edge: where that is under
        :data:`NAME_ROOM` cells (80 columns), free float and "Crit" make way first (critical
        rows keep their total float in bold) and a rare long id is cut with … (the panel
        shows it whole)."""
        table = self.query_one(VirtualTable)
        # the room beside the vertical scrollbar, which appears once the rows are in
        width = table.size.width - table.styles.scrollbar_size_vertical
        if not self._columns or width <= 0:
            return
        columns = list(self._columns)
        hide = ()
        if _room(columns, (), table.GAP, width) < NAME_ROOM:
            hide = OPTIONAL
            columns[0] = replace(columns[0], width=min(columns[0].width, 16))
        name = max(10, min(_room(columns, hide, table.GAP, width), WIDTHS["name"]))
        columns[-1] = replace(columns[-1], width=name)
        table.hide(hide)
        if tuple(columns) != table.columns:
            table.set_columns(columns)

    # -- loading ------------------------------------------------------------------------------
    def request(self):
        def run():
            data = self.app.backend.schedule_table()
            return data, table_cells(data.rows)

        return run

    async def show(self, data) -> None:
        self.data, self.cells = data
        self._rows = {r.id: r for r in self.data.rows}
        self._add_columns(self.data.rows)
        towers = [(tw, tw) for tw in self.data.towers]
        if any(not r.tower for r in self.data.rows):
            towers.append((t("sch.no_tower"), ""))
        select = self.query_one("#tower", Select)
        select.set_options(towers)
        self.refilter()

    # -- filtering ----------------------------------------------------------------------------
    def refilter(self) -> None:
        """Show the rows that pass the current filters (computed in a worker)."""
        if self.data is not None:
            self.filter_rows(self.data.rows, self.cells, self.query_state)

    @work(thread=True, exclusive=True, group="filter")
    def filter_rows(self, rows, cells, query: Query) -> None:
        def run():
            chosen = select_rows(rows, query)
            return chosen, [cells[r.id] for r in chosen]

        deliver(self, run, self.Filtered)

    def on_schedule_screen_filtered(self, message: Filtered) -> None:
        keep = self._cursor_id()
        self._shown = [r.id for r in message.rows]
        index = next((k for k, aid in enumerate(self._shown) if aid == keep), None)
        if index is None:  # first open (or the row went): the work going on now
            index = first_open(message.rows)
        self.query_one(VirtualTable).show(message.cells, index)
        self._show_count(message.rows)

    def _cursor_id(self) -> str | None:
        row = self.query_one(VirtualTable).cursor
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def _show_count(self, rows) -> None:
        q = self.query_state
        crit = sum(1 for r in rows if r.critical)
        self.query_one("#count", Static).update(t(
            "sch.count", shown=f"{len(rows):,}", total=f"{len(self.data.rows):,}",
            critical=f"{crit:,}", col=t(f"col.{q.sort}"),
            dir=t("sch.desc") if q.reverse else t("sch.asc")))

    def _set(self, **changes) -> None:
        self.query_state = replace(self.query_state, **changes)
        self.refilter()

    @on(Input.Changed, "#search")
    def _search_changed(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(0.25, self._apply_search)

    def _apply_search(self) -> None:
        if self.query_one("#search", Input).value != self.query_state.search:
            self._set(search=self.query_one("#search", Input).value)

    @on(Input.Submitted, "#search")
    def _search_entered(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._apply_search()

    @on(Input.Submitted, "#floors")
    @on(Input.Blurred, "#floors")
    def _floors_entered(self) -> None:
        text = self.query_one("#floors", Input).value.strip()
        try:
            floors = parse_floors(text) if text else None
        except ValueError:
            self.notify(t("sch.bad_floors", text=text), severity="warning")
            return
        if floors != self.query_state.floors:
            self._set(floors=floors)

    @on(Select.Changed, "#tower")
    def _tower_changed(self, event: Select.Changed) -> None:
        value = None if event.value is Select.NULL else event.value
        if value != self.query_state.tower:
            self._set(tower=value)

    @on(Checkbox.Changed, "#critical")
    def _critical_changed(self, event: Checkbox.Changed) -> None:
        if event.value != self.query_state.critical:
            self._set(critical=event.value)

    # -- sorting ------------------------------------------------------------------------------
    def on_virtual_table_header_clicked(self, event: VirtualTable.HeaderClicked) -> None:
        reverse = not self.query_state.reverse if event.key == self.query_state.sort else False
        self._set(sort=event.key, reverse=reverse)

    # -- the selected activity ----------------------------------------------------------------
    def on_virtual_table_highlighted(self) -> None:
        if self._detail_timer is not None:
            self._detail_timer.stop()
        self._detail_timer = self.set_timer(0.12, self._request_detail)

    def _request_detail(self) -> None:
        aid = self._cursor_id()
        if aid is None:
            self.query_one(ActivityPanel).detail = None
        else:
            self.load_detail(aid)

    @work(thread=True, exclusive=True, group="detail")
    def load_detail(self, activity_id: str) -> None:
        deliver(self, lambda: self.app.backend.detail(activity_id), self.DetailLoaded)

    def on_schedule_screen_detail_loaded(self, message: DetailLoaded) -> None:
        self.query_one(ActivityPanel).detail = message.detail
        self.query_one("#detail", VerticalScroll).scroll_home(animate=False)

    # -- actions ------------------------------------------------------------------------------
    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_focus_floors(self) -> None:
        self.query_one("#floors", Input).focus()

    def action_toggle_critical(self) -> None:
        box = self.query_one("#critical", Checkbox)
        box.value = not box.value

    def action_next_tower(self) -> None:
        if self.data is None:
            return
        choices = [None, *self.data.towers]
        now = self.query_state.tower
        nxt = choices[(choices.index(now) + 1) % len(choices)] if now in choices else None
        select = self.query_one("#tower", Select)
        select.value = Select.NULL if nxt is None else nxt

    def action_sort_next(self) -> None:
        k = COLUMNS.index(self.query_state.sort)
        self._set(sort=COLUMNS[(k + 1) % len(COLUMNS)], reverse=False)

    def action_sort_reverse(self) -> None:
        self._set(reverse=not self.query_state.reverse)

    def action_clear(self) -> None:
        self.query_one("#search", Input).value = ""
        self.query_one("#floors", Input).value = ""
        self.query_one("#critical", Checkbox).value = False
        self.query_one("#tower", Select).value = Select.NULL
        self.query_state = Query(sort=self.query_state.sort, reverse=self.query_state.reverse)
        self.refilter()
