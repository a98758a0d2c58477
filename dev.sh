#!/bin/sh
# Set up a virtualenv in .venv (first run, or when pyproject.toml changed) and run:
#   ./dev.sh demo   the main job on the Rongfa Tower example (SQLite file, no server)
#   ./dev.sh test   the test suite (pytest; PostgreSQL tests run when TOWERPLAN_TEST_DATABASE_URL is set)
#   ./dev.sh tui    the terminal app on the example
#   ./dev.sh sh     a shell with the virtualenv on PATH
set -eu
cd "$(dirname "$0")"
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$PY" -m venv .venv
fi
if [ ! -f .venv/.installed ] || [ pyproject.toml -nt .venv/.installed ]; then
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e '.[test,postgres]'
    touch .venv/.installed
fi
PATH="$PWD/.venv/bin:$PATH"
export PATH
cmd=${1:-demo}
[ $# -gt 0 ] && shift
case "$cmd" in
    demo)
        export TOWERPLAN_DB="${TOWERPLAN_DB:-sqlite:///$PWD/.venv/demo.db}"
        towerplan validate examples/rongfa_tower.yaml
        towerplan status examples/rongfa_tower.yaml "$@"
        ;;
    test) exec python -m pytest "$@" ;;
    tui) exec towerplan tui examples/rongfa_tower.yaml "$@" ;;
    sh) exec "${SHELL:-sh}" ;;
    *) echo "usage: ./dev.sh demo|test|tui|sh" >&2; exit 2 ;;
esac
