from datetime import date
from itertools import product

import pytest

from assessments.requirements import (
    KNOWLEDGE,
    PROCESS_VALIDATION,
    WORKPLACE,
    day_achieved,
    decide_requirements,
)


@pytest.mark.parametrize(
    ("requires", "met"), list(product(product([False, True], repeat=3), repeat=2))
)
def test_met_only_when_every_named_requirement_is_met(requires, met):
    decision = decide_requirements(
        requires_knowledge=requires[0],
        requires_workplace_assessment=requires[1],
        requires_process_validation=requires[2],
        knowledge_met=met[0],
        workplace_met=met[1],
        validation_met=met[2],
    )
    expected = any(requires) and all(m for r, m in zip(requires, met, strict=True) if r)
    assert decision.met is expected


def test_names_what_is_missing():
    decision = decide_requirements(
        requires_knowledge=True,
        requires_workplace_assessment=True,
        requires_process_validation=True,
        knowledge_met=True,
        workplace_met=False,
        validation_met=False,
    )
    assert decision.missing == (WORKPLACE, PROCESS_VALIDATION)
    assert KNOWLEDGE not in decision.missing


def test_a_competency_with_no_requirement_is_never_met():
    decision = decide_requirements(
        requires_knowledge=False,
        requires_workplace_assessment=False,
        requires_process_validation=False,
        knowledge_met=True,
        workplace_met=True,
        validation_met=True,
    )
    assert not decision.met


def test_a_competence_is_achieved_on_the_day_its_last_requirement_was_met():
    days = [date(2026, 11, 24), date(2026, 12, 3), date(2026, 11, 28)]
    assert day_achieved(days) == date(2026, 12, 3)
    assert day_achieved(days[:1]) == date(2026, 11, 24)
