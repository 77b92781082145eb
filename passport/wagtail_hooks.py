from django.urls import reverse
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from academy.viewsets import ReadOnlyPermissionPolicy
from passport.competences.queries import pathway_statuses
from passport.credentials.panels import TraineeCredentialsPanel
from passport.feed.viewsets import (
    ApiTokenPermissionPolicy,
    ApiTokenViewSet,
    FeedEventViewSet,
)
from passport.findings.policies import may_review_signature_findings
from passport.findings.viewsets import (
    OpenFindingsPanel,
    SignatureFindingPolicy,
    SignatureFindingViewSet,
)
from passport.home import home_panels
from passport.models import (
    ApiToken,
    Certificate,
    Competence,
    FeedEvent,
    SignatureFinding,
)
from passport.plans.panels import (
    ItemsDueSoonPanel,
    PlanProgressColumn,
    TraineePlanPanel,
)
from passport.viewsets import CertificateViewSet, CompetenceViewSet, ModerationPolicy
from trainers.permissions import organisations_led_by
from trainers.roles import role_names

register_permission_policy(Competence, ModerationPolicy(Competence))
register_permission_policy(Certificate, ModerationPolicy(Certificate))


@hooks.register("academy_primary_links")
def plan_link(request):
    if "Trainee" not in role_names(request):
        return []
    return [
        {
            "label": "My training plan",
            "url": reverse("passport:my_plan"),
            "priority": 22,
        }
    ]


@hooks.register("trainee_list_columns")
def plan_progress_column():
    return PlanProgressColumn()


@hooks.register("trainer_dashboard_panels")
def items_due_soon_panel(request, trainees):
    return ItemsDueSoonPanel(trainees)


@hooks.register("trainee_record_panels")
def trainee_plan_panel(request, trainee):
    return TraineePlanPanel(request, trainee)


@hooks.register("academy_primary_links")
def passport_link(request):
    if not request.user.is_authenticated:
        return []
    return [
        {"label": "My passport", "url": reverse("passport:passport"), "priority": 30}
    ]


@hooks.register("academy_footer_links")
def certificate_check_link(request):
    """Employers and inspectors, who have no account, find the check on any page."""
    return [{"label": "Check a certificate", "url": reverse("verify")}]


@hooks.register("register_admin_viewset")
def register_competences():
    return CompetenceViewSet("competences")


@hooks.register("register_admin_viewset")
def register_certificates():
    return CertificateViewSet("certificates")


@hooks.register("academy_primary_links")
def recognition_link(request):
    if "Training lead" not in role_names(request):
        return []
    return [
        {
            "label": "Recognise competence",
            "url": reverse("passport:check_credential"),
            "priority": 55,
        }
    ]


@hooks.register("trainee_record_panels")
def trainee_credentials_panel(request, trainee):
    return TraineeCredentialsPanel(request, trainee)


register_permission_policy(FeedEvent, ReadOnlyPermissionPolicy(FeedEvent))
register_permission_policy(ApiToken, ApiTokenPermissionPolicy(ApiToken))


@hooks.register("register_admin_viewset")
def register_passport_feed():
    return FeedEventViewSet("passport_feed")


@hooks.register("register_admin_viewset")
def register_api_tokens():
    return ApiTokenViewSet("api_tokens")


@hooks.register("academy_primary_links")
def sharing_and_matrix_links(request):
    if not request.user.is_authenticated:
        return []
    links = []
    if "Trainee" in role_names(request):
        links.append(
            {
                "label": "Share my passport",
                "url": reverse("passport:sharing"),
                "priority": 60,
            }
        )
    if (
        "Training lead" in role_names(request)
        and organisations_led_by(request.user).exists()
    ):
        links.append(
            {
                "label": "Competence matrix",
                "url": reverse("passport:matrix_index"),
                "priority": 12,
            }
        )
    return links


@hooks.register("pathway_competency_status")
def pathway_competency_status(request, competencies):
    if not request.user.is_authenticated:
        return {}
    return pathway_statuses(request.user, competencies)


register_permission_policy(SignatureFinding, SignatureFindingPolicy(SignatureFinding))


@hooks.register("register_admin_viewset")
def register_signature_findings():
    return SignatureFindingViewSet("signature_findings")


@hooks.register("construct_homepage_panels")
def open_signature_findings_panel(request, panels):
    if not may_review_signature_findings(request.user):
        return
    count = SignatureFinding.objects.filter(resolved_at__isnull=True).count()
    if count:
        panels.append(OpenFindingsPanel(count))


hooks.register("home_page_panels", home_panels)
