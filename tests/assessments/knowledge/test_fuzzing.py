"""Property: no generated submission causes a server error or a score above the maximum."""

import itertools
import random

import pytest
from django.http import QueryDict
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments.knowledge.forms import AnswerSheet
from assessments.knowledge.scoring import mark_attempt
from assessments.knowledge.services import start_attempt

pytestmark = pytest.mark.django_db

VALUES = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="0123456789.-+eE ,", max_size=40),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["NaN", "inf", "-Infinity", "1e999999", "٣", "2.5 mL", "\x00", ""]),
    st.integers(min_value=0, max_value=5000).map(lambda n: "9" * n),
)


@settings(
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_generated_submissions_never_error_or_overscore(
    client, ready_trainee, module, assessment_settings, data
):
    # One attempt for every example of this test (they share its fixtures and its
    # transaction): only saved, never submitted, so it stays open; starting one per
    # example doubled the time.
    attempt = getattr(client, "fuzzed_attempt", None)
    if attempt is None:
        attempt = start_attempt(ready_trainee, module=module, rng=random.Random(5))
        client.fuzzed_attempt = attempt
    client.force_login(ready_trainee)
    questions = attempt.snapshot["questions"]
    option_ids = [
        value
        for q in questions
        for o in q["options"]
        for value in (o["value"], str(o["id"]))
    ]
    names = st.sampled_from(
        [f"q-{q['id']}" for q in questions] + ["q-0", "q-x", "action", "csrf", "q-"]
    )
    values = st.one_of(VALUES, st.sampled_from(option_ids))
    pairs = data.draw(st.lists(st.tuples(names, values), max_size=12))
    post = QueryDict(mutable=True)
    for name, value in pairs:
        post.appendlist(name, value)

    sheet = AnswerSheet.from_post(attempt.snapshot, post)
    result = mark_attempt(questions, sheet.responses, pass_mark=attempt.pass_mark)
    assert 0 <= result.score <= result.max_score == len(questions)
    assert set(sheet.responses) <= {str(q["id"]) for q in questions}

    if next(counter) % 10 == 0:
        post.setlist("action", ["save"])
        form = {name: post.getlist(name) for name in post}  # duplicates kept
        response = client.post(reverse("assessments:attempt", args=[attempt.pk]), form)
        assert response.status_code in {200, 302}
        autosave = client.post(reverse("assessments:autosave", args=[attempt.pk]), form)
        assert autosave.status_code in {200, 409}
        attempt.refresh_from_db()
        saved = mark_attempt(questions, attempt.responses, pass_mark=attempt.pass_mark)
        assert saved.score <= saved.max_score


counter = itertools.count()


def test_duplicate_answers_to_single_choice_block_submission(
    client, ready_trainee, module, assessment_settings
):
    attempt = start_attempt(ready_trainee, module=module)
    client.force_login(ready_trainee)
    questions = attempt.snapshot["questions"]
    form = {
        f"q-{question['id']}": [option["value"] for option in question["options"]]
        for question in questions
    }
    form["action"] = "submit"
    response = client.post(reverse("assessments:attempt", args=[attempt.pk]), form)
    assert response.status_code == 200  # single-choice questions got two answers
    attempt.refresh_from_db()
    assert attempt.is_open
