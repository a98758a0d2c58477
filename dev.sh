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
    echo "setting up .venv (first run: a minute or two)…" >&2
    if ! { .venv/bin/python -m pip install --quiet --upgrade pip &&
           .venv/bin/python -m pip install --quiet -e '.[test,postgres]'; } \
           > .venv/install.log 2>&1; then
        cat .venv/install.log >&2
        echo "dev.sh: installing failed (log above, also in .venv/install.log)" >&2
        exit 1
    fi
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
        echo
        towerplan plan week examples/rongfa_tower.yaml --period 2023-W27
        echo
        towerplan nodes examples/rongfa_tower.yaml
        echo
        towerplan whatif examples/rongfa_tower.yaml examples/whatif_*.yaml
        mkdir -p out
        towerplan flowline examples/rongfa_tower.yaml -o out/flowline.png
        towerplan gantt examples/rongfa_tower.yaml --level summary -o out/gantt.png
        echo
        echo "database: $TOWERPLAN_DB · pictures in out/ · the terminal app: ./dev.sh tui"
        ;;
    test) exec python -m pytest "$@" ;;
    tui)
        export TOWERPLAN_DB="${TOWERPLAN_DB:-sqlite:///$PWD/.venv/demo.db}"
        exec towerplan tui examples/rongfa_tower.yaml --today 2023-07-05 "$@"
        ;;
    sh) exec "${SHELL:-sh}" ;;
    *) echo "usage: ./dev.sh demo|test|tui|sh" >&2; exit 2 ;;
esac
