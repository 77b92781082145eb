"""The outcome an assessor may sign, from the checklist they recorded: plain values."""

from collections.abc import Iterable

from assessments.models import CriterionResult, Outcome

OVERRIDE_NEEDED = (
    "You recorded a criterion as not met. Choose not yet competent, or give your "
    "reason for finding the trainee competent all the same."
)


def needs_override(*, outcome: str, results: Iterable[str]) -> bool:
    """ "Competent" with any criterion not met needs the assessor's written reason."""
    return outcome == Outcome.COMPETENT and CriterionResult.NOT_MET in list(results)


def competent_outcome_refusal(
    *, outcome: str, results: Iterable[str], override_reason: str
) -> str:
    """Why the outcome cannot be signed with these results, or "" when it can."""
    if needs_override(outcome=outcome, results=results) and not override_reason.strip():
        return OVERRIDE_NEEDED
    return ""
