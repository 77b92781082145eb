import datetime

import factory
from django.utils import timezone

from passport.models import TrainingPlan, TrainingPlanItem
from tests.factories.academy import CompetencyFactory, UserFactory


class TrainingPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingPlan

    trainee = factory.SubFactory(UserFactory, roles=["Trainee"])


class TrainingPlanItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingPlanItem

    plan = factory.SubFactory(TrainingPlanFactory)
    competency = factory.SubFactory(CompetencyFactory)
    added_by = factory.SubFactory(UserFactory)
    due_on = factory.LazyFunction(
        lambda: timezone.localdate() + datetime.timedelta(days=30)
    )
