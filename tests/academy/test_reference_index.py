"""Records are not content: Wagtail's reference index (the admin's "Usage") leaves
them out, so saving one costs no indexing queries and a lesson's usage does not list
every trainee who completed it."""

import pytest
from django.urls import reverse
from wagtail.models import ReferenceIndex

from academy.models import AuditEvent
from academy.services import record_audit_event
from assessments.models import (
    Attempt,
    KnowledgeRequirementMet,
    ProcessValidation,
    WorkplaceAssessment,
)
from courses.models import LessonProgress, TrainingImpactingChange
from passport.models import Competence
from tests.factories.academy import UserFactory

RECORDS = [
    AuditEvent,
    Attempt,
    KnowledgeRequirementMet,
    ProcessValidation,
    WorkplaceAssessment,
    LessonProgress,
    TrainingImpactingChange,
    Competence,
]


@pytest.mark.parametrize("model", RECORDS, ids=lambda model: model.__name__)
def test_records_are_not_tracked_even_once_the_admin_registers_them(model):
    reverse("wagtailadmin_home")  # loading the admin registers its viewsets' models
    assert model not in ReferenceIndex.tracked_models


@pytest.mark.django_db
def test_an_audit_event_writes_one_row_and_no_index_rows(
    django_assert_max_num_queries,
):
    reverse("wagtailadmin_home")
    user = UserFactory()
    # On PostgreSQL: savepoint, chain lock, newest hash, insert, release.
    with django_assert_max_num_queries(5):
        record_audit_event("academy.user_signed_in", actor=user, target=user)
    assert not ReferenceIndex.objects.exists()
