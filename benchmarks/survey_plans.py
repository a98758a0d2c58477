"""Import every ``.mpp``/``.xer`` plan in a folder with ``towerplan import``, schedule it, and
compare each task's dates with those the saving tool wrote (read by MPXJ), as
``tests/exchange/test_mpxj_files.py`` does for its nine files; print the totals and the
mismatches by cause. Needs the ``mpp`` extra and Java.

    python -m benchmarks.survey_plans FOLDER
"""

from __future__ import annotations

import sys
import tempfile
import traceback
from collections import Counter
from pathlib import Path

from projects import ProjectError, service
from tests.exchange.mpxj_dump import dump
from tests.exchange.test_mpxj_files import compare


def survey(folder: Path) -> Counter:
    """Counts of files by outcome and of tasks by cause; crashes printed to stderr."""
    counts: Counter = Counter()
    tmp = Path(tempfile.mkdtemp())
    for path in sorted(p for p in folder.iterdir() if p.suffix.lower() in (".mpp", ".xer")):
        try:
            read = dump(str(path), False)
            got = service.import_plan(path)
        except ProjectError:
            counts["files refused with a message"] += 1
            continue
        except Exception:  # MPXJ's own failures, and what the survey looks for
            counts["files failed"] += 1
            print(path.name, traceback.format_exc(limit=2), file=sys.stderr)
            continue
        read["towerplan"] = {"text": got.text}
        compared, same, causes = compare(read, tmp, path.stem)
        counts.update({"files imported": 1, "tasks compared": compared, "tasks same": same})
        counts.update({f"tasks: {c}": n for c, n in causes.items()})
    return counts


if __name__ == "__main__":
    got = survey(Path(sys.argv[1]))
    for key, n in sorted(got.items()):
        print(f"{n:6d}  {key}")
