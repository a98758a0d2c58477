"""Schedule risk: the file's ``risk`` section (:mod:`.section`) and the Monte Carlo results as
frozen records (:mod:`.result`)."""

from .result import NodeRisk, RiskResult, Spread, TowerRisk, risk_result
from .section import read_risk

__all__ = ["NodeRisk", "RiskResult", "Spread", "TowerRisk", "read_risk", "risk_result"]
