"""Schedule risk: the file's ``risk`` section (:mod:`.section`, read with every project file
that has one) and the Monte Carlo results as frozen records (:mod:`.result`, imported by the
service's ``risk`` when it runs, so loading a file does not pay for it)."""

from .section import read_risk

__all__ = ["read_risk"]
