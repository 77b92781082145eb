"""Wagtail admin views for the national interfaces: the passport feed's delivery
status and the API tokens of authorised consumers. Administrators only."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, DeleteView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import AdminDateInput
from wagtail.permission_policies import ModelPermissionPolicy

from academy.models import User
from passport.api.tokens import issue_api_token, token_expiry_error, withdraw_api_token
from passport.models import ApiToken, FeedEvent


class ApiTokenPermissionPolicy(ModelPermissionPolicy):
    """Administrators issue and withdraw API tokens; a token is never edited."""

    def user_has_permission(self, user, action):
        return action != "change" and user.is_active and user.is_superuser

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class IssueApiTokenForm(forms.ModelForm):
    user = forms.ModelChoiceField(
        queryset=User.objects.filter(is_active=True).order_by("full_name", "email"),
        help_text="The token reads what this account may see.",
    )
    expires_on = forms.DateField(
        label="Stops working after",
        widget=AdminDateInput,
        help_text="At most 12 months from today; issue a new token before then.",
    )

    class Meta:
        model = ApiToken
        fields = ["user"]

    def clean_expires_on(self) -> datetime.date:
        expires_on = self.cleaned_data["expires_on"]
        error = token_expiry_error(expires_on, today=timezone.localdate())
        if error:
            raise ValidationError(error)
        return expires_on


class IssueApiTokenView(CreateView):
    """Issues the token and shows it once: only its hash is kept."""

    def save_instance(self):
        self.issued = issue_api_token(
            user=self.form.cleaned_data["user"],
            expires_on=self.form.cleaned_data["expires_on"],
            issued_by=self.request.user,
        )
        return self.issued.record

    def save_action(self):
        return TemplateResponse(
            self.request,
            "passport/admin/api_token_issued.html",
            {
                **self.get_context_data(form=self.form),
                "issued": self.issued,
                "index_url": self.get_success_url(),
            },
        )


class WithdrawApiTokenView(DeleteView):
    success_message = "API token withdrawn; its consumer can no longer read the API."

    def delete_action(self):
        withdraw_api_token(record=self.object, withdrawn_by=self.request.user)


class FeedEventViewSet(ModelViewSet):
    model = FeedEvent
    icon = "resubmit"
    menu_label = "Passport feed"
    add_to_admin_menu = True
    menu_order = 920
    inspect_view_enabled = True
    form_fields = []
    list_display = [
        "created_at",
        "event_type",
        Column("uuid", label="Idempotency key"),
        "status",
        "attempts",
        "delivered_at",
        "last_error",
    ]
    list_filter = ["status", "event_type"]
    search_fields = ["event_type"]
    ordering = ["-created_at", "-id"]
    inspect_view_fields = [
        "uuid",
        "event_type",
        "created_at",
        "status",
        "attempts",
        "last_attempt_at",
        "last_error",
        "delivered_at",
        "payload",
    ]


class ApiTokenViewSet(ModelViewSet):
    model = ApiToken
    icon = "key"
    menu_label = "API tokens"
    add_to_admin_menu = True
    menu_order = 930
    inspect_view_enabled = True
    copy_view_enabled = False
    add_view_class = IssueApiTokenView
    delete_view_class = WithdrawApiTokenView
    list_display = [
        "user",
        Column("token_key", label="Starts with"),
        "created",
        Column("expiry", label="Stops working"),
    ]
    ordering = ["-created"]
    inspect_view_fields = ["user", "token_key", "created", "expiry"]

    def get_form_class(self, for_update=False):
        return IssueApiTokenForm
