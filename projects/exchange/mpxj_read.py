"""Reading MS Project ``.mpp`` (98–2019) and Primavera P6 ``.xer`` files through MPXJ.

MPXJ (PyPI ``mpxj``, a Java library reached through ``jpype1``; the optional extra
``towerplan[mpp]``, and a Java runtime) reads the file and writes it back out as MS Project
XML; the standard-library MSPDI reader then maps that to the project file. So every format
goes through one mapping, and the MSPDI path still works without Java. What MPXJ reads but
MSPDI cannot carry to towerplan (P6 activity ids, resources, split tasks, levelling delays,
P6 secondary constraints) is taken from MPXJ's model here: the ids kept, the rest reported.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

from projects.errors import Problem, ProjectError

from .mspdi_read import Imported, read_mspdi

SUFFIXES = (".mpp", ".mpt", ".xer")
INSTALL = ("pip install 'towerplan[mpp]' (MPXJ and jpype1) and a Java runtime "
           "(apt-get install default-jre-headless)")
_JVM_ARGS = ("-Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple."
             "SimpleLoggerContextFactory", "-Dlog4j2.statusLoggerLevel=OFF")


def java_runtime() -> Path | None:
    """The Java VM library to start: under ``JAVA_HOME`` when it is set (and only there),
    else beside the ``java`` on PATH; None when there is none."""
    home = os.environ.get("JAVA_HOME")
    java: Path | None
    if home:
        java = Path(home) / "bin" / "java"
    else:
        found = shutil.which("java")
        java = Path(os.path.realpath(found)) if found else None
    if java is None or not java.is_file():
        return None
    root = java.parent.parent
    for lib in ("lib/server/libjvm.so", "jre/lib/amd64/server/libjvm.so",
                "lib/server/libjvm.dylib", "bin/server/jvm.dll"):
        if (root / lib).is_file():
            return root / lib
    return None


def missing() -> str | None:
    """What is missing to read ``.mpp``/``.xer`` files, as one line, or None."""
    absent = [m for m, pkg in (("mpxj", "mpxj"), ("jpype", "jpype1"))
              if importlib.util.find_spec(m) is None]
    if absent:
        return f"reading .mpp/.xer files needs MPXJ ({', '.join(absent)} not installed): " \
               f"{INSTALL}"
    if java_runtime() is None:
        where = "JAVA_HOME" if os.environ.get("JAVA_HOME") else "PATH"
        return f"reading .mpp/.xer files needs a Java runtime (none found on {where}): " \
               f"apt-get install default-jre-headless"
    return None


def read_mpxj(path) -> Imported:
    """Read ``path`` with MPXJ into an :class:`Imported`; raises :class:`ProjectError` when
    MPXJ or Java is missing or the file is not a plan MPXJ can read."""
    file = str(path)
    why = missing()
    if why:
        raise ProjectError.single(why, file=file, code="needs_mpxj")
    if not Path(path).is_file():
        raise ProjectError.single("no such file", file=file, code="no_file")
    project, mspdi = _read_with_java(file)
    ids, notes, origin = _from_model(project)
    try:
        got = read_mspdi(path, data=mspdi, ids=ids, id_origin=origin)
    except ProjectError as err:  # its lines are those of MPXJ's XML, not of the file
        raise ProjectError([Problem(p.file, 0, 0, p.field, f"{p.message} (as MPXJ read it)",
                                    p.code) for p in err.problems]) from None
    got.notes[:0] = notes
    return got


def start_jvm() -> None:
    """Start the Java VM with MPXJ's jars (once per process; Log4j's start-up warning off)."""
    import jpype  # heavy: starts a Java VM, only for .mpp/.xer files
    import mpxj  # noqa: F401  (puts MPXJ's jars on the class path)

    if not jpype.isJVMStarted():
        jpype.startJVM(str(java_runtime()), *_JVM_ARGS, convertStrings=True)


def _read_with_java(file: str):
    start_jvm()
    from java.io import ByteArrayOutputStream
    from org.mpxj.mspdi import MSPDIWriter
    from org.mpxj.reader import UniversalProjectReader

    try:
        project = UniversalProjectReader().read(file)
    except Exception as exc:  # a Java exception: MPXJ's reason
        raise ProjectError.single(f"MPXJ could not read it: {exc}", file=file,
                                  code="not_a_plan") from None
    if project is None:
        raise ProjectError.single("not a plan MPXJ can read (MS Project .mpp, Primavera .xer)",
                                  file=file, code="not_a_plan")
    out = ByteArrayOutputStream()
    MSPDIWriter().write(project, out)
    return project, bytes(out.toByteArray())


def _from_model(project) -> tuple[dict[int, str], list[str], str]:
    """(source ids by UID, notes on what does not come across, where the ids come from)."""
    props = project.getProjectProperties()
    app = " ".join(str(v) for v in (props.getFileApplication(), props.getFileType()) if v)
    ids: dict[int, str] = {}
    counts = {"split": 0, "levelling delay": 0, "secondary constraint": 0}
    for task in project.getTasks():
        uid = task.getUniqueID()
        if uid is None:
            continue
        if task.getActivityID():
            ids[int(uid)] = str(task.getActivityID())
        splits = task.getWorkSplits()
        counts["split"] += bool(splits is not None and splits.size() > 1)
        delay = task.getLevelingDelay()
        counts["levelling delay"] += bool(delay is not None and delay.getDuration() > 0)
        counts["secondary constraint"] += task.getSecondaryConstraintType() is not None
    notes = [f"read by MPXJ as {app or 'a project file'}"]
    resources = sum(1 for r in project.getResources() if r.getName())
    assignments = sum(1 for a in project.getResourceAssignments() if a.getResource())
    if resources or assignments:
        notes.append(f"{resources} resources and {assignments} assignments not carried over "
                     f"(towerplan plans time, not resources)")
    what = {"split": "split into pieces (towerplan schedules each in one piece)",
            "levelling delay": "delayed by resource levelling (the delay is not kept)",
            "secondary constraint": "with a P6 secondary constraint (not kept)"}
    notes += [f"{n} task(s) {what[k]}" for k, n in counts.items() if n]
    return ids, notes, "P6 activity ids" if ids else ""
