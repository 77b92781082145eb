from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from academy.viewsets import ReadOnlyPermissionPolicy
from courses import reports, review_admin
from courses.home import home_panels
from courses.models import AuditFinding, LessonProgress, TrainingImpactingChange
from courses.queries.catalogue import catalogue_url
from courses.services import request_reviews_for_finding
from courses.viewsets import (
    AuditFindingViewSet,
    LessonProgressViewSet,
    TrainingImpactingChangeViewSet,
)

register_permission_policy(
    TrainingImpactingChange,
    ReadOnlyPermissionPolicy(
        TrainingImpactingChange, may_add=True, by_model_permission=True
    ),
)
register_permission_policy(LessonProgress, ReadOnlyPermissionPolicy(LessonProgress))
register_snippet(AuditFindingViewSet)


@hooks.register("register_admin_viewset")
def register_training_impacting_changes():
    return TrainingImpactingChangeViewSet("training_impacting_changes")


@hooks.register("register_admin_viewset")
def register_lesson_progress():
    return LessonProgressViewSet("lesson_completions")


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def flag_modules_for_finding(request, instance):
    if isinstance(instance, AuditFinding):
        flagged = request_reviews_for_finding(instance, actor=request.user)
        if flagged:
            modules = "1 module" if flagged == 1 else f"{flagged} modules"
            messages.success(
                request,
                f"{modules} teaching its competencies flagged for review; their "
                "owners are told by e-mail.",
            )


@hooks.register("after_publish_page")
def record_training_impact_on_publishing(request, page):
    review_admin.training_impact_on_publishing(request, page)


@hooks.register("after_edit_page")
@hooks.register("after_edit_snippet")
def confirm_review_action_from_edit_form(request, instance):
    review_admin.review_action_from_edit_form(request, instance)


@hooks.register("register_admin_urls")
def register_report_urls():
    due = reports.DueForReviewReport
    flagged = reports.ReviewRequestedReport
    return [
        path(
            "tset-review/<int:task_state_id>/done/",
            review_admin.review_action_done_view,
            name="courses_review_action_done",
        ),
        path("reports/due-for-review/", due.as_view(), name="courses_due_for_review"),
        path(
            "reports/due-for-review/results/",
            due.as_view(results_only=True),
            name="courses_due_for_review_results",
        ),
        path(
            "reports/review-requested/",
            flagged.as_view(),
            name="courses_review_requested",
        ),
        path(
            "reports/review-requested/results/",
            flagged.as_view(results_only=True),
            name="courses_review_requested_results",
        ),
        path(
            "reports/review-requested/<int:pk>/clear/",
            reports.clear_review_request_view,
            name="courses_clear_review_request",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_due_for_review_menu_item():
    return MenuItem(
        "Due for review",
        reverse("courses_due_for_review"),
        name="due-for-review",
        icon_name="date",
        order=100,
    )


@hooks.register("register_reports_menu_item")
def register_review_requested_menu_item():
    return MenuItem(
        "Review requested",
        reverse("courses_review_requested"),
        name="review-requested",
        icon_name="warning",
        order=110,
    )


@hooks.register("academy_primary_links", order=-10)
def learning_links(request):
    links = []
    url = catalogue_url()
    if url:
        links.append({"label": "Catalogue", "url": url, "priority": 40})
    if request.user.is_authenticated:
        links.append(
            {
                "label": "My learning",
                "url": reverse("courses:my_learning"),
                "priority": 20,
            }
        )
    return links


hooks.register("home_page_panels", home_panels)
