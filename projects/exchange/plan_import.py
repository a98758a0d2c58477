"""``towerplan import``: a plan from another tool, by its kind, as the text of a project file.

MS Project XML is read with the standard library; ``.mpp``/``.xer`` through MPXJ (the optional
``mpp`` extra and Java); Excel schedule sheets with openpyxl. Each gives an
:class:`~projects.exchange.mspdi_read.Imported`, written out by one YAML writer.
"""

from __future__ import annotations

import re
from pathlib import Path

from projects.errors import ProjectError

from .mpxj_read import SUFFIXES as MPXJ_SUFFIXES
from .mpxj_read import read_mpxj
from .mspdi_read import Imported, read_mspdi
from .xlsx_read import read_xlsx
from .yaml_write import project_yaml

KINDS = {".xml": "MS Project XML", ".mpp": "MS Project", ".mpt": "MS Project template",
         ".xer": "Primavera P6 XER", ".xlsx": "Excel", ".xlsm": "Excel"}


def read_plan(path) -> tuple[Imported, str]:
    """(what the plan holds, the kind of file) for ``path`` by its extension."""
    suffix = Path(path).suffix.lower()
    if suffix == ".xml":
        return read_mspdi(path), KINDS[suffix]
    if suffix in MPXJ_SUFFIXES:
        return read_mpxj(path), KINDS[suffix]
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path), KINDS[suffix]
    raise ProjectError.single(
        f"cannot import a {suffix or 'file without extension'}: towerplan imports MS Project "
        f"XML (.xml), MS Project (.mpp), Primavera P6 (.xer) and Excel (.xlsx) plans",
        file=str(path), code="unknown_kind")


def plan_yaml(got: Imported, path, kind: str, project_id: str | None = None) -> str:
    """The project file's text for ``got``, headed by where it came from and the notes."""
    pid = project_id or re.sub(r"[^A-Za-z0-9_.-]+", "_", Path(path).stem).strip("_") or "plan"
    origin = ", written by towerplan" if got.from_towerplan else ""
    header = [f"Imported from {Path(path).name} ({kind}{origin}) by towerplan import.",
              *(f"note: {n}" for n in got.notes)]
    return project_yaml(got, pid, header)
