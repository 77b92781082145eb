import io

import pytest
from django.core.management import call_command

from academy.models import User
from assessments.models import (
    AssessmentSettings,
    Attempt,
    KnowledgeRequirementMet,
    Question,
)
from demo.assessments import complete_modules

pytestmark = pytest.mark.django_db


def test_every_complete_demo_module_has_a_published_bank(demo_data):
    modules = complete_modules()
    assert len(modules) >= 8
    for module in modules:
        live = Question.objects.filter(module=module, live=True)
        settings = AssessmentSettings.objects.get(module=module)
        assert settings.questions_per_attempt >= 5, module.title
        assert live.count() >= 3 * settings.questions_per_attempt, module.title
        assert live.filter(kind="numeric").count() >= 4, module.title
        settings.full_clean()
        for question in live.exclude(kind="numeric"):
            assert question.options.filter(is_correct=True).exists(), question.stem


def test_demo_trainee_failed_then_passed(demo_data):
    trainee = User.objects.get(email="trainee@academy.example")
    attempts = list(Attempt.objects.filter(trainee=trainee).order_by("number"))
    assert [a.passed for a in attempts] == [False, True]
    assert attempts[0].submitted_at < attempts[1].started_at
    assert KnowledgeRequirementMet.objects.filter(attempt=attempts[1]).exists()
    first, second = (
        {question["id"] for question in attempt.snapshot["questions"]}
        for attempt in attempts
    )
    assert not first & second  # the retake met new questions


def test_demo_load_is_idempotent(demo_data, settings):
    questions, attempts = Question.objects.count(), Attempt.objects.count()
    settings.DEBUG = True
    call_command("load_demo", verbosity=0, stdout=io.StringIO())
    assert Question.objects.count() == questions
    assert Attempt.objects.count() == attempts
