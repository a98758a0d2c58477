"""``--format json``: written by orjson, and the very text the standard encoder wrote before
(``json.dump(indent=2, ensure_ascii=False)`` and a newline), for every command that has it."""

from __future__ import annotations

import json

import pytest

from tests.conftest import EXAMPLE

CYCLE = EXAMPLE.parent / "whatif_cycle9_from_F30.yaml"


@pytest.mark.parametrize("args", [
    ["schedule", EXAMPLE],
    ["schedule", EXAMPLE, "--tower", "B", "--critical"],
    ["status", EXAMPLE],
    ["nodes", EXAMPLE],
    ["forecast", EXAMPLE],
    ["explain", EXAMPLE, "handover"],
    ["whatif", EXAMPLE, CYCLE],
    ["risk", EXAMPLE, "--iterations", "200", "--seed", "3"],
    ["plan", "week", EXAMPLE, "--period", "2023-W27"],
], ids=lambda a: " ".join(str(x) for x in a[:1] + a[2:]))
def test_json_text_is_the_standard_encoders(cli, args):
    res = cli(*args, "--format", "json")
    assert res.returncode == 0, res.stderr
    value = json.loads(res.stdout)
    assert res.stdout == json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def test_chinese_names_are_written_as_they_are(cli):
    res = cli("status", EXAMPLE, "--format", "json")
    assert res.returncode == 0, res.stderr
    assert '"融发大厦 A塔"' in res.stdout and "\\u" not in res.stdout
