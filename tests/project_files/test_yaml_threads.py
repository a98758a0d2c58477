"""Loading project files from worker threads, as the terminal app does, must not crash.

yaml_rs 0.1.6 segfaults when its extension module is first initialised in a thread that then
ends and a later thread parses again; ``projects.file.yaml`` imports it up front to avoid that.
"""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import EXAMPLE, ROOT

CODE = f"""
import threading
from projects import service

def load():
    service.open_project({str(EXAMPLE)!r})

for _ in range(8):
    worker = threading.Thread(target=load)
    worker.start()
    worker.join()
print("loaded 8 times")
"""


def test_project_loads_in_a_row_of_short_lived_threads():
    res = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True,
                         cwd=ROOT, timeout=120)
    assert res.returncode == 0, res.stderr[-2000:]
    assert res.stdout.strip() == "loaded 8 times"
