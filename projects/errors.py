"""Errors in project files, each pointing at a file, line, column and field.

A :class:`ProjectError` carries every :class:`Problem` found (validation collects them all rather
than stopping at the first); ``str(err)`` gives one line per problem, in the form editors and
terminals recognise: ``file:line:col: field: message``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One mistake: where it is (1-based line and column, 0 when unknown) and what it is."""

    file: str
    line: int
    column: int
    field: str
    message: str
    code: str = "invalid"

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        field = f" {self.field}:" if self.field else ""
        return one_line(f"{where}:{field} {self.message}")


def one_line(text: str) -> str:
    """``text`` with whatever would break it into several lines (a key holding a line
    separator, say) written as an escape: one problem is one line."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii")
                   for c in text)


class ProjectError(Exception):
    """One or more problems with the user's input; the command line exits 2 on it."""

    def __init__(self, problems):
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def code(self) -> str:
        return self.problems[0].code if self.problems else "invalid"

    @classmethod
    def single(cls, message: str, *, file: str = "", field: str = "", code: str = "invalid",
               line: int = 0, column: int = 0) -> ProjectError:
        """An error with one problem that has no YAML position (a bad argument, say)."""
        return cls([Problem(file, line, column, field, message, code)])
