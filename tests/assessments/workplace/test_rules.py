"""The outcome an assessor may sign from the checklist they recorded."""

import pytest

from assessments.workplace.rules import (
    OVERRIDE_NEEDED,
    competent_outcome_refusal,
    needs_override,
)

MET, NOT_MET, NA = "met", "not_met", "not_applicable"


@pytest.mark.parametrize(
    ("outcome", "results", "reason", "refused"),
    [
        ("competent", [MET, MET], "", False),
        ("competent", [MET, NA], "", False),
        ("competent", [MET, NOT_MET], "", True),
        ("competent", [NOT_MET, NOT_MET], "   ", True),
        ("competent", [MET, NOT_MET], "Repeated correctly at once.", False),
        ("not_yet_competent", [NOT_MET, NOT_MET], "", False),
    ],
)
def test_competent_needs_every_criterion_met_or_a_written_reason(
    outcome, results, reason, refused
):
    refusal = competent_outcome_refusal(
        outcome=outcome, results=results, override_reason=reason
    )
    assert refusal == (OVERRIDE_NEEDED if refused else "")


def test_only_competent_with_a_criterion_not_met_needs_an_override():
    assert needs_override(outcome="competent", results=iter([MET, NOT_MET]))
    assert not needs_override(outcome="competent", results=[MET, NA])
    assert not needs_override(outcome="not_yet_competent", results=[NOT_MET])
