"""Opening an MSPDI file: XML parsing with clear errors, and small typed readers of elements.

A file that is not XML, or XML of another kind (a GanttProject ``.gan``, a Primavera export),
is refused with a message naming the file and, for a syntax error, its line and column.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from projects.errors import ProjectError

from .mspdi_common import NS

_Q = "{" + NS + "}"


def open_mspdi(path) -> tuple[ET.Element, str]:
    """The ``<Project>`` root of an MSPDI file and the file's text (for line numbers)."""
    file = str(path)
    try:
        data = Path(path).read_bytes()
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


def text(el: ET.Element | None, name: str, default: str | None = None) -> str | None:
    """The stripped text of child ``name``, or ``default``."""
    got = child(el, name)
    if got is None or got.text is None:
        return default
    return got.text.strip()


def integer(el: ET.Element | None, name: str, default: int | None = None) -> int | None:
    value = text(el, name)
    try:
        return int(float(value)) if value not in (None, "") else default
    except ValueError:
        return default


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
