"""Recorded progress: one entry or a CSV checked before it is saved (:mod:`.entries`), the
entries merged with the project file, which is never changed (:mod:`.merge`), and the tracked
project with its recording functions (:mod:`.tracked`)."""

from .merge import combine, resolve
from .tracked import Tracked, open_tracked, query, track

__all__ = ["Tracked", "combine", "open_tracked", "query", "resolve", "track"]
