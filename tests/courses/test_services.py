import datetime

import pytest
from django.core import mail
from django.utils import timezone

from academy.models import AuditEvent
from courses.models import Enrolment, LessonProgress, ReviewReminder, ReviewRequest
from courses.queries.cards import has_completed_module, module_cards
from courses.services import (
    LessonNotPublished,
    clear_review_request,
    complete_lesson,
    enrol_trainee,
    mark_training_impacting_change,
    remind_moderators_of_due_reviews,
    request_reviews_for_finding,
)
from tests.factories.academy import CompetencyFactory
from tests.factories.courses import make_module

pytestmark = pytest.mark.django_db


def test_enrolling_twice_keeps_one_enrolment(trainee, module):
    first = enrol_trainee(trainee, module=module)
    second = enrol_trainee(trainee, module=module)

    assert first == second
    assert Enrolment.objects.count() == 1
    assert AuditEvent.objects.filter(action="courses.trainee_enrolled").count() == 1


def test_completing_a_lesson_records_the_live_revision_once(trainee, lessons):
    lesson = lessons[0]

    progress = complete_lesson(trainee, lesson=lesson)
    again = complete_lesson(trainee, lesson=lesson)

    assert progress == again
    assert progress.revision_id == lesson.live_revision_id
    assert LessonProgress.objects.filter(trainee=trainee).count() == 1


def test_module_is_complete_only_when_every_lesson_is(trainee, module, lessons):
    for lesson in lessons[:-1]:
        complete_lesson(trainee, lesson=lesson)
    enrolment = Enrolment.objects.get(trainee=trainee, module=module)
    assert enrolment.completed_at is None
    assert not has_completed_module(trainee=trainee, module=module)

    complete_lesson(trainee, lesson=lessons[-1])

    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    assert has_completed_module(trainee=trainee, module=module)
    assert AuditEvent.objects.filter(action="courses.module_completed").count() == 1


def test_an_unpublished_lesson_cannot_be_completed(trainee, lessons):
    lesson = lessons[0]
    lesson.unpublish()
    lesson.refresh_from_db()

    with pytest.raises(LessonNotPublished):
        complete_lesson(trainee, lesson=lesson)


def test_training_impacting_change_asks_earlier_completers_to_review(
    trainee, make_user, module, lessons
):
    moderator = make_user("TSET moderator")
    for lesson in lessons:
        complete_lesson(trainee, lesson=lesson)
    lesson = lessons[1]
    lesson.title = "Lesson two, updated"
    lesson.save_revision(user=moderator).publish(user=moderator)
    lesson.refresh_from_db()

    mark_training_impacting_change(
        lesson=lesson, summary="New glove change interval.", marked_by=moderator
    )

    card = module_cards([module], trainee=trainee)[0]
    assert card.needs_review
    assert card.status == "Updated: review required"

    complete_lesson(trainee, lesson=lesson)

    card = module_cards([module], trainee=trainee)[0]
    assert not card.needs_review
    assert card.status == "Completed"
    # Both completions are kept: "trained on revision N" stays provable.
    assert LessonProgress.objects.filter(trainee=trainee, lesson=lesson).count() == 2


def test_a_trainee_who_had_not_completed_the_lesson_is_not_asked_to_review(
    trainee, make_user, module, lessons
):
    moderator = make_user("TSET moderator")
    mark_training_impacting_change(
        lesson=lessons[0], summary="Changed.", marked_by=moderator
    )

    assert not module_cards([module], trainee=trainee)[0].needs_review


def test_finding_flags_modules_covering_its_competencies_until_cleared(
    area_page, make_user
):
    from courses.models import AuditFinding

    moderator = make_user("TSET moderator")
    linked, other = CompetencyFactory(), CompetencyFactory()
    flagged = make_module(area_page, lessons=0, competencies=[linked])
    make_module(area_page, lessons=0, competencies=[other])
    finding = AuditFinding.objects.create(
        reference="MHRA-1",
        source="mhra",
        found_on=timezone.localdate(),
        summary="Gowning observed out of sequence.",
    )
    finding.competencies.set([linked])

    assert request_reviews_for_finding(finding, actor=moderator) == 1
    assert request_reviews_for_finding(finding, actor=moderator) == 0
    review_request = ReviewRequest.objects.get()
    assert review_request.module.pk == flagged.pk

    clear_review_request(review_request, cleared_by=moderator)

    review_request.refresh_from_db()
    assert review_request.cleared_by == moderator
    assert review_request.cleared_at is not None


def test_moderators_are_emailed_once_about_modules_due_for_review(
    area_page, make_user, django_capture_on_commit_callbacks
):
    make_user("TSET moderator", email="ruth@test.example")
    today = timezone.localdate()
    due = make_module(
        area_page, lessons=0, next_review_date=today + datetime.timedelta(days=10)
    )
    make_module(
        area_page, lessons=0, next_review_date=today + datetime.timedelta(days=90)
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert remind_moderators_of_due_reviews(today=today) == 1
        assert remind_moderators_of_due_reviews(today=today) == 0

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ruth@test.example"]
    assert due.title in mail.outbox[0].body
    assert ReviewReminder.objects.get().module_id == due.pk


def test_review_reminder_task_calls_the_service(area_page, make_user):
    from courses.tasks import send_review_reminders

    make_user("TSET moderator")
    make_module(area_page, lessons=0, next_review_date=timezone.localdate())

    assert send_review_reminders.delay().get() == 1
