from datetime import timedelta

import pytest
from django.utils import timezone

from passport.models import Competence, TrainingPlanItem
from tests.factories.academy import CompetencyFactory, OrganisationFactory
from tests.factories.passport import TrainingPlanFactory
from workforce import services


def hold(person, competency, *, expires_in: int = 365):
    today = timezone.localdate()
    return Competence.objects.create(
        holder=person,
        competency=competency,
        first_achieved_on=today - timedelta(days=200),
        achieved_on=today - timedelta(days=200),
        expires_on=today + timedelta(days=expires_in),
        updated_at=timezone.now(),
    )


def overdue_item(person, competency):
    plan = TrainingPlanFactory(trainee=person)
    return TrainingPlanItem.objects.create(
        plan=plan,
        competency=competency,
        due_on=timezone.localdate() - timedelta(days=3),
    )


class Network:
    """Two North West trusts (six and two trainees) and a London one (seven)."""

    def __init__(self, make_user):
        self.eastfield = OrganisationFactory(name="Eastfield", region="North West")
        self.westbank = OrganisationFactory(name="Westbank", region="North West")
        self.thames = OrganisationFactory(name="Thames", region="London")
        self.competency = CompetencyFactory()
        self.eastfield_staff = [
            make_user(
                "Trainee",
                organisation=self.eastfield,
                band=4,
                date_joined=timezone.now() - timedelta(days=400),
            )
            for _ in range(6)
        ]
        self.westbank_staff = [
            make_user("Trainee", organisation=self.westbank, band=4) for _ in range(2)
        ]
        self.thames_staff = [
            make_user("Trainee", organisation=self.thames, band=5) for _ in range(7)
        ]
        for person in self.eastfield_staff + self.thames_staff:
            hold(person, self.competency, expires_in=30)
        for person in self.westbank_staff:
            hold(person, self.competency)
            overdue_item(person, self.competency)
        self.regional_lead = make_user(organisation=self.eastfield)
        services.appoint_regional_lead(person=self.regional_lead, region="North West")
        self.national_lead = make_user(organisation=None)
        services.appoint_national_lead(person=self.national_lead)


@pytest.fixture
def network(make_user):
    return Network(make_user)
