from datetime import timedelta

import pytest
from django.utils import timezone

from apprenticeships.models import (
    Apprenticeship,
    ApprenticeshipStandard,
    KSBKind,
    StandardKSB,
)
from tests.factories.academy import CompetencyFactory, OrganisationFactory, UserFactory
from trainers.services import appoint_training_lead

PASSWORD = "correct-horse-battery"


@pytest.fixture
def employer(db):
    return OrganisationFactory(name="Eastfield Test Trust")


@pytest.fixture
def lead(employer):
    person = UserFactory(
        organisation=employer, full_name="Lena Lead", roles=["Training lead"]
    )
    appoint_training_lead(person=person, organisation=employer)
    return person


@pytest.fixture
def apprentice(employer):
    return UserFactory(
        organisation=employer, full_name="Alex Apprentice", roles=["Trainee"]
    )


@pytest.fixture
def provider_rep(db):
    return UserFactory(organisation=None, full_name="Petra Provider")


@pytest.fixture
def competency(db):
    return CompetencyFactory(title="Aseptic gowning")


@pytest.fixture
def standard(competency):
    standard = ApprenticeshipStandard.objects.create(
        code="ST1406",
        version="1.1",
        title="Science manufacturing technician",
        option="Aseptic",
        otj_minimum_hours=400,
    )
    ksb = StandardKSB.objects.create(
        standard=standard, code="S1", kind=KSBKind.SKILL, text="Works aseptically"
    )
    ksb.competencies.set([competency])
    ksb.save()
    StandardKSB.objects.create(
        standard=standard, code="B1", kind=KSBKind.BEHAVIOUR, text="Takes ownership"
    )
    return standard


@pytest.fixture
def apprenticeship(apprentice, lead, provider_rep, standard, employer):
    today = timezone.localdate()
    return Apprenticeship.objects.create(
        apprentice=apprentice,
        standard=standard,
        employer=employer,
        training_provider="Northern Pharmacy Training",
        employer_representative=lead,
        provider_representative=provider_rep,
        start_date=today - timedelta(days=100),
        planned_end_date=today + timedelta(days=630),
        gateway_date=today + timedelta(days=540),
    )
