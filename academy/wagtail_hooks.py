from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from academy.models import AuditEvent
from academy.viewsets import (
    AuditEventViewSet,
    CompetencyViewSet,
    OrganisationViewSet,
    ReadOnlyPermissionPolicy,
    SpecialistAreaViewSet,
)

register_permission_policy(AuditEvent, ReadOnlyPermissionPolicy(AuditEvent))

register_snippet(CompetencyViewSet)
register_snippet(SpecialistAreaViewSet)
register_snippet(OrganisationViewSet)


@hooks.register("register_admin_viewset")
def register_audit_trail():
    return AuditEventViewSet("audit_trail")
