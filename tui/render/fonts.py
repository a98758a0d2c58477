"""Fonts for chart text: Latin from DejaVu Sans, Chinese from a CJK font when one is installed.

matplotlib caches its font list and does not notice fonts installed after the cache was built,
so a CJK font is looked for in the cache first, then among the font files on disk (added to the
cache when found). With no CJK font, a text that cannot be drawn is replaced by its fallback
(an id) and the chart carries one warning naming the Debian package to install; matplotlib is
never asked to draw a glyph it does not have, so no empty boxes are written.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field

from scheduler.charts.common import has_cjk, plain

PACKAGE = "fonts-wqy-microhei"
NO_CJK_ENV = "TOWERPLAN_NO_CJK_FONT"  # set (to anything but "" or 0) to act as if none were there
LATIN = "DejaVu Sans"
CJK_FAMILIES = ("WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans CJK SC",
                "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "Noto Sans CJK JP",
                "Droid Sans Fallback", "AR PL UMing CN", "SimHei", "Microsoft YaHei",
                "PingFang SC")
_FILE_HINTS = ("wqy-", "notosanscjk", "notoserifcjk", "notosanssc", "sourcehansans",
               "droidsansfallback", "uming", "simhei", "msyh")


@dataclass(frozen=True, slots=True)
class Fonts:
    """The font families to draw with and the characters they can draw."""

    families: tuple[str, ...]
    cjk: str | None
    charset: frozenset[int]

    def can_draw(self, text: str) -> bool:
        return all(ord(c) in self.charset or c in "\n\t" for c in text)


def choose_fonts(cjk: bool | None = None) -> Fonts:
    """DejaVu Sans plus a CJK font when one is installed. ``cjk=False`` (or the environment
    variable ``TOWERPLAN_NO_CJK_FONT``) leaves the CJK font out, as on a machine without one."""
    if cjk is None:
        cjk = os.environ.get(NO_CJK_ENV, "") in ("", "0")
    latin_path = _font_path(LATIN)
    charset = set(_charset(latin_path))
    found = _find_cjk() if cjk else None
    if found is None:
        return Fonts((LATIN,), None, frozenset(charset))
    family, path = found
    charset |= _charset(path)
    return Fonts((LATIN, family), family, frozenset(charset))


def _font_path(family: str) -> str:
    from matplotlib import font_manager  # heavy: only when a chart is drawn

    return font_manager.findfont(font_manager.FontProperties(family=family),
                                 fallback_to_default=True)


@functools.lru_cache(maxsize=8)
def _charset(path: str) -> frozenset[int]:
    from matplotlib.ft2font import FT2Font

    return frozenset(FT2Font(path).get_charmap())


@functools.lru_cache(maxsize=1)
def _find_cjk() -> tuple[str, str] | None:
    """(family, file) of an installed CJK font, or ``None``."""
    from matplotlib import font_manager

    by_name = {f.name: f.fname for f in font_manager.fontManager.ttflist}
    for family in CJK_FAMILIES:
        if family in by_name:
            return family, by_name[family]
    files = font_manager.findSystemFonts()
    for hint in _FILE_HINTS:  # in order of preference, regular faces before bold ones
        found = sorted((p for p in files if hint in os.path.basename(p).lower()),
                       key=lambda p: ("bold" in p.lower(), p))
        for path in found:
            try:  # installed after matplotlib built its cache: add it now
                font_manager.fontManager.addfont(path)
                return font_manager.FontProperties(fname=path).get_name(), path
            except (OSError, RuntimeError, ValueError):
                continue
    return None


@dataclass(slots=True)
class Labeller:
    """Turns a name into text the fonts can draw, remembering when it had to fall back."""

    fonts: Fonts
    missed: list[str] = field(default_factory=list)

    def __call__(self, text: str, fallback: str | None = None) -> str:
        if self.fonts.can_draw(text):
            return text
        self.missed.append(text)
        for candidate in (fallback, plain(text, fallback or "")):
            if candidate and self.fonts.can_draw(candidate):
                return candidate
        return "".join(c for c in (fallback or text) if self.fonts.can_draw(c)) or "?"

    def warnings(self) -> tuple[str, ...]:
        """One warning when something could not be drawn as written, else none."""
        if not self.missed:
            return ()
        if any(has_cjk(t) for t in self.missed):
            return (f"no CJK font is installed, so Chinese names are shown as ids "
                    f"({len(self.missed)} labels); install the Debian package {PACKAGE} "
                    f"(apt-get install {PACKAGE}) to draw them",)
        return (f"{len(self.missed)} labels use characters the installed fonts cannot draw "
                f"and are shown as ids",)
