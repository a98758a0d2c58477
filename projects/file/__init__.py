"""The project file as text: YAML read fast (positions only when something is wrong), a
validating :class:`Reader` that collects every problem with its path, and the fixed sections
(``project``, ``calendars``, ``activities``, ``settings``)."""

from .reader import Reader, field_name, parse_date
from .yaml import load_fast, load_positions, locate, read_text

__all__ = ["Reader", "field_name", "load_fast", "load_positions", "locate", "parse_date",
           "read_text"]
