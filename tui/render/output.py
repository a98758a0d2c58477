"""Where a picture is written: the formats, and the output path checked before anything is
computed (light: no matplotlib, no chart modules)."""

from __future__ import annotations

from pathlib import Path

from projects.service import ProjectError

FORMATS = (".png", ".svg", ".pdf")


def check_output(path) -> Path:
    """The output path when its folder exists and its extension is one we write; else a
    :class:`ProjectError` saying which."""
    out = Path(path)
    if out.suffix.lower() not in FORMATS:
        raise _bad(f"cannot write {out.name!r}: the file must end in {', '.join(FORMATS)} "
                   f"(the extension picks the format)", "bad_format")
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise _bad(f"the folder {str(folder)!r} does not exist: create it first or write "
                   f"{out.name} somewhere else", "no_folder")
    return out


def _bad(message: str, code: str) -> ProjectError:
    return ProjectError.single(message, file="towerplan", field="--output", code=code)
