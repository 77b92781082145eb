"""Who may see an apprenticeship and act on it, built on `trainers.permissions` (a
training lead is who `can_manage_organisation` says leads the employer). Views and
services ask here and nowhere else."""

from django.db.models import Q, QuerySet

from academy.models import User
from apprenticeships.models import Apprenticeship
from trainers.permissions import can_manage_organisation, organisations_led_by

APPRENTICE = "Apprentice"
EMPLOYER = "Employer representative"
PROVIDER = "Training provider representative"


def named_role(user: User, apprenticeship: Apprenticeship) -> str | None:
    """The part a person plays on the apprenticeship, if they are named on it."""
    if not user.is_authenticated:
        return None
    if user.pk == apprenticeship.apprentice_id:
        return APPRENTICE
    if user.pk == apprenticeship.employer_representative_id:
        return EMPLOYER
    if user.pk == apprenticeship.provider_representative_id:
        return PROVIDER
    return None


def leads_employer(user: User, apprenticeship: Apprenticeship) -> bool:
    return can_manage_organisation(user, apprenticeship.employer)


def may_see_apprenticeship(user: User, apprenticeship: Apprenticeship) -> bool:
    """The people named on it and the employer's training leads."""
    if not user.is_authenticated or not user.is_active:
        return False
    return named_role(user, apprenticeship) is not None or leads_employer(
        user, apprenticeship
    )


def may_log_hours(user: User, apprenticeship: Apprenticeship) -> bool:
    """Anyone who may see it logs training hours for the apprentice."""
    return may_see_apprenticeship(user, apprenticeship)


def may_sign_review(user: User, apprenticeship: Apprenticeship) -> bool:
    """Only the apprentice and the two representatives named on it sign reviews."""
    return user.is_active and named_role(user, apprenticeship) is not None


def apprenticeships_visible_to(user: User) -> QuerySet[Apprenticeship]:
    """Those a person is named on, and those of the organisations they lead."""
    if not user.is_authenticated or not user.is_active:
        return Apprenticeship.objects.none()
    return Apprenticeship.objects.filter(
        Q(apprentice=user)
        | Q(employer_representative=user)
        | Q(provider_representative=user)
        | Q(employer__in=organisations_led_by(user))
    ).distinct()


def apprenticeships_led_by(user: User) -> QuerySet[Apprenticeship]:
    """The apprentices of the organisations a training lead leads: their export."""
    return Apprenticeship.objects.filter(employer__in=organisations_led_by(user))


def may_export(user: User) -> bool:
    """A training lead exports their organisations' apprentices for the provider."""
    return organisations_led_by(user).exists()
