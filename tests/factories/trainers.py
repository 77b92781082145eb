import datetime

import factory
from django.utils import timezone

from tests.factories.academy import UserFactory
from trainers.models import Accreditation, DirectoryProfile, Supervision


class SupervisionFactory(factory.django.DjangoModelFactory):
    """A supervision row only; use trainers.services.assign_trainer for access."""

    class Meta:
        model = Supervision

    trainer = factory.SubFactory(UserFactory, roles=["Trainer"])
    trainee = factory.SubFactory(UserFactory, roles=["Trainee"])
    assigned_by = factory.SubFactory(UserFactory)
    starts_on = factory.LazyFunction(timezone.localdate)


class AccreditationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Accreditation
        skip_postgeneration_save = True

    person = factory.SubFactory(UserFactory, roles=["Trainer"])
    granted_by = factory.SubFactory(UserFactory)
    band_from = 2
    band_to = 6
    starts_on = factory.LazyFunction(
        lambda: timezone.localdate() - datetime.timedelta(days=10)
    )
    expires_on = factory.LazyFunction(
        lambda: timezone.localdate() + datetime.timedelta(days=365)
    )
    reason = "Completed the assessor course."

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.areas.set(extracted)

    @factory.post_generation
    def competencies(self, create, extracted, **kwargs):
        if create and extracted:
            self.competencies.set(extracted)


class DirectoryProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DirectoryProfile

    person = factory.SubFactory(UserFactory)
    listed = True
    offers_mentoring = True
    work_summary = "Aseptic services."
