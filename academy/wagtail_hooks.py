from django.urls import path, reverse
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from academy.models import AuditEvent
from academy.viewsets import (
    AuditEventViewSet,
    BlockedSignersMenuItem,
    CompetencyViewSet,
    OrganisationViewSet,
    ReadOnlyPermissionPolicy,
    SpecialistAreaViewSet,
    blocked_signers_view,
    clear_signing_block_view,
)

register_permission_policy(AuditEvent, ReadOnlyPermissionPolicy(AuditEvent))

register_snippet(CompetencyViewSet)
register_snippet(SpecialistAreaViewSet)
register_snippet(OrganisationViewSet)


@hooks.register("register_admin_viewset")
def register_audit_trail():
    return AuditEventViewSet("audit_trail")


@hooks.register("register_admin_urls")
def register_blocked_signers():
    return [
        path(
            "blocked-signers/",
            blocked_signers_view,
            name="academy_blocked_signers",
        ),
        path(
            "blocked-signers/<int:pk>/clear/",
            clear_signing_block_view,
            name="academy_clear_signing_block",
        ),
    ]


@hooks.register("register_settings_menu_item")
def register_blocked_signers_menu_item():
    return BlockedSignersMenuItem(
        "Blocked signers",
        reverse("academy_blocked_signers"),
        name="blocked-signers",
        icon_name="lock",
        order=900,
    )
