"""The demo world once for the security battery, a client per role: the demo's
accounts (among them the regional and national leads, Jordan Reid the apprentice, his
provider's representative and Eastfield's training lead), a trainer of another
region and another apprentice's apprenticeship at Southvale."""

import io
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.utils import timezone

from academy.models import Band, Organisation, SpecialistArea, User
from tests.factories.academy import OrganisationFactory, UserFactory

ROLES = [
    "anonymous",
    "trainee",
    "trainee2",
    "trainer",
    "trainer_other",
    "mentor",
    "lead",
    "lead2",
    "editor",
    "moderator",
    "admin",
    "regional",
    "national",
    "apprentice",
    "provider",
    "lead_eastfield",
]
DEMO_EMAILS = {
    "trainee": "trainee@academy.example",
    "trainee2": "trainee2@academy.example",
    "trainer": "trainer@academy.example",
    "mentor": "mentor@academy.example",
    "lead": "lead@academy.example",
    "lead2": "lead2@academy.example",
    "editor": "editor@academy.example",
    "moderator": "moderator@academy.example",
    "admin": "admin@academy.example",
    "regional": "regional@academy.example",
    "national": "national@academy.example",
    "apprentice": "apprentice@academy.example",
    "provider": "provider@academy.example",
    "lead_eastfield": "lead.eastfield@academy.example",
}
OTHER_APPRENTICE = "apprentice.other@test.example"


@dataclass
class World:
    people: dict[str, User | None] = field(default_factory=dict)

    def client_for(self, role: str) -> Client:
        client = Client()
        person = self.people.get(role)
        if person is not None:
            client.force_login(person)
        return client


def _trainer_in_another_organisation() -> User:
    """An accredited trainer of another region, supervising a trainee of their own."""
    from trainers import services

    organisation = OrganisationFactory(name="Westmoor Hospitals", region="South West")
    lead = UserFactory(
        organisation=organisation,
        email="lead.west@test.example",
        roles=["Training lead"],
    )
    services.appoint_training_lead(person=lead, organisation=organisation)
    trainer = UserFactory(
        organisation=organisation,
        email="trainer.west@test.example",
        band=6,
        roles=["Trainer"],
    )
    today = timezone.localdate()
    services.grant_accreditation(
        person=trainer,
        granted_by=lead,
        areas=[SpecialistArea.objects.get(code="ASP")],
        band_from=Band.BAND_2,
        band_to=Band.BAND_6,
        starts_on=today - timedelta(days=30),
        expires_on=today + timedelta(days=300),
        reason="Security battery: a trainer outside the demo organisations.",
    )
    services.assign_trainer(
        trainer=trainer,
        trainee=UserFactory(organisation=organisation, roles=["Trainee"]),
        assigned_by=lead,
        starts_on=today - timedelta(days=10),
    )
    return trainer


def _apprenticeship_at_southvale() -> None:
    """Another apprentice's apprenticeship, at Southvale (South East), whose employer's
    representative is its training lead, Daniel Evans, with another provider's
    representative: nobody on Jordan Reid's apprenticeship is named on it."""
    from apprenticeships.models import Apprenticeship, ApprenticeshipStandard

    southvale = Organisation.objects.get(ods_code="RYQ")
    today = timezone.localdate()
    apprenticeship = Apprenticeship.objects.create(
        apprentice=UserFactory(
            organisation=southvale, email=OTHER_APPRENTICE, roles=["Trainee"]
        ),
        standard=ApprenticeshipStandard.objects.get(code="ST0300"),
        employer=southvale,
        training_provider="Southern Pharmacy Training",
        employer_representative=User.objects.get(email=DEMO_EMAILS["lead2"]),
        provider_representative=UserFactory(
            organisation=None, email="provider.other@test.example"
        ),
        start_date=today - timedelta(days=60),
        planned_end_date=today + timedelta(days=700),
        gateway_date=today + timedelta(days=610),
    )
    apprenticeship.log_entries.create(
        activity="Dispensary induction",
        on_date=today - timedelta(days=5),
        hours=7,
        recorded_by=apprenticeship.employer_representative,
    )


@pytest.fixture(scope="package")
def world(django_db_setup, django_db_blocker):
    """The demo content and accounts plus a trainer of another organisation, loaded
    once for the security battery inside a transaction that is rolled back when its
    last test has run (under pytest-xdist the battery runs in one process)."""
    with django_db_blocker.unblock(), transaction.atomic():
        from django.conf import settings

        debug, settings.DEBUG = settings.DEBUG, True
        try:
            call_command("load_demo", verbosity=0, stdout=io.StringIO())
        finally:
            settings.DEBUG = debug
        people = {role: User.objects.get(email=e) for role, e in DEMO_EMAILS.items()}
        people["anonymous"] = None
        people["trainer_other"] = _trainer_in_another_organisation()
        _apprenticeship_at_southvale()
        assert Organisation.objects.count() >= 4
        yield World(people=people)
        transaction.set_rollback(True)
