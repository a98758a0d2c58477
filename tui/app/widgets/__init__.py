"""Widgets of the terminal app: they display what they are given and post messages with the
user's intent; they never import :mod:`projects`."""
