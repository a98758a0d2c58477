"""The fonts of the site report and the elevation picture: DejaVu Sans for Latin text and
numbers (matplotlib ships it) and WenQuanYi Micro Hei for Chinese, from the PyPI package
``paperang-p2-fonts-cjk`` that towerplan depends on (the same file as Debian's
fonts-wqy-microhei). Both have TrueType outlines, which matplotlib's PDF backend embeds as
Type 42 subsets with a ToUnicode map: every word in the PDF is real, selectable text on a
machine with no CJK font installed.

Because the font comes with towerplan, ``TOWERPLAN_NO_CJK_FONT`` (which makes the charts act
as on a machine without a system CJK font) does not take Chinese out of the report.

:func:`text_width` measures text from the fonts' advance widths, so that tables and wrapped
lines are laid out without drawing them first.
"""

from __future__ import annotations

import contextlib
import functools
import logging
from dataclasses import dataclass
from importlib import resources

LATIN = "DejaVu Sans"
PACKAGE = "paperang-p2-fonts-cjk"
_FONT_FILE = ("paperang_p2_fonts_cjk", "fonts/wqy-microhei.ttc")


@dataclass(frozen=True, slots=True)
class ReportFonts:
    """The families to draw with (Latin first, the CJK font as fallback)."""

    families: tuple[str, ...]
    latin_path: str
    cjk_path: str | None


@functools.lru_cache(maxsize=1)
def report_fonts() -> ReportFonts:
    """Register the packaged CJK font with matplotlib (once) and name the families."""
    from matplotlib import font_manager  # heavy: only when a report is drawn

    latin = font_manager.findfont(font_manager.FontProperties(family=LATIN))
    path = _packaged_font()
    if path is None:
        return ReportFonts((LATIN,), latin, None)
    font_manager.fontManager.addfont(path)
    name = font_manager.FontProperties(fname=path).get_name()
    return ReportFonts((LATIN, name), latin, path)


def _packaged_font() -> str | None:
    try:
        ref = resources.files(_FONT_FILE[0]).joinpath(_FONT_FILE[1])
    except ModuleNotFoundError:
        return None
    return str(ref) if ref.is_file() else None


def rc() -> dict:
    """matplotlib settings for report pages: our fonts embedded as Type 42, plain text."""
    fonts = report_fonts()
    return {"font.family": list(fonts.families), "text.parse_math": False,
            "axes.unicode_minus": True, "pdf.fonttype": 42, "svg.fonttype": "path",
            "font.size": 9.0, "axes.edgecolor": "#888888"}


@contextlib.contextmanager
def drawing():
    """Draw with :func:`rc`, without font_manager's note that the CJK font has no bold face
    (its regular face is used, which is what we want)."""
    import matplotlib  # heavy: only when a report is drawn

    log = logging.getLogger("matplotlib.font_manager")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        with matplotlib.rc_context(rc()):
            yield
    finally:
        log.setLevel(level)


@functools.lru_cache(maxsize=4)
def _charmap(path: str) -> frozenset[int]:
    """The characters the font at ``path`` has."""
    return frozenset(_ft(path).get_charmap())


@functools.lru_cache(maxsize=8192)
def _advance(char: str, bold: bool) -> float:
    """The advance width of one character at 1 pt, in points, in the font that draws it
    (0.6 for a character neither font has)."""
    from matplotlib.ft2font import LoadFlags

    fonts = report_fonts()
    code = ord(char)
    path = fonts.latin_path
    if code not in _charmap(path):
        if not fonts.cjk_path or code not in _charmap(fonts.cjk_path):
            return 0.6
        path = fonts.cjk_path
    font = _ft(path)
    font.set_size(100, 72)
    glyph = font.load_char(code, flags=LoadFlags.NO_HINTING)
    width = glyph.linearHoriAdvance / 65536 / 100
    return width * (1.1 if bold and path == fonts.latin_path else 1.0)


@functools.lru_cache(maxsize=4)
def _ft(path: str):
    from matplotlib.ft2font import FT2Font  # heavy: only when a report is drawn

    return FT2Font(path)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of ``text`` (its widest line) at ``size`` pt, in points; a little generous."""
    return max(1.02 * size * sum(_advance(c, bold) for c in line)
               for line in str(text).split("\n"))
