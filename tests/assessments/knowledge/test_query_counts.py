"""The attempt, result, history and My assessments pages do not grow in queries."""

import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.knowledge.services import start_attempt, submit_attempt
from courses.models import LessonPage
from courses.services import complete_lesson
from tests.assessments.conftest import right_answers
from tests.factories.assessments import make_question, make_settings
from tests.factories.courses import make_area_page, make_catalogue, make_module

pytestmark = pytest.mark.django_db

PASS_READS = 2


def _count(client, url) -> int:
    # A first request fills per-process caches (content types, site root); count the next.
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _grow(module, competency, *, questions: int):
    for number in range(questions):
        make_question(
            module,
            competency=competency,
            kind="numeric",
            answer=str(number),
            topic=f"T{number}",
        )


def test_attempt_and_result_pages_do_not_grow_with_questions(
    client, ready_trainee, module, competency, bank
):
    make_settings(
        module, questions_per_attempt=50, max_attempts=None, cooldown_minutes=0
    )
    client.force_login(ready_trainee)
    counts = []
    for extra in (0, 12):
        _grow(module, competency, questions=extra)
        attempt = start_attempt(ready_trainee, module=module, rng=random.Random(1))
        attempt_count = _count(
            client, reverse("assessments:attempt", args=[attempt.pk])
        )
        submit_attempt(attempt, responses=right_answers(attempt) if extra else {})
        result_count = _count(client, reverse("assessments:result", args=[attempt.pk]))
        history = _count(
            client, reverse("assessments:module_assessment", args=[module.pk])
        )
        counts.append(
            (attempt_count, result_count, history, len(attempt.snapshot["questions"]))
        )
    (a1, r1, h1, n1), (a2, r2, h2, n2) = counts
    assert n2 > n1
    # The second attempt passes: its result page also reads what the pass counts
    # towards (the requirements it met, and the certificates of what it awarded).
    assert (a2, r2, h2) == (a1, r1 + PASS_READS, h1)


def test_my_assessments_does_not_grow_with_modules(
    client, ready_trainee, site_root, competency
):
    client.force_login(ready_trainee)
    area_page = make_area_page(make_catalogue(site_root))
    counts = []
    for _ in range(2):
        for _ in range(3):
            extra = make_module(area_page, lessons=1, competencies=[competency])
            make_question(extra, competency=competency)
            make_settings(extra)
            for lesson in LessonPage.objects.live().child_of(extra):
                complete_lesson(ready_trainee, lesson=lesson)
            submit_attempt(start_attempt(ready_trainee, module=extra), responses={})
        counts.append(_count(client, reverse("assessments:my_assessments")))
    assert counts[0] == counts[1]
