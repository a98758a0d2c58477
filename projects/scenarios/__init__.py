"""What-if scenarios: the scenario file (:mod:`.read`), its changes applied to the parsed file
(:mod:`.raw`) or to the network (:mod:`.network`), the new project (:mod:`.apply`), and the
base and scenarios compared per tower (:mod:`.compare`)."""

from .apply import Applied, apply_scenario_file, schedule_applied
from .compare import WhatIf, group_ids, whatif
from .read import Scenario, read_scenario

__all__ = ["Applied", "Scenario", "WhatIf", "apply_scenario_file", "group_ids",
           "read_scenario", "schedule_applied", "whatif"]
