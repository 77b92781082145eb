"""Who may open the workforce dashboards, and which organisations each lead sees:
a regional lead their region's, a national TSET lead every one. Views ask here."""

from django.db.models import QuerySet

from academy.models import Organisation, User
from academy.roles import NATIONAL_LEAD, REGIONAL_LEAD
from workforce.models import RegionalLeadRole


def _roles(user: User) -> set[str]:
    if not user.is_authenticated:
        return set()
    if not hasattr(user, "_workforce_roles"):
        user._workforce_roles = set(
            user.groups.filter(name__in=[REGIONAL_LEAD, NATIONAL_LEAD]).values_list(
                "name", flat=True
            )
        )
    return user._workforce_roles


def region_led_by(user: User) -> str | None:
    """The region a regional lead leads now, if any."""
    if REGIONAL_LEAD not in _roles(user):
        return None
    role = RegionalLeadRole.objects.filter(person=user, ends_on=None).first()
    return role.region if role else None


def may_see_dashboard(user: User) -> bool:
    """A national TSET lead, or a regional lead with a region."""
    return NATIONAL_LEAD in _roles(user) or region_led_by(user) is not None


def organisations_in_scope(user: User) -> QuerySet[Organisation]:
    """The organisations a lead may see and compare: all for a national TSET lead,
    their region's for a regional lead, none for anyone else."""
    if NATIONAL_LEAD in _roles(user):
        return Organisation.objects.all()
    region = region_led_by(user)
    if region is None:
        return Organisation.objects.none()
    return Organisation.objects.filter(region=region)


def scope_label(user: User) -> str:
    """What the lead's dashboard covers, in words."""
    if NATIONAL_LEAD in _roles(user):
        return "England"
    return region_led_by(user) or ""


def may_appoint_leads(user: User) -> bool:
    """Only administrators appoint and remove regional and national TSET leads."""
    return user.is_authenticated and user.is_superuser
