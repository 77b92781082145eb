import datetime

import pytest

from passport.competences.services import award_competence
from passport.findings.services import Mismatch
from passport.models import SignatureProblem
from tests.factories.academy import CompetencyFactory, UserFactory


@pytest.fixture
def competence(db):
    return award_competence(
        holder=UserFactory(full_name="Tom Okafor"),
        competency=CompetencyFactory(code="COR-01"),
        achieved_on=datetime.date.today() - datetime.timedelta(days=10),
        evidence={},
        awarded_by=None,
    ).competence


@pytest.fixture
def admin(make_user):
    return make_user(is_superuser=True, is_staff=True, email="admin@academy.example")


def mismatch(competence, *, subject="signature 7", state="a", **fields) -> Mismatch:
    """A suspension of `competence` found changed after signing."""
    return Mismatch(
        **{
            "subject": subject,
            "problem": SignatureProblem.CONTENT_CHANGED,
            "record_type": "passport.competence",
            "record_id": str(competence.pk),
            "description": f"Suspension of COR-01 held by Tom Okafor ({subject})",
            "observed_hash": state * 64,
            "competence_ids": frozenset({competence.pk}),
            **fields,
        }
    )
