"""``towerplan tui FILE``: the terminal dashboard (Textual)."""

from __future__ import annotations

import os

from .common import add_file, bad_argument, date_arg


def register(sub) -> None:
    p = sub.add_parser("tui", help="the terminal dashboard: towers ahead/behind, schedule, "
                                   "week plan, nodes",
                       description="Open the terminal dashboard: each tower floor by floor, "
                                   "days ahead or behind, the schedule, this week's plan, key "
                                   "nodes, what-ifs and chart export. Press ? inside for keys.")
    add_file(p)
    p.add_argument("--db", metavar="URL",
                   help="progress database (default: $TOWERPLAN_DB, else a SQLite file next "
                        "to the project file)")
    p.add_argument("--lang", choices=("en", "zh"),
                   help="language (default: Chinese for a zh_* locale, else English)")
    p.add_argument("--today", type=date_arg, metavar="DATE",
                   help="the day to treat as today (default: the system date): the default "
                        "date for recording progress")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..app.backend import Backend

    if not os.path.exists(args.file):
        # the app shows errors as notifications; a missing file is better said before it opens
        raise bad_argument(f"no such file: {args.file}", "FILE")
    backend = Backend(args.file, args.db or os.environ.get("TOWERPLAN_DB"), today=args.today)
    backend.prefetch()  # the file loads while Textual starts
    from ..app.app import TowerplanApp  # Textual, only for this command

    TowerplanApp(backend, lang=args.lang).run()
    return 0
