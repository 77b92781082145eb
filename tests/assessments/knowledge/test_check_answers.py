"""The attempt page never submits: "Check your answers" lists every answer and the
questions left unanswered, with links back to them, and the final submission is a
separate confirmation. The time left counts down live, from the server's deadline."""

import datetime
import random
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.knowledge.forms import AnswerSheet, public_questions
from assessments.knowledge.services import start_attempt
from assessments.models import AttemptStatus
from tests.assessments.conftest import posted, right_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, ready_trainee):
    client.force_login(ready_trainee)
    return client


@pytest.fixture
def attempt(ready_trainee, module, assessment_settings):
    return start_attempt(ready_trainee, module=module, rng=random.Random(3))


def _one_answer(attempt) -> tuple[dict, dict]:
    """The right answer to the first question only: (responses, the question)."""
    first = attempt.snapshot["questions"][0]
    return {str(first["id"]): right_answers(attempt)[str(first["id"])]}, first


@pytest.mark.parametrize("action", ["check", "submit"])
def test_the_answer_sheet_goes_on_to_check_and_submits_nothing(
    signed_in, attempt, action
):
    """ "submit" is what a page served before the check step posted: it is checked too."""
    answers, _ = _one_answer(attempt)
    response = signed_in.post(
        reverse("assessments:attempt", args=[attempt.pk]),
        {"action": action, **posted(answers, attempt)},
    )
    assert response.url == reverse("assessments:check_answers", args=[attempt.pk])
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.IN_PROGRESS
    assert attempt.submitted_at is None
    assert attempt.responses == answers  # never lost on the way


def test_check_your_answers_lists_the_unanswered_with_links_back(signed_in, attempt):
    answers, _ = _one_answer(attempt)
    signed_in.post(
        reverse("assessments:attempt", args=[attempt.pk]),
        {"action": "check", **posted(answers, attempt)},
    )
    page = signed_in.get(reverse("assessments:check_answers", args=[attempt.pk]))
    body = page.content.decode()
    assert page.status_code == 200
    assert "Check your answers before you submit" in body
    assert "You have not answered 3 of 4 questions" in body
    sheet_url = reverse("assessments:attempt", args=[attempt.pk])
    questions = public_questions(attempt.snapshot)
    for question in questions[1:]:
        link = f'href="{sheet_url}#{question.input_id}">Question {question.number}<'
        assert link in body
        # The link lands on the question's first input, which the sheet has.
        sheet = signed_in.get(sheet_url).content.decode()
        assert f'id="{question.input_id}"' in sheet
    # The answer given is shown in words, with a way to change it.
    given = AnswerSheet.from_saved(attempt.snapshot, answers).questions[0]
    assert given.answer_text
    assert given.answer_text in body
    assert f"{sheet_url}#{questions[0].input_id}" in body
    assert body.count("Not answered") == 3
    assert re.search(r"<button[^>]*>Submit answers</button>", body)
    attempt.refresh_from_db()
    assert attempt.is_open  # looking at the check page submits nothing


def test_check_your_answers_with_everything_answered_has_no_warning(signed_in, attempt):
    signed_in.post(
        reverse("assessments:attempt", args=[attempt.pk]),
        {"action": "check", **posted(right_answers(attempt), attempt)},
    )
    body = signed_in.get(
        reverse("assessments:check_answers", args=[attempt.pk])
    ).content.decode()
    assert "You have not answered" not in body
    assert "Not answered" not in body


def test_the_final_submission_is_confirmed_on_the_check_page(signed_in, attempt):
    answers = right_answers(attempt)
    signed_in.post(
        reverse("assessments:attempt", args=[attempt.pk]),
        {"action": "check", **posted(answers, attempt)},
    )
    response = signed_in.post(reverse("assessments:check_answers", args=[attempt.pk]))
    assert response.url == reverse("assessments:result", args=[attempt.pk])
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.SUBMITTED
    assert attempt.responses == answers
    assert attempt.passed


def test_answers_autosaved_after_checking_are_the_ones_submitted(signed_in, attempt):
    """Going back from the check page to change an answer keeps every other answer."""
    answers = right_answers(attempt)
    signed_in.post(
        reverse("assessments:attempt", args=[attempt.pk]),
        {"action": "check", **posted(answers, attempt)},
    )
    signed_in.post(
        reverse("assessments:autosave", args=[attempt.pk]), posted(answers, attempt)
    )
    signed_in.post(reverse("assessments:check_answers", args=[attempt.pk]))
    attempt.refresh_from_db()
    assert attempt.responses == answers


def test_a_malformed_answer_stays_on_the_sheet_with_its_error(signed_in, attempt):
    numeric = next(q for q in attempt.snapshot["questions"] if q["kind"] == "numeric")
    answers, _ = _one_answer(attempt)
    response = signed_in.post(
        reverse("assessments:attempt", args=[attempt.pk]),
        {"action": "check", **posted(answers, attempt), f"q-{numeric['id']}": "lots"},
    )
    assert response.status_code == 200
    assert "Enter the answer as a number" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.is_open
    assert attempt.responses == answers  # the well-formed answer is saved


def test_the_check_page_of_an_overdue_attempt_marks_it_at_the_deadline(
    signed_in, ready_trainee, module, assessment_settings
):
    late = start_attempt(
        ready_trainee, module=module, now=timezone.now() - datetime.timedelta(hours=2)
    )
    url = reverse("assessments:check_answers", args=[late.pk])
    assert signed_in.get(url).url == reverse("assessments:result", args=[late.pk])
    late.refresh_from_db()
    assert late.status == AttemptStatus.TIMED_OUT
    # Confirming afterwards changes nothing.
    assert signed_in.post(url).url == reverse("assessments:result", args=[late.pk])
    late.refresh_from_db()
    assert late.status == AttemptStatus.TIMED_OUT


@pytest.mark.parametrize("name", ["assessments:attempt", "assessments:check_answers"])
def test_the_time_left_counts_down_from_the_server_deadline(signed_in, attempt, name):
    body = signed_in.get(reverse(name, args=[attempt.pk])).content.decode()
    # Without scripts the deadline is there to read.
    local = timezone.localtime(attempt.deadline)
    assert f"Submit by <strong>{local:%H:%M} on {local.day} {local:%B %Y}" in body
    # The count starts from the seconds the server says are left (20 minutes).
    left = int(re.search(r'data-seconds-left="(\d+)"', body).group(1))
    assert 20 * 60 - 10 <= left <= 20 * 60
    assert re.search(r"<p data-countdown [^>]*hidden>", body)
    assert "assessments/countdown.js" in body
    # Screen readers hear it from one polite live region, not from every tick.
    assert re.search(
        r'<p class="nhsuk-u-visually-hidden" aria-live="polite" '
        r"data-countdown-announce></p>",
        body,
    )
    assert 'role="timer"' in body


def test_the_time_left_is_never_negative(
    signed_in, ready_trainee, module, assessment_settings
):
    """Within the grace after the deadline the page still opens, at 0 seconds left."""
    nearly = start_attempt(
        ready_trainee,
        module=module,
        now=timezone.now() - datetime.timedelta(minutes=20, seconds=5),
    )
    body = signed_in.get(
        reverse("assessments:attempt", args=[nearly.pk])
    ).content.decode()
    assert 'data-seconds-left="0"' in body
