"""Year, month and week plans: periods (:mod:`.periods`), what a period's plan holds and how it
went, with PPC (:mod:`.view`), and plans frozen in the database with the figures measured
against them (:mod:`.frozen`)."""

from .frozen import PlanStatus, freeze_plan, plan_baseline, plan_status, plan_view
from .periods import LEVELS, MASTER, Period, parse_period, period_of

__all__ = ["LEVELS", "MASTER", "Period", "PlanStatus", "freeze_plan", "parse_period",
           "period_of", "plan_baseline", "plan_status", "plan_view"]
