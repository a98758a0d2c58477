"""The ``towerplan`` command line.

Each command lives in its own module under ``tui/commands`` with a ``register(subparsers)``
function. Results go to stdout, problems to stderr; a user's mistake exits 2 with one line per
problem and never a traceback. Heavy libraries are imported inside the commands that use them.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from projects.service import ProjectError, one_line
from scheduler.errors import SchedulerError

COMMANDS = ("validate", "schedule", "status", "plan", "progress", "nodes", "whatif", "explain",
            "forecast", "risk", "export", "import_", "gantt", "flowline", "scurve", "elevation", "report", "tui")


def build_parser(argv=None) -> argparse.ArgumentParser:
    """The parser; with ``argv`` naming a command first, only that command's module is
    imported and registered (each costs its imports; ``towerplan --help`` and anything not
    starting with a command get them all)."""
    parser = argparse.ArgumentParser(
        prog="towerplan",
        description="Construction schedule tracker for high-rise projects: floor cycles, "
                    "year/month/week plans, days ahead or behind per tower.")
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    asked = _command_asked(sys.argv[1:] if argv is None else argv)
    for name in (asked,) if asked else COMMANDS:
        importlib.import_module(f"tui.commands.{name}").register(sub)
    return parser


def _command_asked(argv) -> str | None:
    """The module of the command ``argv`` starts with (``import`` is ``import_``), if any."""
    if not argv or argv[0].startswith("-"):
        return None
    name = "import_" if argv[0] == "import" else argv[0]
    return name if name in COMMANDS else None


class _Version(argparse.Action):
    """``--version``, reading the installed version only when asked (it costs an import)."""

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"towerplan {_version()}")
        parser.exit()


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("towerplan")
    except Exception:
        return "dev"


def main(argv=None) -> int:
    """Run one command; returns the exit status (0 ok, 2 a user's mistake)."""
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return 2
    if args.command != "tui":
        import gc

        # A one-shot command builds large acyclic structures (100k activities) and then exits:
        # the cyclic collector would only rescan them, about a quarter of the run at 100k.
        gc.disable()
    try:
        return int(args.func(args) or 0)
    except ProjectError as err:
        print(str(err), file=sys.stderr)
        return 2
    except SchedulerError as err:
        print(one_line(f"towerplan: {err.message}"), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("towerplan: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except Exception as err:  # a bug of ours: say so briefly, trace only on request
        if os.environ.get("TOWERPLAN_DEBUG"):
            raise
        print(f"towerplan: internal error: {type(err).__name__}: {err} "
              f"(set TOWERPLAN_DEBUG=1 for the traceback, and please report it)", file=sys.stderr)
        return 1


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
