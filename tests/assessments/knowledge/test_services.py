import datetime
import random
import threading

import pytest
from django.db import connection
from django.utils import timezone

from academy.models import AuditEvent
from assessments.knowledge.services import (
    GRACE,
    AttemptNotAllowed,
    close_overdue_attempts,
    record_knowledge_requirement_met,
    save_responses,
    start_attempt,
    submit_attempt,
)
from assessments.models import (
    Attempt,
    AttemptAnswer,
    AttemptStatus,
    KnowledgeRequirementMet,
    Question,
)
from assessments.tasks import close_overdue_attempts_task
from tests.assessments.conftest import right_answers
from tests.factories.assessments import make_question

pytestmark = pytest.mark.django_db


def _start(trainee, module, **kwargs):
    return start_attempt(trainee, module=module, rng=random.Random(1), **kwargs)


def test_start_draws_live_questions_only_and_fixes_deadline(
    ready_trainee, module, assessment_settings, competency
):
    draft = make_question(module, competency=competency, publish=False, stem="Draft?")
    now = timezone.now()
    attempt = _start(ready_trainee, module, now=now)
    ids = [q["id"] for q in attempt.snapshot["questions"]]
    assert len(ids) == 4
    assert draft.pk not in ids
    assert attempt.deadline == now + datetime.timedelta(minutes=20)
    assert attempt.number == 1
    assert attempt.module_revision_id == module.live_revision_id
    assert AuditEvent.objects.filter(
        action="assessments.knowledge_attempt_started"
    ).exists()


def test_start_is_locked_until_lessons_complete(trainee, module, assessment_settings):
    with pytest.raises(AttemptNotAllowed, match="Complete every lesson"):
        _start(trainee, module)


def test_start_returns_the_open_attempt_instead_of_a_second(
    ready_trainee, module, assessment_settings
):
    first = _start(ready_trainee, module)
    assert _start(ready_trainee, module).pk == first.pk
    assert Attempt.objects.count() == 1


def test_snapshot_is_not_changed_by_later_edits(
    ready_trainee, module, assessment_settings, bank
):
    attempt = _start(ready_trainee, module)
    numeric = Question.objects.get(pk=bank[3].pk)
    numeric.numeric_answer = 99
    numeric.stem = "Edited stem"
    numeric.save_revision().publish()
    option = bank[0].options.first()
    option.text = "Edited option"
    option.save()
    attempt.refresh_from_db()
    frozen = next(q for q in attempt.snapshot["questions"] if q["id"] == numeric.pk)
    assert frozen["answer"] == "2.500000"
    assert frozen["stem"] == "Dose volume of 150 mg at 60 mg/mL?"
    texts = [o["text"] for q in attempt.snapshot["questions"] for o in q["options"]]
    assert "Edited option" not in texts
    marked = submit_attempt(attempt, responses=right_answers(attempt))
    assert marked.score == 4


def test_submit_marks_on_server_and_records_answers(
    ready_trainee, module, assessment_settings
):
    attempt = _start(ready_trainee, module)
    answers = right_answers(attempt)
    wrong_key = next(k for k, v in answers.items() if isinstance(v, str))
    answers[wrong_key] = "7"
    marked = submit_attempt(attempt, responses=answers)
    assert marked.status == AttemptStatus.SUBMITTED
    assert (marked.score, marked.max_score, marked.passed) == (3, 4, True)
    assert AttemptAnswer.objects.filter(attempt=marked).count() == 4
    wrong = AttemptAnswer.objects.get(attempt=marked, correct=False)
    assert wrong.wrong_choices == ["7"]


def test_submit_twice_or_replayed_changes_nothing(
    ready_trainee, module, assessment_settings
):
    attempt = _start(ready_trainee, module)
    first = submit_attempt(attempt, responses={})
    assert first.score == 0
    replay = submit_attempt(attempt, responses=right_answers(attempt))
    assert replay.score == 0
    assert replay.submitted_at == first.submitted_at
    assert AttemptAnswer.objects.filter(attempt=attempt).count() == 4
    assert not save_responses(attempt, responses=right_answers(attempt))
    assert (
        AuditEvent.objects.filter(action="assessments.knowledge_attempt_marked").count()
        == 1
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_double_submit_marks_once(
    ready_trainee, module, assessment_settings
):
    # SQLite has no row locks: two writers may both be refused ("database is locked"),
    # so the race is only meaningful on PostgreSQL, which the test command also runs.
    if connection.vendor != "postgresql":
        pytest.skip("Row locks need PostgreSQL (DATABASE_URL)")
    attempt = _start(ready_trainee, module)
    responses = right_answers(attempt)
    barrier = threading.Barrier(2)
    results = []

    def submit():
        try:
            barrier.wait()
            results.append(
                submit_attempt(Attempt.objects.get(pk=attempt.pk), responses=responses)
            )
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # The second UPDATE waits for the first, then finds the attempt closed.
    assert len(results) == 2
    assert all(result.score == 4 for result in results)
    assert AttemptAnswer.objects.filter(attempt=attempt).count() == 4
    assert (
        AuditEvent.objects.filter(action="assessments.knowledge_attempt_marked").count()
        == 1
    )
    assert KnowledgeRequirementMet.objects.filter(attempt=attempt).count() == 1


def test_answers_after_deadline_and_grace_do_not_count(
    ready_trainee, module, assessment_settings
):
    start = timezone.now() - datetime.timedelta(minutes=30)
    attempt = _start(ready_trainee, module, now=start)
    right = right_answers(attempt)
    within_grace = attempt.deadline + GRACE - datetime.timedelta(seconds=1)
    assert save_responses(
        attempt, responses=dict(list(right.items())[:1]), now=within_grace
    )
    late = attempt.deadline + GRACE + datetime.timedelta(seconds=1)
    assert not save_responses(attempt, responses=right, now=late)
    marked = submit_attempt(attempt, responses=right, now=late)
    assert marked.score == 1


def test_periodic_task_closes_and_marks_overdue_attempts(
    ready_trainee, module, assessment_settings, make_user
):
    old = _start(
        ready_trainee, module, now=timezone.now() - datetime.timedelta(hours=1)
    )
    save_responses(old, responses=right_answers(old), now=old.started_at)
    assert close_overdue_attempts_task.delay().get() == 1
    old.refresh_from_db()
    assert old.status == AttemptStatus.TIMED_OUT
    assert old.score == 4
    assert old.passed
    assert close_overdue_attempts() == 0


def test_open_attempt_within_time_is_left_alone(
    ready_trainee, module, assessment_settings
):
    attempt = _start(ready_trainee, module)
    assert close_overdue_attempts() == 0
    attempt.refresh_from_db()
    assert attempt.is_open


def test_cool_down_and_attempt_limit(ready_trainee, module, assessment_settings):
    now = timezone.now()
    for number in range(1, 4):
        attempt = _start(ready_trainee, module, now=now)
        assert attempt.number == number
        submit_attempt(attempt, responses={}, now=now)
        if number < 3:
            with pytest.raises(AttemptNotAllowed, match="cool-down"):
                _start(ready_trainee, module, now=now + datetime.timedelta(minutes=59))
        now += datetime.timedelta(minutes=61)
    with pytest.raises(AttemptNotAllowed, match="every attempt"):
        _start(ready_trainee, module, now=now)


def test_no_attempt_after_a_pass(ready_trainee, module, assessment_settings):
    attempt = _start(ready_trainee, module)
    submit_attempt(attempt, responses=right_answers(attempt))
    with pytest.raises(AttemptNotAllowed, match="passed"):
        _start(ready_trainee, module, now=timezone.now() + datetime.timedelta(days=1))


def test_pass_records_knowledge_requirement_once_per_competency(
    ready_trainee, module, assessment_settings, competency
):
    attempt = _start(ready_trainee, module)
    marked = submit_attempt(attempt, responses=right_answers(attempt))
    met = KnowledgeRequirementMet.objects.get(trainee=ready_trainee)
    assert met.competency == competency
    assert met.attempt == marked
    assert met.module_revision_id == module.live_revision_id
    assert record_knowledge_requirement_met(marked) == [met]
    assert KnowledgeRequirementMet.objects.count() == 1


def test_fail_records_no_requirement(ready_trainee, module, assessment_settings):
    attempt = _start(ready_trainee, module)
    submit_attempt(attempt, responses={})
    assert not KnowledgeRequirementMet.objects.exists()


def test_true_false_options_keep_their_order(
    ready_trainee, module, assessment_settings
):
    for seed in range(5):
        attempt = start_attempt(ready_trainee, module=module, rng=random.Random(seed))
        for question in attempt.snapshot["questions"]:
            if question["kind"] == "true_false":
                assert [o["text"] for o in question["options"]] == ["True", "False"]
        Attempt.objects.filter(pk=attempt.pk).delete()
