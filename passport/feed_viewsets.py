"""Wagtail admin views for the national interfaces: the passport feed's delivery
status and the API tokens of authorised consumers. Administrators only."""

from rest_framework.authtoken.models import Token
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import DeleteView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from passport.models import FeedEvent


class ApiTokenPermissionPolicy(ModelPermissionPolicy):
    """Administrators issue and withdraw API tokens; a token is never edited."""

    def user_has_permission(self, user, action):
        return action != "change" and user.is_active and user.is_superuser

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class WithdrawApiTokenView(DeleteView):
    # A deleted token has no key left to name it by.
    success_message = "API token withdrawn; its consumer can no longer read the API."


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
    model = Token
    icon = "key"
    menu_label = "API tokens"
    add_to_admin_menu = True
    menu_order = 930
    inspect_view_enabled = True
    copy_view_enabled = False
    delete_view_class = WithdrawApiTokenView
    form_fields = ["user"]
    list_display = ["user", "created"]
    ordering = ["-created"]
    inspect_view_fields = ["user", "created", "key"]
