"""Wagtail admin views over competences and certificates: inspect only, and the
moderator's signed suspension or revocation of a competence."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.views.generic import FormView
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.models import InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy

from academy.signatures import SignatureRejected
from academy.views import signed_out_after_signing_block
from passport.competences.forms import WithdrawCompetenceForm
from passport.competences.services import revoke_competence, suspend_competence
from passport.models import Certificate, Competence, CompetenceStatus
from trainers.permissions import can_moderate_competences

WITHDRAWALS = {
    "suspend": (suspend_competence, "Suspend"),
    "revoke": (revoke_competence, "Revoke"),
}


class ModerationPolicy(ModelPermissionPolicy):
    """GxP records: moderators and administrators view them; nobody adds, changes or
    deletes them here.

    Moderators see people's competences and certificates in the admin for one
    documented duty: suspending or revoking a competence, signed, when its evidence is
    in doubt. They, like TSET editors, do not see attempts, workplace assessments,
    validation results or lesson completions there: those are for administrators.
    """

    def user_has_permission(self, user, action):
        return action == "view" and can_moderate_competences(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class CompetenceInspectView(InspectView):
    @property
    def header_more_buttons(self):
        if self.object.status == CompetenceStatus.REVOKED:
            return []
        return [
            HeaderButton(
                label,
                url=reverse("competences:withdraw", args=[self.object.pk, action]),
                icon_name="warning",
            )
            for action, (_, label) in WITHDRAWALS.items()
            if not (action == "suspend" and self.object.status == "suspended")
        ]


class WithdrawCompetenceView(WagtailAdminTemplateMixin, FormView):
    """Suspend or revoke, with a mandatory reason, signed with the moderator's password."""

    form_class = WithdrawCompetenceForm
    template_name = "passport/admin/withdraw_competence.html"
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        if not can_moderate_competences(request.user):
            raise PermissionDenied
        if kwargs["action"] not in WITHDRAWALS:
            raise PermissionDenied
        self.service, self.label = WITHDRAWALS[kwargs["action"]]
        self.competence = get_object_or_404(
            Competence.objects.select_related("holder", "competency"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"{self.label} competence"

    def get_page_subtitle(self):
        return str(self.competence)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            competence=self.competence,
            label=self.label,
            cancel_url=reverse("competences:inspect", args=[self.competence.pk]),
            **kwargs,
        )

    def form_valid(self, form):
        user = self.request.user
        try:
            self.service(
                competence=self.competence,
                signed_by=user,
                role=user.role_label(),
                reason=form.cleaned_data["reason"],
                password=form.cleaned_data["password"],
            )
        except SignatureRejected as error:
            signed_out = signed_out_after_signing_block(self.request, error)
            if signed_out is not None:
                return signed_out
            form.add_error("password", str(error))
            return self.form_invalid(form)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request, f"{self.competence} is now {self.label.lower()}d."
        )
        return redirect("competences:inspect", self.competence.pk)


class CompetenceViewSet(ModelViewSet):
    model = Competence
    icon = "tasks"
    menu_label = "Competences"
    add_to_admin_menu = True
    menu_order = 300
    inspect_view_enabled = True
    inspect_view_class = CompetenceInspectView
    list_display = [
        Column("__str__", label="Competence"),
        Column("status_words", label="Status today"),
        "achieved_on",
        "expires_on",
    ]
    list_filter = ["status", "competency__area"]
    search_fields = ["holder__full_name", "competency__code", "competency__title"]
    ordering = ["competency__code", "holder__full_name"]
    inspect_view_fields = [
        "holder",
        "competency",
        "status",
        "first_achieved_on",
        "achieved_on",
        "expires_on",
        "evidence",
        "updated_at",
    ]
    form_fields = []

    def get_queryset(self, request):
        return Competence.objects.select_related("holder", "competency")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "withdraw/<int:pk>/<str:action>/",
                WithdrawCompetenceView.as_view(),
                name="withdraw",
            ),
        ]


class CertificateViewSet(ModelViewSet):
    model = Certificate
    icon = "doc-full"
    menu_label = "Certificates"
    add_to_admin_menu = True
    menu_order = 310
    inspect_view_enabled = True
    list_display = [
        "number",
        "holder_name",
        Column("event", label="Award"),
        "issued_at",
        Column("is_rendered", label="PDF stored"),
    ]
    search_fields = ["number", "holder_name"]
    ordering = ["-issued_at"]
    inspect_view_fields = [
        "number",
        "event",
        "holder_name",
        "organisation_name",
        "issued_at",
        "rendered_at",
        "sha256",
    ]
    form_fields = []

    def get_queryset(self, request):
        return Certificate.objects.select_related(
            "event__competence__holder", "event__competence__competency"
        )
