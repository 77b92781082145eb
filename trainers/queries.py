"""Reads of the network for the home page: a trainer's own accreditation, a mentor's
requests and mentees, and what a training lead's organisations are missing."""

from datetime import date, timedelta

from django.db.models import Exists, OuterRef, QuerySet

from academy.models import Organisation, User
from academy.roles import TRAINEE
from trainers.models import Accreditation, Mentorship, MentorshipStatus
from trainers.permissions import current_accreditations, current_supervisions

# An accreditation is flagged as it nears its end the way a competence is: 60 days.
ACCREDITATION_EXPIRING_DAYS = 60


def accreditations_of(person: User, *, today: date) -> QuerySet[Accreditation]:
    """The person's current accreditations as a workplace assessor, ending first first."""
    return (
        current_accreditations(today=today)
        .filter(person=person)
        .order_by("expires_on", "pk")
    )


def accreditation_expiring(expires_on: date, *, today: date) -> bool:
    """An accreditation is expiring within 60 days of its end."""
    return expires_on <= today + timedelta(days=ACCREDITATION_EXPIRING_DAYS)


def mentorship_requests_to(mentor: User) -> QuerySet[Mentorship]:
    """Requests waiting for the mentor's answer, oldest first."""
    return (
        Mentorship.objects.filter(mentor=mentor, status=MentorshipStatus.REQUESTED)
        .select_related("mentee__organisation")
        .order_by("requested_at", "pk")
    )


def active_mentorships_of(mentor: User) -> QuerySet[Mentorship]:
    """The mentor's active mentorships, by mentee's name."""
    return (
        Mentorship.objects.filter(mentor=mentor, status=MentorshipStatus.ACTIVE)
        .select_related("mentee__organisation")
        .order_by("mentee__full_name", "pk")
    )


def unassigned_trainees(
    organisations: QuerySet[Organisation], *, today: date
) -> QuerySet[User]:
    """Active trainees of these organisations whom no trainer supervises today."""
    supervised = current_supervisions(today=today).filter(trainee=OuterRef("pk"))
    return (
        User.objects.filter(
            organisation__in=organisations, is_active=True, groups__name=TRAINEE
        )
        .exclude(Exists(supervised))
        .select_related("organisation")
        .order_by("full_name", "pk")
    )


def accreditations_expiring_in(
    organisations: QuerySet[Organisation], *, today: date
) -> QuerySet[Accreditation]:
    """Current accreditations of these organisations' staff ending within 60 days."""
    return (
        current_accreditations(today=today)
        .filter(
            person__organisation__in=organisations,
            expires_on__lte=today + timedelta(days=ACCREDITATION_EXPIRING_DAYS),
        )
        .select_related("person")
        .order_by("expires_on", "person__full_name", "pk")
    )
