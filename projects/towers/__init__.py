"""Towers: the ``towers`` section as written (:mod:`.definition`), its expansion into floor
activities with stable ids (:mod:`.expand`), the step pattern fitted to each floor cycle
(:mod:`.cycle`) and the floors recorded in the file (:mod:`.actuals`); :mod:`.read` reads the
tower sections of a file."""

from .definition import TowerDef, floors_of, floors_of_tower, parse_floors, read_tower
from .read import read_towers

__all__ = ["TowerDef", "floors_of", "floors_of_tower", "parse_floors", "read_tower",
           "read_towers"]
