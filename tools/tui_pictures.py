"""Make the terminal app's pictures in docs/img from the running app.

    .venv/bin/python tools/tui_pictures.py [OUT_DIR]      # default: docs/img

The app runs headless (Textual's pilot) on the Rongfa example with a fresh SQLite file and
``--today 2023-07-05``, after what a site manager does on that morning: the week plan frozen,
B.F24.setout recorded done, and why A.F22.core will not finish (weather). Each screen is
saved as Textual's SVG screenshot and turned into a PNG by ``rsvg-convert`` (Debian:
``apt-get install librsvg2-bin``) or, without it, ``cairosvg`` (``pip install cairosvg``):
a tool for making the docs only, not a dependency of towerplan. Look at each PNG before
committing it.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "rongfa_tower.yaml"
TODAY = dt.date(2023, 7, 5)
# file name: (terminal size, keys pressed after start)
PICTURES = {
    "tui_overview_80x24": ((80, 24), ()),
    "tui_overview_160x48": ((160, 48), ()),
    "tui_schedule": ((120, 36), ("2",)),
}

sys.path.insert(0, str(ROOT))

from projects import service  # noqa: E402  (the repository's own packages)
from tui.app.app import TowerplanApp  # noqa: E402
from tui.app.backend import Backend  # noqa: E402


def morning(db: str) -> None:
    """What is recorded before the pictures: the week plan frozen, a set-out done, a reason."""
    store = service.open_store(db)
    tracked = service.open_tracked(EXAMPLE, store)
    service.freeze_plan(store, tracked, "week", "2023-W27", by="site")
    service.record_progress(store, tracked, "B.F24.setout", finished=TODAY,
                            note="set out at 7am", by="site", today_is=TODAY)
    tracked = service.track(tracked.base, store)
    service.record_reason(store, tracked, "2023-W27", "A.F22.core", "weather",
                          "rain stopped the climbing form", by="site")
    store.dispose()


async def settle(pilot) -> None:
    """Wait until every worker is done and its messages are handled (twice over: the Today
    strip is asked for once the towers are drawn)."""
    from textual.worker import WorkerCancelled

    for _ in range(6):
        for worker in list(pilot.app.workers):
            with contextlib.suppress(WorkerCancelled):
                await worker.wait()
        await pilot.pause(0.1)


async def screenshot(db: str, size: tuple[int, int], keys: tuple[str, ...]) -> str:
    """The SVG of the app at ``size`` after pressing ``keys``."""
    app = TowerplanApp(Backend(EXAMPLE, db, today=TODAY), lang="en")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        return app.export_screenshot(title="融发大厦 Rongfa Tower")


def to_png(svg: Path, png: Path) -> None:
    """``svg`` drawn as ``png`` by rsvg-convert, else cairosvg."""
    if shutil.which("rsvg-convert"):
        subprocess.run(["rsvg-convert", str(svg), "-o", str(png)], check=True)
        return
    try:
        import cairosvg  # a dev-time tool, not a dependency of towerplan
    except ImportError:
        sys.exit("tui_pictures: needs rsvg-convert (apt-get install librsvg2-bin) or "
                 "cairosvg (pip install cairosvg)")
    cairosvg.svg2png(url=str(svg), write_to=str(png))


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "img"
    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{Path(tmp) / 'site.db'}"
        morning(db)
        for name, (size, keys) in PICTURES.items():
            svg = Path(tmp) / f"{name}.svg"
            svg.write_text(asyncio.run(screenshot(db, size, keys)), encoding="utf-8")
            to_png(svg, out / f"{name}.png")
            print(f"wrote {out / name}.png ({size[0]}×{size[1]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
