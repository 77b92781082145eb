"""A supervising, accredited trainer and an operator, the three validation
competencies of the framework, and the results a trainer enters for each kind."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from tests.factories.academy import CompetencyFactory
from tests.factories.trainers import AccreditationFactory
from trainers import services


def validation_competencies(area):
    """ASP-08, ASP-02 and ASP-09 with the framework's revalidation rules."""
    common = {
        "area": area,
        "band_from": 2,
        "band_to": 6,
        "requires_workplace_assessment": False,
        "requires_process_validation": True,
    }
    return {
        "broth_transfer": CompetencyFactory(
            code="ASP-08",
            revalidation_kind="initial_then_every",
            initial_passes=3,
            revalidation_months=6,
            **common,
        ),
        "gowning": CompetencyFactory(
            code="ASP-02",
            revalidation_kind="every",
            revalidation_months=12,
            **common,
        ),
        "finger_dab": CompetencyFactory(
            code="ASP-09", requires_knowledge=True, **common
        ),
    }


@pytest.fixture
def validators(network):
    """The network's trainer supervises and may assess its trainee (the operator)."""
    network.competencies = validation_competencies(network.aseptic)
    services.assign_trainer(
        trainer=network.trainer, trainee=network.trainee, assigned_by=network.lead
    )
    AccreditationFactory(person=network.trainer, areas=[network.aseptic])
    return network


def ago(days: int) -> date:
    return timezone.localdate() - timedelta(days=days)


def broth(days_ago: int, *, passed: bool = True) -> dict:
    return {
        "performed_on": ago(days_ago),
        "incubation_started_on": ago(days_ago),
        "read_on": ago(days_ago - 14),
        "read_by": "Jo Wright",
        "kit": "Universal operator broth transfer kit",
        "lot_number": "BT-1",
        "manipulations": "Vial to syringe to bag",
        "passed": passed,
        "notes": "",
    }


def gowning(days_ago: int, *, visual: bool = True, glove: int = 0) -> dict:
    return {
        "performed_on": ago(days_ago),
        "read_on": ago(days_ago - 5),
        "read_by": "Jo Wright",
        "visual_passed": visual,
        "left_glove_cfu": glove,
        "right_glove_cfu": 0,
        "gown_cfu": 0,
        "notes": "",
    }


def finger_dab(days_ago: int, *, left: int = 0) -> dict:
    return {
        "performed_on": ago(days_ago),
        "read_on": ago(days_ago - 5),
        "read_by": "Jo Wright",
        "left_glove_cfu": left,
        "right_glove_cfu": 0,
        "notes": "",
    }
