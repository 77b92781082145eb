"""Demo process validations: Priya qualified, Tom suspended after a failed test."""

from django.utils import timezone

from academy.models import User
from assessments.models import ProcessValidation
from assessments.validations.queries import operator_validations
from demo.assessments.validations import load_validations
from passport.models import Competence, CompetenceStatus


def test_demo_validations_qualify_priya_and_suspend_tom_once(demo_data):
    today = timezone.localdate()
    priya = User.objects.get(email="trainee@academy.example")
    tom = User.objects.get(email="trainee2@academy.example")
    held = {
        (c.holder_id, c.competency.code): c.status
        for c in Competence.objects.select_related("competency")
    }
    assert held[(priya.pk, "ASP-08")] == CompetenceStatus.CURRENT
    assert held[(priya.pk, "ASP-02")] == CompetenceStatus.CURRENT
    assert held[(tom.pk, "ASP-08")] == CompetenceStatus.SUSPENDED
    assert operator_validations(priya, today=today).unsupervised.allowed
    toms = operator_validations(tom, today=today)
    assert toms.standings["broth_transfer"].status.suspended
    assert not toms.unsupervised.allowed

    count = ProcessValidation.objects.count()
    assert load_validations() == "Process validations: already loaded."
    assert ProcessValidation.objects.count() == count
