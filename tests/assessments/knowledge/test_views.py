import datetime
import random

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.knowledge.services import start_attempt, submit_attempt
from assessments.models import Attempt, AttemptStatus
from tests.assessments.conftest import posted, right_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, ready_trainee):
    client.force_login(ready_trainee)
    return client


@pytest.fixture
def attempt(ready_trainee, module, assessment_settings):
    return start_attempt(ready_trainee, module=module, rng=random.Random(2))


def _main(response) -> str:
    """The page's main content (the NHS logo's SVG path is full of numbers)."""
    body = response.content.decode()
    return body.split('id="maincontent"', 1)[-1] if "maincontent" in body else body


def _secret_texts(attempt) -> list[str]:
    """Everything that would give the answers away before marking."""
    secrets = []
    for question in attempt.snapshot["questions"]:
        secrets.append(question["feedback"])
        if question["answer"] is not None:
            secrets.extend([question["answer"], "2.5", "0.05"])
    return secrets


def test_start_from_module_page_then_answer_sheet(
    signed_in, module, assessment_settings
):
    page = signed_in.get(reverse("assessments:module_assessment", args=[module.pk]))
    assert page.status_code == 200
    assert b"Start the assessment" in page.content
    response = signed_in.post(reverse("assessments:start_attempt", args=[module.pk]))
    attempt = Attempt.objects.get()
    assert response.url == reverse("assessments:attempt", args=[attempt.pk])
    sheet = signed_in.get(response.url)
    assert sheet.status_code == 200
    assert b"Check your answers" in sheet.content
    assert b"Submit answers" not in sheet.content  # only after checking


def test_locked_until_lessons_complete(client, trainee, module, assessment_settings):
    client.force_login(trainee)
    page = client.get(reverse("assessments:module_assessment", args=[module.pk]))
    assert b"Complete every lesson" in page.content
    client.post(reverse("assessments:start_attempt", args=[module.pk]))
    assert not Attempt.objects.exists()


def test_answer_key_never_reaches_the_browser_before_marking(signed_in, attempt):
    # The trainee's own answers are echoed back, so they guess wrong numbers here.
    guesses = {
        str(q["id"]): "7" if q["kind"] == "numeric" else [q["options"][-1]["id"]]
        for q in attempt.snapshot["questions"]
    }
    responses = [
        signed_in.get(reverse("assessments:attempt", args=[attempt.pk])),
        signed_in.post(
            reverse("assessments:attempt", args=[attempt.pk]),
            {"action": "save", **posted(guesses, attempt)},
        ),
        signed_in.post(
            reverse("assessments:attempt", args=[attempt.pk]),
            {
                "action": "submit",
                f"q-{attempt.snapshot['questions'][0]['id']}": "nonsense",
            },
        ),
        signed_in.post(
            reverse("assessments:autosave", args=[attempt.pk]), posted(guesses, attempt)
        ),
        signed_in.get(reverse("assessments:result", args=[attempt.pk]), follow=True),
    ]
    for response in responses:
        body = _main(response)
        assert response.status_code in {200, 302}
        assert "correct" not in body.lower().replace("incorrect", "")
        assert "is_correct" not in body
        for secret in _secret_texts(attempt):
            assert secret not in body, secret


def test_result_shows_score_and_feedback_after_marking(signed_in, attempt):
    signed_in.post(
        reverse("assessments:attempt", args=[attempt.pk]),
        {"action": "check", **posted(right_answers(attempt), attempt)},
    )
    signed_in.post(reverse("assessments:check_answers", args=[attempt.pk]))
    result = signed_in.get(reverse("assessments:result", args=[attempt.pk]))
    body = result.content.decode()
    assert "You passed" in body
    assert "4 out of 4 (100%)" in body
    assert "150 / 60 = 2.5 mL (worked answer)." in body


def test_feedback_withheld_after_a_fail_when_policy_is_after_pass(
    signed_in, ready_trainee, module, assessment_settings
):
    assessment_settings.feedback_policy = "after_pass"
    assessment_settings.save()
    attempt = start_attempt(ready_trainee, module=module)
    submit_attempt(attempt, responses={})
    body = _main(signed_in.get(reverse("assessments:result", args=[attempt.pk])))
    assert "You did not pass this time" in body
    assert "Topics to revise" in body
    for secret in _secret_texts(attempt):
        assert secret not in body


def test_other_peoples_attempts_are_not_found(client, make_user, attempt):
    other = make_user("Trainee")
    client.force_login(other)
    for name in (
        "assessments:attempt",
        "assessments:check_answers",
        "assessments:result",
    ):
        assert client.get(reverse(name, args=[attempt.pk])).status_code == 404
    submit = client.post(
        reverse("assessments:attempt", args=[attempt.pk]),
        {"action": "check", **posted(right_answers(attempt), attempt)},
    )
    assert submit.status_code == 404
    confirm = client.post(reverse("assessments:check_answers", args=[attempt.pk]))
    assert confirm.status_code == 404
    autosave = client.post(reverse("assessments:autosave", args=[attempt.pk]), {})
    assert autosave.status_code == 404
    attempt.refresh_from_db()
    assert attempt.is_open
    assert attempt.responses == {}


def test_signed_out_people_are_sent_to_sign_in(client, attempt):
    response = client.get(reverse("assessments:attempt", args=[attempt.pk]))
    assert response.status_code == 302
    assert "sign-in" in response.url


def test_malformed_answers_get_clear_messages_and_nothing_bad_is_saved(
    signed_in, attempt
):
    by_kind = {q["kind"]: q for q in attempt.snapshot["questions"]}
    single, numeric = by_kind["single"], by_kind["numeric"]
    response = signed_in.post(
        reverse("assessments:attempt", args=[attempt.pk]),
        {
            "action": "submit",
            f"q-{single['id']}": [
                single["options"][0]["value"],
                single["options"][1]["value"],
            ],
            f"q-{numeric['id']}": "two point five",
            "q-999999": "1",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error:" in body
    assert "choose one answer only" in body
    assert "Enter the answer as a number" in body
    attempt.refresh_from_db()
    assert attempt.is_open
    assert attempt.responses == {}


def test_unknown_option_and_huge_string(signed_in, attempt):
    single = next(q for q in attempt.snapshot["questions"] if q["kind"] == "single")
    numeric = next(q for q in attempt.snapshot["questions"] if q["kind"] == "numeric")
    response = signed_in.post(
        reverse("assessments:attempt", args=[attempt.pk]),
        {f"q-{single['id']}": "123456789", f"q-{numeric['id']}": "9" * 100_000},
    )
    body = response.content.decode()
    assert "choose from the answers shown" in body
    assert "no more than 30 characters" in body
    assert "9" * 100 not in body


def test_save_and_continue_later_keeps_answers(signed_in, attempt):
    answers = right_answers(attempt)
    response = signed_in.post(
        reverse("assessments:attempt", args=[attempt.pk]),
        {"action": "save", **posted(answers, attempt)},
    )
    assert response.url == reverse(
        "assessments:module_assessment", args=[attempt.module_id]
    )
    attempt.refresh_from_db()
    assert attempt.responses == answers
    sheet = signed_in.get(
        reverse("assessments:attempt", args=[attempt.pk])
    ).content.decode()
    assert sheet.count(" checked") == 4  # single + two multiple + true/false
    assert 'value="2.500000"' in sheet


def test_autosave_returns_json_without_marks(signed_in, attempt):
    response = signed_in.post(
        reverse("assessments:autosave", args=[attempt.pk]),
        posted(right_answers(attempt), attempt),
    )
    assert response.status_code == 200
    assert set(response.json()) == {"saved", "saved_at", "errors"}


def test_double_submit_through_the_page_changes_nothing(signed_in, attempt):
    confirm = reverse("assessments:check_answers", args=[attempt.pk])
    result = reverse("assessments:result", args=[attempt.pk])
    assert signed_in.post(confirm).url == result
    replay = signed_in.post(
        reverse("assessments:attempt", args=[attempt.pk]),
        {"action": "check", **posted(right_answers(attempt), attempt)},
    )
    assert replay.url == result
    assert signed_in.post(confirm).url == result
    attempt.refresh_from_db()
    assert attempt.score == 0


def test_opening_an_overdue_attempt_closes_and_marks_it(
    signed_in, ready_trainee, module, assessment_settings
):
    attempt = start_attempt(
        ready_trainee, module=module, now=timezone.now() - datetime.timedelta(hours=2)
    )
    response = signed_in.get(reverse("assessments:attempt", args=[attempt.pk]))
    assert response.url == reverse("assessments:result", args=[attempt.pk])
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.TIMED_OUT


def test_my_assessments_lists_enrolled_modules(signed_in, module, assessment_settings):
    page = signed_in.get(reverse("assessments:my_assessments"))
    assert module.title in page.content.decode()
    assert "Ready to start" in page.content.decode()
    assert b"My assessments" in page.content


def test_module_without_assessment_is_not_found(signed_in, module):
    page = signed_in.get(reverse("assessments:module_assessment", args=[module.pk]))
    assert page.status_code == 404
