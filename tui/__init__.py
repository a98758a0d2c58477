"""The front ends: the ``towerplan`` command line and the Textual terminal app.

Front ends call :mod:`projects.service` only; widgets never touch the database.
"""
