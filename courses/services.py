"""Writes of the e-learning: enrolment, lesson progress and TSET content review."""

import datetime

from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format

from academy.models import User
from academy.services import record_audit_event
from courses.models import (
    AuditFinding,
    Enrolment,
    LessonPage,
    LessonProgress,
    ModulePage,
    ReviewReminder,
    ReviewRequest,
    TrainingImpactingChange,
)
from courses.queries.catalogue import lesson_counts
from courses.queries.review import modules_due_for_review
from notifications.kinds import Kind
from notifications.services import notify

MODERATOR_GROUP = "TSET moderator"


class LessonNotPublished(Exception):
    """Only a published lesson can be completed: there is no revision to name otherwise."""


class ModuleComingSoon(Exception):
    """Nobody can enrol on an outline module: it has no published lesson yet."""

    message = (
        "This module is coming soon: its lessons are being written, so you cannot "
        "enrol on it yet."
    )

    def __str__(self) -> str:
        return self.message


@transaction.atomic
def enrol_trainee(trainee: User, *, module: ModulePage) -> Enrolment:
    """Enrol the trainee on the module the first time they open it; an outline module
    (no published lesson) refuses, with `ModuleComingSoon`."""
    enrolment = Enrolment.objects.filter(trainee=trainee, module=module).first()
    if enrolment is not None:
        return enrolment
    if not lesson_counts([module]).get(module.pk):
        raise ModuleComingSoon(module.pk)
    enrolment, created = Enrolment.objects.get_or_create(
        trainee=trainee, module=module, defaults={"enrolled_at": timezone.now()}
    )
    if created:
        record_audit_event(
            "courses.trainee_enrolled",
            actor=trainee,
            target=enrolment,
            details={"module_id": module.pk, "module": module.title},
        )
    return enrolment


@transaction.atomic
def complete_lesson(trainee: User, *, lesson: LessonPage) -> LessonProgress:
    """Record that the trainee completed the lesson's live revision (once per revision).

    The module is complete when every live lesson has been completed at least once.
    """
    if not lesson.live or lesson.live_revision_id is None:
        raise LessonNotPublished(lesson.pk)
    module = ModulePage.objects.get(path=lesson.path[: -lesson.steplen])
    enrolment = enrol_trainee(trainee, module=module)
    now = timezone.now()
    progress, created = LessonProgress.objects.get_or_create(
        trainee=trainee,
        lesson=lesson,
        revision_id=lesson.live_revision_id,
        defaults={"module": module, "completed_at": now},
    )
    if not created:
        return progress
    record_audit_event(
        "courses.lesson_completed",
        actor=trainee,
        target=progress,
        details={"lesson": lesson.title, "revision_id": lesson.live_revision_id},
    )
    if enrolment.completed_at is None:
        total = lesson_counts([module]).get(module.pk, 0)
        done = (
            LessonProgress.objects.filter(
                trainee=trainee, module=module, lesson__live=True
            )
            .values("lesson_id")
            .distinct()
            .count()
        )
        if done >= total:
            enrolment.completed_at = now
            enrolment.save(update_fields=["completed_at"])
            record_audit_event(
                "courses.module_completed",
                actor=trainee,
                target=enrolment,
                details={"module_id": module.pk, "module": module.title},
            )
    return progress


@transaction.atomic
def mark_training_impacting_change(
    *, lesson: LessonPage, summary: str, marked_by: User
) -> TrainingImpactingChange:
    """Mark the lesson's live revision as changing practice: earlier completers retrain."""
    if not lesson.live or lesson.live_revision_id is None:
        raise LessonNotPublished(lesson.pk)
    module = ModulePage.objects.get(path=lesson.path[: -lesson.steplen])
    change, created = TrainingImpactingChange.objects.get_or_create(
        lesson=lesson,
        revision_id=lesson.live_revision_id,
        defaults={
            "module": module,
            "summary": summary,
            "marked_by": marked_by,
            "marked_at": timezone.now(),
        },
    )
    if created:
        record_audit_event(
            "courses.training_impacting_change_marked",
            actor=marked_by,
            target=change,
            details={"lesson": lesson.title, "revision_id": change.revision_id},
        )
    return change


@transaction.atomic
def request_reviews_for_finding(finding: AuditFinding, *, actor: User | None) -> int:
    """Flag every module covering a competency linked to the finding, and tell each
    newly flagged module's owner (its moderators when it has none); returns new flags."""
    modules = ModulePage.objects.filter(
        covered_competencies__competency__in=finding.competencies.all()
    ).distinct()
    created = 0
    moderators = None
    for module in modules:
        _, new = ReviewRequest.objects.get_or_create(
            module=module, finding=finding, defaults={"requested_at": timezone.now()}
        )
        created += new
        if not new:
            continue
        if module.content_owner_id:
            told = [module.content_owner]
        else:
            if moderators is None:
                moderators = list(_moderators())
            told = moderators
        for person in told:
            notify(
                recipient=person,
                kind=Kind.CONTENT_REVIEW_DUE,
                title=f"Review requested: {module.title} (audit finding "
                f"{finding.reference})",
                body=f"The {finding.get_source_display()} finding {finding.reference} "
                f"of {date_format(finding.found_on, 'j F Y')} concerns a competency "
                f"that {module.title} teaches: {finding.summary}\n\nCheck the module "
                "against the finding in the Academy admin; a moderator clears the "
                "request when it has been reviewed.",
                link=reverse("wagtailadmin_pages:edit", args=[module.pk]),
                event_key=f"review_requested:{module.pk}:{finding.pk}",
            )
    record_audit_event(
        "courses.audit_finding_recorded",
        actor=actor,
        target=finding,
        details={"modules_flagged": created},
    )
    return created


@transaction.atomic
def clear_review_request(review_request: ReviewRequest, *, cleared_by: User) -> None:
    """A moderator has reviewed the module against the finding: clear the flag."""
    if review_request.cleared_at is not None:
        return
    review_request.cleared_at = timezone.now()
    review_request.cleared_by = cleared_by
    review_request.save(update_fields=["cleared_at", "cleared_by"])
    record_audit_event(
        "courses.review_request_cleared",
        actor=cleared_by,
        target=review_request,
        details={"finding": review_request.finding.reference},
    )


def _moderators():
    return User.objects.filter(
        groups=Group.objects.get(name=MODERATOR_GROUP), is_active=True
    )


@transaction.atomic
def remind_moderators_of_due_reviews(*, today: datetime.date | None = None) -> int:
    """Tell moderators, and the module's owner, once about each module whose review
    date is within 30 days (one notification, and one e-mail, to each person)."""
    candidates = list(modules_due_for_review(today=today))
    already = set(
        ReviewReminder.objects.filter(module__in=candidates).values_list(
            "module_id", "review_date"
        )
    )
    due = [m for m in candidates if (m.pk, m.next_review_date) not in already]
    if not due:
        return 0
    moderators = list(_moderators())
    now = timezone.now()
    for module in due:
        ReviewReminder.objects.create(
            module=module, review_date=module.next_review_date, sent_at=now
        )
        owner = [module.content_owner] if module.content_owner_id else []
        for person in {p.pk: p for p in [*moderators, *owner]}.values():
            notify(
                recipient=person,
                kind=Kind.CONTENT_REVIEW_DUE,
                title=f"{module.title} is due for review by "
                f"{date_format(module.next_review_date, 'j F Y')}",
                body=f"The e-learning module {module.title} ({module.area.name}) "
                "reaches its next review date. Review it in the Academy admin and "
                "publish it with a new review date.",
                link=reverse("wagtailadmin_pages:edit", args=[module.pk]),
                event_key=f"content_review_due:{module.pk}:{module.next_review_date}",
            )
    return len(due)
