"""``towerplan tui FILE``: the terminal dashboard (Textual)."""

from __future__ import annotations

import os

from projects import service

from ._shared import add_db, add_file, bad_argument, date_arg, refuse_memory


def register(sub) -> None:
    p = sub.add_parser("tui", help="the terminal dashboard: towers ahead/behind, schedule, "
                                   "week plan, nodes",
                       description="Open the terminal dashboard: each tower floor by floor, "
                                   "days ahead or behind, the schedule, this week's plan, key "
                                   "nodes, what-ifs and chart export. Press ? inside for keys.")
    add_file(p)
    add_db(p)
    p.add_argument("--lang", choices=("en", "zh"),
                   help="language (default: Chinese for a zh_* locale, else English)")
    p.add_argument("--today", type=date_arg, metavar="DATE",
                   help="the day to treat as today: the date progress is recorded on unless "
                        "another is typed, and the latest date accepted (default: "
                        "$TOWERPLAN_TODAY, else the system date)")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..app.backend import Backend

    if not os.path.exists(args.file):
        # the app shows errors as notifications; a missing file is better said before it opens
        raise bad_argument(f"no such file: {args.file}", "FILE")
    refuse_memory(service.open_store(args.db))  # what the app records must outlive it
    today = args.today or _env_today()
    backend = Backend(args.file, args.db, today=today)
    backend.prefetch()  # the file loads while Textual starts
    from ..app.app import TowerplanApp  # Textual, only for this command

    TowerplanApp(backend, lang=args.lang).run()
    return 0


def _env_today():
    """``TOWERPLAN_TODAY`` (YYYY-MM-DD), as the progress commands read it; else ``None``."""
    text = os.environ.get("TOWERPLAN_TODAY", "").strip()
    if not text:
        return None
    try:
        return date_arg(text)
    except Exception:
        raise bad_argument(f"TOWERPLAN_TODAY must be a date written YYYY-MM-DD, not {text!r}",
                           "TOWERPLAN_TODAY") from None
