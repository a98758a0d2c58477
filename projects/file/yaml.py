"""Reading YAML fast, and finding where things are in it only when something is wrong.

The happy path parses with ``yaml_rs`` (a Rust YAML 1.2 parser, ~15× faster than PyYAML's C
loader on a 10k-activity file). Positions for error messages come from a second parse with
ruamel.yaml's round-trip loader, done only when there is an error to report: its mappings and
sequences remember the line and column of every key and item.
"""

from __future__ import annotations

import contextlib
import re
import warnings
from pathlib import Path

from projects.errors import Problem, ProjectError

from .limits import MAX_ALIAS_EXPANSION, MAX_FILE_BYTES

# Imported with this module, not on first use: yaml_rs 0.1.6 crashes the interpreter
# (segfault) when its extension is first initialised in a thread that has ended before the
# next call, which is what a first load in the terminal app's worker thread did.
try:
    import yaml_rs
except ImportError:  # pragma: no cover - a platform without the wheel
    yaml_rs = None  # type: ignore[assignment]


# C0 controls but tab, LF and CR; DEL; C1 controls but NEL; and the two non-characters: none
# is allowed in YAML (a NUL would silently end the document for one parser)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_ALIAS = re.compile(r"(?:^|(?<=[\s\[{,:?-]))\*[^\s\[\]{},]+")
_NAMES = {0: "NUL", 8: "backspace", 0x1b: "escape", 0x7f: "DEL"}


def read_text(path: Path) -> str:
    """The file's text (without a UTF-8 byte-order mark); a missing, unreadable or too large
    file is a :class:`ProjectError`."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ProjectError.single(
                f"the file is {size / 2**20:,.0f} MB; towerplan reads project files up to "
                f"{MAX_FILE_BYTES // 2**20} MB", file=str(path), code="too_large")
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ProjectError.single("no such file", file=str(path), code="no_file") from None
    except IsADirectoryError:
        raise ProjectError.single("is a directory, not a YAML file", file=str(path),
                                  code="no_file") from None
    except UnicodeDecodeError as exc:
        raise ProjectError.single(f"not UTF-8 text ({exc.reason} at byte {exc.start})",
                                  file=str(path), code="yaml_syntax") from None
    except OSError as exc:
        raise ProjectError.single(f"cannot read: {exc.strerror}", file=str(path),
                                  code="no_file") from None


def check_text(text: str, file: str, what: str = "a YAML file") -> str:
    """``text`` without a leading byte-order mark; a control character (a NUL, say) is a
    :class:`ProjectError` at its line and column."""
    if text.startswith("\ufeff"):
        text = text[1:]
    m = _CONTROL.search(text)
    if m is not None:
        line = text.count("\n", 0, m.start()) + 1
        col = m.start() - text.rfind("\n", 0, m.start())
        code = ord(m.group())
        name = f" ({_NAMES[code]})" if code in _NAMES else ""
        raise ProjectError([Problem(file, line, col, "", f"control character U+{code:04X}{name} "
                                    f"is not allowed in {what} (a broken export, or not "
                                    f"a text file?)", "yaml_syntax")])
    return text


def load_fast(text: str, file: str):
    """Parse ``text``; a syntax error becomes a :class:`ProjectError` with its position, and
    so does a control character or aliases that would replay too much text."""
    text = check_text(text, file)
    _check_aliases(text, file)
    if yaml_rs is None:  # pragma: no cover - a platform without the wheel
        return load_positions(text, file)
    try:
        return yaml_rs.loads(text)
    except Exception as exc:  # yaml_rs raises its own YAMLDecodeError and ValueErrors
        if "alias" in str(exc):  # too many nodes replayed: say at which alias
            _check_aliases(text, file, always=True)
        load_positions(text, file)  # raises with ruamel's position when it agrees
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ProjectError.single(f"YAML: {first}", file=file, code="yaml_syntax") from None


def _check_aliases(text: str, file: str, always: bool = False) -> None:
    """Refuse aliases (``*name``) that would replay more than ``MAX_ALIAS_EXPANSION``
    characters, before the parser copies them: 10,000 aliases of one long text are gigabytes.
    (The parser itself bounds how many nodes aliases replay.)"""
    aliases = len(_ALIAS.findall(text)) if "*" in text and "&" in text else 0
    if aliases * len(text) <= MAX_ALIAS_EXPANSION and not always:
        return  # the cheap bound: no alias can replay more than the whole file
    from ruamel.yaml import YAML  # only for files with many aliases
    from ruamel.yaml.error import YAMLError

    try:
        with _quiet():
            _replayed(YAML(typ="rt").parse(text), file)
    except YAMLError:
        return  # a syntax error: the parse that follows reports it with its position


def _replayed(events, file: str) -> None:
    """Walk parse events, sizing each anchored node (characters of its text, aliases inside
    it included) and adding up what every alias replays."""
    sizes: dict[str, int] = {}
    open_nodes: list[list] = []  # [anchor, size] of each collection being read
    total = 0
    for ev in events:
        kind = type(ev).__name__
        size = 0
        if kind == "AliasEvent":
            size = sizes.get(ev.anchor, 0)
            total += size
            if total > MAX_ALIAS_EXPANSION:
                mark = ev.start_mark
                raise ProjectError([Problem(file, mark.line + 1, mark.column + 1, "",
                                            f"the aliases (*name) of this file replay more than "
                                            f"{MAX_ALIAS_EXPANSION:,} characters", "too_large")])
        elif kind == "ScalarEvent":
            size = len(ev.value) + 1
        elif kind in ("SequenceStartEvent", "MappingStartEvent"):
            open_nodes.append([ev.anchor, 1])
            continue
        elif kind in ("SequenceEndEvent", "MappingEndEvent") and open_nodes:
            anchor, size = open_nodes.pop()
            if anchor:
                sizes[anchor] = size
        else:
            continue
        if kind == "ScalarEvent" and ev.anchor:
            sizes[ev.anchor] = size
        if open_nodes:
            open_nodes[-1][1] += size


def load_positions(text: str, file: str):
    """Parse with ruamel.yaml's round-trip loader (keeps line/column of every node)."""
    from ruamel.yaml import YAML  # only to report errors, or where yaml_rs is missing
    from ruamel.yaml.error import MarkedYAMLError

    yaml = YAML(typ="rt")
    yaml.Constructor = _text_dates_constructor()
    try:
        with _quiet():
            return yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = (exc.problem or exc.context or "syntax error").strip()
        if "duplicate key" in problem:
            problem = problem.split(" with value")[0]
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise ProjectError([Problem(file, line, col, "", f"YAML: {problem}",
                                    "yaml_syntax")]) from None
    except Exception as exc:  # ruamel raises a few unmarked errors too
        raise ProjectError.single(f"YAML: {exc}", file=file, code="yaml_syntax") from None


@contextlib.contextmanager
def _quiet():
    """ruamel.yaml's warnings (a reused anchor, which YAML allows: the later one counts) go to
    stderr as Python warnings, which would read as a second, unexplained message."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def _text_dates_constructor():
    """A round-trip constructor that leaves dates as text (``2025-13-01`` must reach the
    validator, which names the field, instead of failing the parse)."""
    from ruamel.yaml.constructor import RoundTripConstructor

    class TextDates(RoundTripConstructor):
        pass

    TextDates.add_constructor("tag:yaml.org,2002:timestamp",
                              lambda self, node: self.construct_scalar(node))
    return TextDates


def locate(doc, path: tuple) -> tuple[int, int]:
    """1-based (line, column) of ``path`` (keys and indices) in a ruamel document.

    Points at the value of the last key found; when a key is missing (a required field), at the
    mapping that should hold it.
    """
    node, line, col = doc, 0, 0
    for step in path:
        lc = getattr(node, "lc", None)
        try:
            if isinstance(step, int) and isinstance(node, list):
                if lc is not None:
                    line, col = lc.item(step)
                node = node[step]
            elif isinstance(node, dict) and step in node:
                if lc is not None:
                    value = node[step]
                    line, col = lc.value(step) if not _is_container(value) else lc.key(step)
                node = node[step]
            else:
                break
        except (KeyError, IndexError, TypeError, AttributeError):
            break
    if line == 0 and col == 0 and getattr(doc, "lc", None) is not None:
        return (doc.lc.line + 1, doc.lc.col + 1)
    return line + 1, col + 1


def _is_container(value) -> bool:
    return isinstance(value, (dict, list))
