"""Opening an MSPDI file: XML parsing with clear errors, and small typed readers of elements.

A file that is not XML, or XML of another kind (a GanttProject ``.gan``, a Primavera export),
is refused with a message naming the file and, for a syntax error, its line and column.
"""

from __future__ import annotations

import datetime as dt
import math
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import overload

from projects.errors import ProjectError

from .mspdi_common import NS, parse_datetime

_Q = "{" + NS + "}"


class BadValue(ValueError):
    """An element whose text is not of its kind (``<UID>1e309</UID>``, ``<FromTime>8 am``);
    the reader turns it into a :class:`ProjectError` at the element's line."""

    def __init__(self, name: str, value: str, expected: str):
        super().__init__(f"<{name}>{value}</{name}>: {expected}")
        self.name, self.value, self.expected = name, value, expected

    def problem(self, file: str, source: str) -> ProjectError:
        line = line_of(source, f"<{self.name}>{self.value}")
        return ProjectError.single(f"<{self.name}> is {self.value!r}, not {self.expected}",
                                   file=file, line=line, column=1, field=self.name,
                                   code="bad_value")


def open_mspdi(path, data: bytes | None = None) -> tuple[ET.Element, str]:
    """The ``<Project>`` root of an MSPDI file and the file's text (for line numbers);
    ``data``, when given, is the file's content (an MSPDI text MPXJ wrote)."""
    file = str(path)
    try:
        data = Path(path).read_bytes() if data is None else data
    except FileNotFoundError:
        raise ProjectError.single("no such file", file=file, code="no_file") from None
    except OSError as exc:
        raise ProjectError.single(f"cannot read: {exc.strerror}", file=file,
                                  code="no_file") from None
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        line, col = getattr(exc, "position", (0, 0))
        reason = str(exc).split(":")[0]
        raise ProjectError.single(f"not an XML file ({reason}); export the plan from MS "
                                  f"Project with File › Save As › XML", file=file,
                                  line=line, column=col + 1, code="not_xml") from None
    if root.tag != _Q + "Project":
        raise ProjectError.single(
            f"XML, but not an MS Project XML file: the root element is <{_local(root.tag)}>"
            f"{_namespace_note(root.tag)}, expected <Project xmlns=\"{NS}\">", file=file,
            line=1, code="not_mspdi")
    return root, data.decode("utf-8", errors="replace")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _namespace_note(tag: str) -> str:
    if tag.startswith("{"):
        return f" in namespace {tag[1:].split('}')[0]}"
    return " with no namespace"


def child(el: ET.Element | None, name: str) -> ET.Element | None:
    """The first child element ``name`` (MSPDI namespace) of ``el``."""
    return None if el is None else el.find(_Q + name)


def children(el: ET.Element | None, path: str) -> list[ET.Element]:
    """All elements at ``path`` (``Tasks/Task``) below ``el``."""
    if el is None:
        return []
    return el.findall("/".join(_Q + p for p in path.split("/")))


@overload
def text(el: ET.Element | None, name: str, default: str) -> str: ...
@overload
def text(el: ET.Element | None, name: str, default: None = None) -> str | None: ...
def text(el: ET.Element | None, name: str, default: str | None = None) -> str | None:
    """The stripped text of child ``name``, or ``default``."""
    got = child(el, name)
    if got is None or got.text is None:
        return default
    return got.text.strip()


@overload
def integer(el: ET.Element | None, name: str, default: int) -> int: ...
@overload
def integer(el: ET.Element | None, name: str, default: None = None) -> int | None: ...
def integer(el: ET.Element | None, name: str, default: int | None = None) -> int | None:
    """The whole number in child ``name`` (``default`` when absent or empty); raises
    :class:`BadValue` for text that is not a finite number (``1e309``, ``inf``, ``abc``)."""
    value = text(el, name)
    if value in (None, ""):
        return default
    try:
        number = float(value)
    except ValueError:
        raise BadValue(name, value, "a whole number") from None
    if not math.isfinite(number) or abs(number) > 2**53:
        raise BadValue(name, value, "a whole number in range")
    return int(number)


def when(el: ET.Element | None, name: str) -> dt.datetime | None:
    """The date-time in child ``name`` (None when absent or empty); raises :class:`BadValue`
    for text that is not one, or a year outside 1900–2200 (the project file's limits)."""
    value = text(el, name)
    if value in (None, ""):
        return None
    got = parse_datetime(value)
    # the dates towerplan works with (projects/file/limits.py, a sibling exchange may not import)
    if got is None or not 1900 <= got.year <= 2200:
        raise BadValue(name, value, "a date-time between 1900 and 2200 such as "
                                    "2025-03-03T08:00:00")
    return got


def clock(el: ET.Element | None, name: str) -> tuple[int, int] | None:
    """(hour, minute) of a time of day in child ``name`` (``08:00:00``); None when absent;
    raises :class:`BadValue` for anything else (``8 am``)."""
    value = text(el, name)
    if value in (None, ""):
        return None
    try:
        got = dt.time.fromisoformat(value[:8])
    except ValueError:
        raise BadValue(name, value, "a time of day such as 08:00:00") from None
    return got.hour, got.minute


def flag(el: ET.Element | None, name: str, default: bool = False) -> bool:
    value = text(el, name)
    if value is None:
        return default
    return value.lower() in ("1", "true")


def line_of(source: str, *needles: str) -> int:
    """The line of the last of ``needles`` found one after another in ``source`` (0 if not)."""
    pos = 0
    for needle in needles:
        found = source.find(needle, pos)
        if found < 0:
            return 0
        pos = found
    return source.count("\n", 0, pos) + 1
