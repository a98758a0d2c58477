"""One module per ``towerplan`` command. Shared argument and output helpers live in
:mod:`._shared` (and :mod:`._charts` for the chart commands); commands never import each other."""
