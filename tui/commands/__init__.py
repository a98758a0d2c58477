"""One module per ``towerplan`` command; shared argument helpers live in :mod:`.common`."""
