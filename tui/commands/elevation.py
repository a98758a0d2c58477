"""``towerplan elevation FILE -o progress.png``: the building-elevation progress picture
(形象进度图) on its own: each tower to scale, every floor filled by how far the trades have got,
the master plan's floor today and the days ahead or behind (``towerplan status``'s figure)."""

from __future__ import annotations

from ..i18n import detect
from ..render import check_output
from ._shared import add_as_of, add_db, add_file, open_tracked


def register(sub) -> None:
    p = sub.add_parser("elevation", help="the building-elevation progress picture",
                       description="Draw each tower to scale from its storey heights, every "
                                   "floor coloured and hatched by how far each trade has got, "
                                   "the floor the master plan expects today and the gap.")
    add_file(p)
    p.add_argument("-o", "--output", default="elevation.png", metavar="OUT",
                   help="the picture: .png, .svg or .pdf by its extension "
                        "(default elevation.png)")
    add_as_of(p)
    p.add_argument("--lang", choices=("en", "zh"),
                   help="the picture's language (default: the locale's)")
    add_db(p)
    p.set_defaults(func=run)


def run(args) -> int:
    # the report, its pictures and fonts: imported only for this command
    from ..report.make import check_folder, make_elevation

    check_folder(check_output(args.output))
    store, tracked = open_tracked(args)
    pic = make_elevation(store, tracked, args.output, args.lang or detect(), as_of=args.as_of)
    size = f"{pic.width_px} × {pic.height_px} px"
    if not pic.path.lower().endswith(".png"):
        size = f"{pic.width_px / 120:.1f} × {pic.height_px / 120:.1f} in"
    print(f"wrote {pic.path}: building elevation at {pic.status_date}, {size}")
    return 0
