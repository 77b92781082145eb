import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.models import AuditFinding, ReviewRequest, TrainingImpactingChange
from courses.queries.catalogue import module_approval
from courses.services import complete_lesson
from tests.factories.academy import CompetencyFactory
from tests.factories.courses import make_module

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(make_user):
    return make_user("TSET moderator", full_name="Ruth Campbell")


@pytest.fixture
def editor(make_user):
    return make_user("TSET editor", full_name="Olu Adeyemi")


def test_editor_cannot_publish_and_moderator_approval_is_recorded(
    area_page, editor, moderator
):
    module = make_module(area_page, lessons=0, user=moderator)
    assert not module.permissions_for_user(editor).can_publish()
    assert module.permissions_for_user(moderator).can_publish()

    module.summary = "A clearer summary."
    module.save_revision(user=editor)
    module.get_workflow().start(module, editor)
    module.refresh_from_db()
    task_state = module.current_workflow_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")

    module.refresh_from_db()
    assert module.summary == "A clearer summary."
    approval = module_approval(module)
    assert approval.name == "Ruth Campbell"
    assert approval.through_review


def test_moderator_records_a_finding_in_the_admin_and_modules_are_flagged(
    client, area_page, moderator
):
    competency = CompetencyFactory()
    module = make_module(area_page, lessons=0, competencies=[competency])
    client.force_login(moderator)

    response = client.post(
        reverse("wagtailsnippets_courses_auditfinding:add"),
        {
            "reference": "QAAPS-7",
            "source": "qaaps",
            "found_on": "2025-01-10",
            "summary": "Transfer disinfection contact time too short.",
            "competencies": [competency.pk],
        },
    )

    assert response.status_code == 302, response.content[:2000]
    assert AuditFinding.objects.get().reference == "QAAPS-7"
    review_request = ReviewRequest.objects.get()
    assert review_request.module_id == module.pk

    listing = client.get(reverse("courses_review_requested"))
    assert module.title in listing.text

    cleared = client.post(
        reverse("courses_clear_review_request", args=[review_request.pk])
    )
    assert cleared.status_code == 302
    review_request.refresh_from_db()
    assert review_request.cleared_by == moderator


def test_editor_cannot_clear_a_review_request(client, area_page, editor, moderator):
    competency = CompetencyFactory()
    module = make_module(area_page, lessons=0, competencies=[competency])
    finding = AuditFinding.objects.create(
        reference="INT-1", source="internal", found_on=timezone.localdate(), summary="x"
    )
    review_request = ReviewRequest.objects.create(
        module=module, finding=finding, requested_at=timezone.now()
    )
    client.force_login(editor)

    response = client.post(
        reverse("courses_clear_review_request", args=[review_request.pk])
    )

    # Wagtail's admin turns the refusal into a redirect with an error message.
    assert response.status_code in {302, 403}
    review_request.refresh_from_db()
    assert review_request.cleared_at is None


def test_due_for_review_report_lists_modules_due_within_30_days(
    client, area_page, editor
):
    today = timezone.localdate()
    due = make_module(
        area_page, lessons=0, next_review_date=today + datetime.timedelta(days=5)
    )
    later = make_module(
        area_page, lessons=0, next_review_date=today + datetime.timedelta(days=60)
    )
    client.force_login(editor)

    response = client.get(reverse("courses_due_for_review"))

    assert response.status_code == 200
    assert due.title in response.text
    assert later.title not in response.text


def test_moderator_marks_training_impacting_change_in_the_admin(
    client, module, lessons, moderator, trainee
):
    complete_lesson(trainee, lesson=lessons[0])
    lessons[0].save_revision(user=moderator).publish(user=moderator)
    client.force_login(moderator)

    response = client.post(
        reverse("training_impacting_changes:add"),
        {"lesson": lessons[0].pk, "summary": "Glove changes every 30 minutes."},
    )

    assert response.status_code == 302, response.content[:2000]
    change = TrainingImpactingChange.objects.get()
    lessons[0].refresh_from_db()
    assert change.revision_id == lessons[0].live_revision_id
    assert change.marked_by == moderator
    assert client.get(reverse("training_impacting_changes:index")).status_code == 200
    client.force_login(trainee)
    assert "Updated: review required" in client.get(module.url).text


def test_editor_cannot_mark_training_impacting_change(client, lessons, editor):
    client.force_login(editor)

    response = client.post(
        reverse("training_impacting_changes:add"),
        {"lesson": lessons[0].pk, "summary": "x"},
    )

    assert response.status_code in {302, 403}
    assert TrainingImpactingChange.objects.count() == 0


def test_lesson_completions_are_read_only_for_administrators(
    client, make_user, trainee, lessons
):
    complete_lesson(trainee, lesson=lessons[0])
    admin = make_user(is_superuser=True, is_staff=True)
    client.force_login(admin)

    assert client.get(reverse("lesson_completions:index")).status_code == 200
    assert (
        client.get(reverse("wagtailsnippets_courses_auditfinding:list")).status_code
        == 200
    )


def test_module_edit_view_renders_for_editor(client, module, editor):
    client.force_login(editor)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[module.pk]))

    assert response.status_code == 200
    assert "Competencies covered" in response.text
