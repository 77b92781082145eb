"""Scale step: a full catalogue, 100 modules of 8 lessons, beside the demo content."""

from django.utils import timezone

from academy.models import User
from courses.models import LessonPage, ModulePage, SpecialistAreaIndexPage

from .plan import ScalePlan


def _publish(page, *, user: User) -> None:
    """Publish a new page's first revision without the editorial side effects
    (workflow, notifications, log entries), which a generated catalogue does not
    need; the page ends in the same state as one published by an editor."""
    revision = page.save_revision(user=user, clean=False, log_action=False)
    now = timezone.now()
    type(page).objects.filter(pk=page.pk).update(
        live_revision=revision,
        latest_revision=revision,
        first_published_at=now,
        last_published_at=now,
        has_unpublished_changes=False,
    )


def create_catalogue(plan: ScalePlan) -> int:
    """Add modules (copies of a demo module's settings) to the specialist areas in
    turn until there are `plan.modules`, then give every live module lessons (copies
    of a demo lesson's body) until each has `plan.lessons_per_module`."""
    moderator = User.objects.get(email="moderator@academy.example")
    example_lesson = LessonPage.objects.live().order_by("path").first()
    example = example_lesson.get_parent().specific
    body = example_lesson.body.raw_data
    areas = list(SpecialistAreaIndexPage.objects.live().order_by("path"))
    created = 0
    for number in range(ModulePage.objects.live().count(), plan.modules):
        area = areas[number % len(areas)]
        module = ModulePage(
            title=f"Scale module {number}",
            slug=f"scale-module-{number}",
            summary=example.summary,
            learning_outcomes=example.learning_outcomes,
            area=area.area,
            band_from=example.band_from,
            band_to=example.band_to,
            estimated_minutes=example.estimated_minutes,
            next_review_date=example.next_review_date,
            live=True,
        )
        area.add_child(instance=module)
        _publish(module, user=moderator)
        created += 1
    for module in ModulePage.objects.live().order_by("path"):
        for number in range(module.get_children().count(), plan.lessons_per_module):
            lesson = LessonPage(
                title=f"{module.title}: part {number + 1}",
                slug=f"part-{number + 1}",
                body=body,
                live=True,
            )
            module.add_child(instance=lesson)
            _publish(lesson, user=moderator)
            created += 1
    return created
