from wagtail import hooks
from wagtail.snippets.models import register_snippet

from academy.viewsets import (
    AuditEventViewSet,
    CompetencyViewSet,
    OrganisationViewSet,
    SpecialistAreaViewSet,
)

register_snippet(CompetencyViewSet)
register_snippet(SpecialistAreaViewSet)
register_snippet(OrganisationViewSet)


@hooks.register("register_admin_viewset")
def register_audit_trail():
    return AuditEventViewSet("audit_trail")
