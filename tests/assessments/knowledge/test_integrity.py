"""Assessment integrity: a failed attempt never reveals the key, retakes meet new
questions, the page never carries option ids, and small banks get no full answers."""

import datetime
import random
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from assessments.knowledge.drawing import draw_questions
from assessments.knowledge.feedback import full_answers_allowed
from assessments.knowledge.forms import AnswerSheet, public_questions
from assessments.knowledge.scoring import mark_attempt
from assessments.knowledge.services import build_snapshot, start_attempt, submit_attempt
from assessments.models import AssessmentSettings, FeedbackPolicy
from tests.factories.assessments import make_question

pytestmark = pytest.mark.django_db

OPTION_VALUE = re.compile(
    r'name="(q-[0-9]+)" type="(?:radio|checkbox)" value="([^"]*)"'
)


def _main(response) -> str:
    body = response.content.decode()
    return body.split('id="maincontent"', 1)[-1]


def _key_texts(attempt) -> list[str]:
    """What a trainee could copy into a retake: right options, numbers, explanations."""
    texts = []
    for question in attempt.snapshot["questions"]:
        texts.append(question["feedback"])
        if question["answer"] is not None:
            texts.extend([question["answer"], "2.5"])
        texts.extend(o["text"] for o in question["options"] if o["correct"])
    return [text for text in texts if text not in {"True", "False"}]


def _grow_bank(module, competency, *, to: int) -> None:
    for number in range(to - 4):
        make_question(
            module,
            competency=competency,
            topic="More",
            stem=f"Extra question {number}?",
            options=[(f"Right {number}", True), (f"Wrong {number}", False)],
        )


def test_failed_attempt_names_wrong_questions_and_topics_but_no_answer(
    client, ready_trainee, module, assessment_settings
):
    attempt = start_attempt(ready_trainee, module=module, rng=random.Random(2))
    submit_attempt(attempt, responses={})
    client.force_login(ready_trainee)
    body = _main(client.get(reverse("assessments:result", args=[attempt.pk])))
    assert "You did not pass this time" in body
    assert "Topics to revise" in body
    assert "Questions to look at again" in body
    for question in attempt.snapshot["questions"]:
        assert question["stem"] in body
    assert "Correct answer" not in body
    for secret in _key_texts(attempt):
        assert secret not in body, secret


def test_full_answers_on_a_small_bank_are_withheld_even_if_set(
    client, ready_trainee, module, assessment_settings
):
    # Set directly, as an old row or a bank that shrank after the settings were saved.
    AssessmentSettings.objects.filter(pk=assessment_settings.pk).update(
        feedback_policy=FeedbackPolicy.AFTER_EACH_ATTEMPT
    )
    attempt = start_attempt(ready_trainee, module=module, rng=random.Random(2))
    assert attempt.feedback_policy == FeedbackPolicy.AFTER_PASS
    submit_attempt(attempt, responses={})
    client.force_login(ready_trainee)
    body = _main(client.get(reverse("assessments:result", args=[attempt.pk])))
    for secret in _key_texts(attempt):
        assert secret not in body, secret


def test_full_answers_after_each_attempt_when_the_bank_is_three_times_the_draw(
    client, ready_trainee, module, competency, assessment_settings
):
    _grow_bank(module, competency, to=12)
    assessment_settings.feedback_policy = FeedbackPolicy.AFTER_EACH_ATTEMPT
    assessment_settings.full_clean()
    assessment_settings.save()
    attempt = start_attempt(ready_trainee, module=module, rng=random.Random(2))
    assert attempt.feedback_policy == FeedbackPolicy.AFTER_EACH_ATTEMPT
    submit_attempt(attempt, responses={})
    client.force_login(ready_trainee)
    body = _main(client.get(reverse("assessments:result", args=[attempt.pk])))
    assert "Correct answer" in body


def test_settings_refuse_full_answers_on_a_small_bank(assessment_settings):
    assessment_settings.feedback_policy = FeedbackPolicy.AFTER_EACH_ATTEMPT
    with pytest.raises(ValidationError) as refused:
        assessment_settings.full_clean()
    message = " ".join(refused.value.message_dict["feedback_policy"])
    assert "at least 3 times the questions drawn" in message
    assert "It holds 4 published questions" in message


def test_settings_refuse_full_answers_when_a_topic_is_small(
    module, competency, assessment_settings
):
    _grow_bank(module, competency, to=12)
    assessment_settings.feedback_policy = FeedbackPolicy.AFTER_EACH_ATTEMPT
    assessment_settings.questions_per_topic = 1  # "Rules" holds 2, "Facts" 1
    with pytest.raises(ValidationError):
        assessment_settings.full_clean()


def test_safe_feedback_is_the_default(module):
    settings = AssessmentSettings(module=module)
    assert settings.feedback_policy == FeedbackPolicy.AFTER_PASS
    settings.full_clean()


def test_admin_form_refuses_full_answers_on_a_small_bank(
    client, make_user, assessment_settings
):
    client.force_login(make_user("TSET editor"))
    url = reverse(
        "wagtailsnippets_assessments_assessmentsettings:edit",
        args=[assessment_settings.pk],
    )
    response = client.post(
        url,
        {
            "module": assessment_settings.module_id,
            "questions_per_attempt": 4,
            "questions_per_topic": "",
            "shuffle_options": "on",
            "pass_mark": 75,
            "time_limit_minutes": 20,
            "max_attempts": 3,
            "cooldown_minutes": 60,
            "feedback_policy": FeedbackPolicy.AFTER_EACH_ATTEMPT,
        },
    )
    assert response.status_code == 200
    assert b"the bank must hold at least 3 times" in response.content
    assessment_settings.refresh_from_db()
    assert assessment_settings.feedback_policy == FeedbackPolicy.AFTER_PASS


@pytest.mark.parametrize(
    ("sizes", "count", "per_topic", "allowed"),
    [
        ([8], 8, None, False),
        ([23], 8, None, False),
        ([24], 8, None, True),
        ([10, 5], 5, None, True),
        ([10, 5], 5, 2, False),
        ([6, 6], 5, 2, True),
        ([], 1, None, False),
    ],
)
def test_full_answers_allowed(sizes, count, per_topic, allowed):
    assert full_answers_allowed(sizes, count=count, per_topic=per_topic) is allowed


def test_draw_prefers_questions_not_seen():
    bank = [(n, "A" if n % 2 else "B") for n in range(1, 16)]
    seen = {1, 2, 3, 4, 5}
    for seed in range(20):
        drawn = draw_questions(bank, count=5, seen=seen, rng=random.Random(seed))
        assert len(drawn) == 5
        assert not set(drawn) & seen
    # When too few unseen remain, seen questions fill the draw.
    drawn = draw_questions(bank, count=5, seen=set(range(1, 13)), rng=random.Random(1))
    assert {13, 14, 15} <= set(drawn)
    assert len(set(drawn)) == 5
    # Per topic: unseen first within each topic.
    drawn = draw_questions(
        bank, count=0, per_topic=2, seen={1, 3, 2, 4}, rng=random.Random(3)
    )
    assert not set(drawn) & {1, 2, 3, 4}


def test_retake_draws_questions_not_seen_first(
    ready_trainee, module, competency, assessment_settings
):
    _grow_bank(module, competency, to=8)
    first_at = timezone.now() - datetime.timedelta(days=2)
    first = start_attempt(ready_trainee, module=module, now=first_at)
    submit_attempt(first, responses={}, now=first_at)
    second_at = first_at + datetime.timedelta(hours=2)
    second = start_attempt(ready_trainee, module=module, now=second_at)
    submit_attempt(second, responses={}, now=second_at)
    first_ids = {q["id"] for q in first.snapshot["questions"]}
    second_ids = {q["id"] for q in second.snapshot["questions"]}
    assert len(first_ids) == len(second_ids) == 4
    assert not first_ids & second_ids
    third = start_attempt(
        ready_trainee, module=module, now=second_at + datetime.timedelta(hours=2)
    )
    assert len({q["id"] for q in third.snapshot["questions"]}) == 4


def test_option_values_in_the_page_are_not_ids_and_change_between_attempts(
    client, ready_trainee, module, assessment_settings
):
    client.force_login(ready_trainee)
    started = timezone.now() - datetime.timedelta(days=1)
    values = []
    for number in range(2):
        at = started + datetime.timedelta(hours=2 * number)
        attempt = start_attempt(ready_trainee, module=module, now=at)
        attempt.deadline = timezone.now() + datetime.timedelta(minutes=20)
        attempt.save(update_fields=["deadline"])
        body = client.get(reverse("assessments:attempt", args=[attempt.pk]))
        found = [value for _, value in OPTION_VALUE.findall(_main(body))]
        ids = {
            str(o["id"]) for q in attempt.snapshot["questions"] for o in q["options"]
        }
        assert len(set(found)) == sum(
            len(q["options"]) for q in attempt.snapshot["questions"]
        )
        assert not set(found) & ids
        assert not any(value.isdigit() for value in found)
        values.append(set(found))
        submit_attempt(attempt, responses={}, now=at)
    assert not values[0] & values[1]


def test_posting_option_ids_instead_of_values_is_refused(attempt_with_choices):
    attempt = attempt_with_choices
    from django.http import QueryDict

    post = QueryDict(mutable=True)
    for question in attempt.snapshot["questions"]:
        for option in question["options"]:
            post.appendlist(f"q-{question['id']}", str(option["id"]))
    sheet = AnswerSheet.from_post(attempt.snapshot, post)
    assert sheet.responses == {}
    assert sheet.errors


@pytest.fixture
def attempt_with_choices(ready_trainee, module, assessment_settings):
    return start_attempt(ready_trainee, module=module)


def _choose_lowest_value(snapshot) -> AnswerSheet:
    from django.http import QueryDict

    post = QueryDict(mutable=True)
    for question in public_questions(snapshot):
        if question.kind in {"single", "true_false"}:
            post[question.name] = min(option["value"] for option in question.options)
    return AnswerSheet.from_post(snapshot, post)


def test_choosing_the_lowest_value_scores_no_better_than_chance_on_the_demo(
    demo_data,
):
    right = chance = answered = 0
    for settings in AssessmentSettings.objects.select_related("module"):
        for seed in range(8):
            snapshot = build_snapshot(settings, rng=random.Random(seed))
            sheet = _choose_lowest_value(snapshot)
            choices = [
                q
                for q in snapshot["questions"]
                if q["kind"] in {"single", "true_false"}
            ]
            result = mark_attempt(choices, sheet.responses, pass_mark=80)
            right += result.score
            answered += len(choices)
            chance += sum(1 / len(q["options"]) for q in choices)
    assert answered >= 100
    assert right / answered <= chance / answered + 0.15, (right, chance, answered)
