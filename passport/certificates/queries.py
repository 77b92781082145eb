"""Reads of a holder's certificates."""

from django.db.models import QuerySet

from academy.models import User
from passport.models import Certificate


def recent_certificates(holder: User) -> QuerySet[Certificate]:
    """The holder's numbered certificates, the newest first, with their competency."""
    return (
        Certificate.objects.filter(event__competence__holder=holder)
        .exclude(number=None)
        .select_related("event__competence__competency")
        .order_by("-issued_at", "-pk")
    )
