import pytest

from academy.models import Competency
from tests.factories.academy import (
    CompetencyFactory,
    OrganisationFactory,
    SpecialistAreaFactory,
    UserFactory,
)
from trainers import services


class Network:
    """Two organisations in the North West and one in the South East, a lead of the
    first, trainers in each, a trainee in the first."""

    def __init__(self):
        self.home = OrganisationFactory(region="North West")
        self.neighbour = OrganisationFactory(region="North West")
        self.far = OrganisationFactory(region="South East")
        self.lead = UserFactory(organisation=self.home, roles=["Training lead"])
        self.trainee = UserFactory(organisation=self.home, roles=["Trainee"], band=3)
        self.trainer = UserFactory(organisation=self.home, roles=["Trainer"], band=6)
        self.neighbour_trainer = UserFactory(
            organisation=self.neighbour, roles=["Trainer"]
        )
        self.far_trainer = UserFactory(organisation=self.far, roles=["Trainer"])
        self.far_lead = UserFactory(organisation=self.far, roles=["Training lead"])
        self.mentor = UserFactory(organisation=self.far, roles=["Mentor"], band=7)
        self.stranger = UserFactory(organisation=self.home, roles=["Trainee"])
        services.appoint_training_lead(person=self.lead, organisation=self.home)
        services.appoint_training_lead(person=self.far_lead, organisation=self.far)
        self.aseptic = SpecialistAreaFactory()
        self.competency: Competency = CompetencyFactory(
            area=self.aseptic, band_from=2, band_to=4
        )


@pytest.fixture
def network(db):
    return Network()
