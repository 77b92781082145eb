"""Whether a competency's requirements are met: a pure rule over plain values."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

KNOWLEDGE = "Knowledge assessment"
WORKPLACE = "Workplace assessment"
PROCESS_VALIDATION = "Process validation"


@dataclass(frozen=True)
class RequirementDecision:
    met: bool
    missing: tuple[str, ...]


def decide_requirements(
    *,
    requires_knowledge: bool,
    requires_workplace_assessment: bool,
    requires_process_validation: bool,
    knowledge_met: bool,
    workplace_met: bool,
    validation_met: bool,
) -> RequirementDecision:
    """A competency is met only when every requirement it names is met; a competency
    that names none can never be awarded."""
    needed = (
        (KNOWLEDGE, requires_knowledge, knowledge_met),
        (WORKPLACE, requires_workplace_assessment, workplace_met),
        (PROCESS_VALIDATION, requires_process_validation, validation_met),
    )
    if not any(required for _, required, _ in needed):
        return RequirementDecision(met=False, missing=())
    missing = tuple(name for name, required, met in needed if required and not met)
    return RequirementDecision(met=not missing, missing=missing)


def day_achieved(met_on: Iterable[date]) -> date:
    """A competence is achieved on the day its last requirement was met."""
    return max(met_on)
