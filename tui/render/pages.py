"""A4 portrait pages drawn with matplotlib: headings, wrapped lines, tables that split across
pages with their header repeated, pictures, and a footer with the page number.

Positions are in inches from the page's bottom-left corner; a cursor runs down the page and
a new page starts when the next block would not fit above the footer. Text widths are
measured from the fonts (:func:`tui.render.embedded_fonts.text_width`), so nothing is drawn
past its column or the margin. :meth:`Document.save` writes the pages with ``PdfPages`` to a temporary
file beside the output and renames it, so a failure leaves no partial file.
"""

from __future__ import annotations

from dataclasses import dataclass

from .embedded_fonts import rc, text_width
from .files import replacing

WIDTH, HEIGHT = 8.27, 11.69  # A4 portrait, inches
LEFT, RIGHT, TOP, BOTTOM = 0.7, 0.7, 0.7, 0.8
TEXT = "#222222"
MUTED = "#666666"
RULE = "#9A9A9A"
HEADER_FILL = "#E3E8EF"
PT = 1 / 72


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: its header, alignment (``l`` or ``r``) and the most width it may take
    (inches; longer cells wrap)."""

    header: str
    align: str = "l"
    max_width: float = 3.0


def wrap(text: str, width_in: float, size: float, bold: bool = False) -> list[str]:
    """``text`` broken into lines no wider than ``width_in`` (at spaces where it can, inside
    a word or between Chinese characters where it must)."""
    limit = width_in * 72
    lines: list[str] = []
    for para in str(text).split("\n"):
        line = ""
        for word in _tokens(para):
            trial = line + word
            if line and text_width(trial.rstrip(), size, bold) > limit:
                lines.append(line.rstrip())
                line = word.lstrip()
            else:
                line = trial
            while text_width(line.rstrip(), size, bold) > limit and len(line) > 1:
                cut = _fit(line, limit, size, bold)
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line.rstrip())
    return lines or [""]


def _tokens(text: str) -> list[str]:
    """Words with their following space; each CJK character on its own."""
    out, word = [], ""
    for c in text:
        if ord(c) > 0x2E80:
            if word:
                out.append(word)
                word = ""
            out.append(c)
        else:
            word += c
            if c == " ":
                out.append(word)
                word = ""
    if word:
        out.append(word)
    return out


def _fit(line: str, limit: float, size: float, bold: bool) -> int:
    n = len(line)
    while n > 1 and text_width(line[:n], size, bold) > limit:
        n -= 1
    return n


class Document:
    """Pages being drawn; ``footer`` is written at the foot of each with ``page i of n``."""

    def __init__(self, footer: str, page_word: str = "page {i} of {n}"):
        self.footer = footer
        self.page_word = page_word
        self.pages: list = []
        self.y = 0.0
        self.width = WIDTH - LEFT - RIGHT

    # --- the cursor ---
    def new_page(self):
        """Start a page; returns its figure."""
        from matplotlib.figure import Figure  # heavy: only when a report is drawn

        fig = Figure(figsize=(WIDTH, HEIGHT), dpi=72)
        self.pages.append(fig)
        self.y = HEIGHT - TOP
        return fig

    @property
    def fig(self):
        return self.pages[-1] if self.pages else self.new_page()

    def need(self, height: float) -> None:
        """A new page unless ``height`` inches fit above the footer."""
        if not self.pages or self.y - height < BOTTOM:
            self.new_page()

    def space(self, inches: float) -> None:
        self.y -= inches

    def text(self, x: float, y: float, s: str, size: float = 9, **kw) -> None:
        """Text at (x, y) inches, its baseline at y."""
        kw.setdefault("color", TEXT)
        self.fig.text(x / WIDTH, y / HEIGHT, s, fontsize=size, va="baseline", **kw)

    # --- blocks ---
    def heading(self, s: str, size: float = 13, keep: float = 1.2) -> None:
        """A section heading, kept on a page with ``keep`` inches of what follows."""
        self.need(size * 1.6 * PT + keep)
        self.y -= size * 1.25 * PT
        self.text(LEFT, self.y, s, size, fontweight="bold")
        self.y -= size * 0.55 * PT

    def lines(self, text: str, size: float = 9, indent: float = 0.0, bold: bool = False,
              color: str = TEXT) -> None:
        """A paragraph wrapped to the text width."""
        for ln in wrap(text, self.width - indent, size, bold):
            self.need(size * 1.35 * PT)
            self.y -= size * 1.35 * PT
            self.text(LEFT + indent, self.y, ln, size, color=color,
                      fontweight="bold" if bold else "normal")

    def table(self, columns: list[Column], rows: list[list[str]], size: float = 8,
              styles: list[dict | None] | None = None) -> None:
        """A table; rows that do not fit go on to the next page under the header again."""
        widths = _widths(columns, rows, size, self.width)
        line_h = size * 1.3 * PT
        pad = 0.05
        head = [wrap(c.header, w - 2 * pad, size, True) for c, w in zip(columns, widths)]
        head_h = line_h * max(len(h) for h in head) + 2 * pad
        headed = any(c.header for c in columns)  # a table without headers has no header row
        starting = True
        for k, row in enumerate(rows):
            cells = [wrap(v, w - 2 * pad, size) for v, w in zip(row, widths)]
            row_h = line_h * max(len(c) for c in cells) + 2 * pad
            if starting or self.y - row_h < BOTTOM:  # the table's start, or a new page
                self.need((head_h if headed else 0) + row_h)
                if headed:
                    self._row(head, columns, widths, head_h, size, line_h, pad, header=True)
                starting = False
            style = (styles[k] if styles else None) or {}
            self._row(cells, columns, widths, row_h, size, line_h, pad, style=style)
        self.y -= 0.08

    def _row(self, cells, columns, widths, height, size, line_h, pad, header=False,
             style=None) -> None:
        from matplotlib.patches import Rectangle

        top = self.y
        if header:
            self.fig.add_artist(Rectangle((LEFT / WIDTH, (top - height) / HEIGHT),
                                          self.width / WIDTH, height / HEIGHT,
                                          transform=self.fig.transFigure, color=HEADER_FILL,
                                          lw=0, zorder=0))
        x = LEFT
        for cell, col, w in zip(cells, columns, widths):
            for n, ln in enumerate(cell):
                y = top - pad - line_h * (n + 1) + size * 0.25 * PT
                at = x + pad if col.align == "l" else x + w - pad
                self.text(at, y, ln, size, ha="left" if col.align == "l" else "right",
                          fontweight="bold" if header else "normal",
                          color=(style or {}).get("color", TEXT))
            x += w
        self.y = top - height
        self.fig.add_artist(_hline(self.y, self.width, header))

    def area(self, height: float):
        """A rectangle of ``height`` inches across the text width, on this page when it fits:
        returns (figure, [left, bottom, width, height] in figure fractions)."""
        self.need(height)
        self.y -= height
        return self.fig, [LEFT / WIDTH, self.y / HEIGHT, self.width / WIDTH, height / HEIGHT]

    def image(self, path, height: float) -> None:
        """A picture (PNG) scaled to the text width, or to ``height`` inches if lower."""
        import matplotlib.image as mpimg  # heavy: only when a report is drawn

        pixels = mpimg.imread(str(path))
        h_px, w_px = pixels.shape[:2]
        w = min(self.width, height * w_px / h_px)
        h = w * h_px / w_px
        fig, box = self.area(h)
        ax = fig.add_axes([box[0], box[1], w / WIDTH, h / HEIGHT])
        ax.imshow(pixels, interpolation="antialiased")
        ax.set_axis_off()

    # --- the file ---
    def save(self, path, metadata: dict | None = None) -> int:
        """Write every page to ``path`` (through a temporary file); returns the page count."""
        import matplotlib  # heavy: only when a report is drawn
        from matplotlib.backends.backend_pdf import PdfPages

        n = len(self.pages)
        for i, fig in enumerate(self.pages, 1):
            fig.add_artist(_hline(BOTTOM - 0.25, self.width, False))
            fig.text(LEFT / WIDTH, (BOTTOM - 0.45) / HEIGHT, self.footer, fontsize=7.5,
                     color=MUTED)
            fig.text((WIDTH - RIGHT) / WIDTH, (BOTTOM - 0.45) / HEIGHT,
                     self.page_word.format(i=i, n=n), fontsize=7.5, color=MUTED, ha="right")
        with replacing(path) as tmp, matplotlib.rc_context(rc()), \
                PdfPages(tmp, metadata=metadata) as pdf:
            for fig in self.pages:
                pdf.savefig(fig)
        return n


def _hline(y: float, width: float, bold: bool):
    from matplotlib.lines import Line2D

    return Line2D([LEFT / WIDTH, (LEFT + width) / WIDTH], [y / HEIGHT, y / HEIGHT],
                  color=RULE if not bold else "#555555", linewidth=0.8 if bold else 0.4)


def _widths(columns, rows, size, total) -> list[float]:
    """Column widths: each as wide as its widest cell (up to its ``max_width``), the room
    left shared out in proportion; shrunk in proportion when they would not fit."""
    want = []
    for i, col in enumerate(columns):
        widest = max([text_width(col.header, size, True)] +
                     [text_width(str(r[i]), size) for r in rows]) / 72 + 0.12
        want.append(min(widest, col.max_width))
    scale = total / sum(want)
    return [w * scale for w in want]
