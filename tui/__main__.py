"""``python -m tui`` runs the command line, like the ``towerplan`` script."""

from .cli import main

raise SystemExit(main())
