"""Reading YAML fast, and finding where things are in it only when something is wrong.

The happy path parses with ``yaml_rs`` (a Rust YAML 1.2 parser, ~15× faster than PyYAML's C
loader on a 10k-activity file). Positions for error messages come from a second parse with
ruamel.yaml's round-trip loader, done only when there is an error to report: its mappings and
sequences remember the line and column of every key and item.
"""

from __future__ import annotations

from pathlib import Path

from projects.errors import Problem, ProjectError

# Imported with this module, not on first use: yaml_rs 0.1.6 crashes the interpreter
# (segfault) when its extension is first initialised in a thread that has ended before the
# next call, which is what a first load in the terminal app's worker thread did.
try:
    import yaml_rs
except ImportError:  # pragma: no cover - a platform without the wheel
    yaml_rs = None


def read_text(path: Path) -> str:
    """The file's text; a missing or unreadable file is a :class:`ProjectError`."""
    try:
        return path.read_text(encoding="utf-8")
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


def load_fast(text: str, file: str):
    """Parse ``text``; a syntax error becomes a :class:`ProjectError` with its position."""
    if yaml_rs is None:  # pragma: no cover - a platform without the wheel
        return load_positions(text, file)
    try:
        return yaml_rs.loads(text)
    except Exception as exc:  # yaml_rs raises its own YAMLDecodeError and ValueErrors
        load_positions(text, file)  # raises with ruamel's position when it agrees
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ProjectError.single(f"YAML: {first}", file=file, code="yaml_syntax") from None


def load_positions(text: str, file: str):
    """Parse with ruamel.yaml's round-trip loader (keeps line/column of every node)."""
    from ruamel.yaml import YAML  # only to report errors, or where yaml_rs is missing
    from ruamel.yaml.error import MarkedYAMLError

    yaml = YAML(typ="rt")
    yaml.Constructor = _text_dates_constructor()
    try:
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
