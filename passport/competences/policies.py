"""Who may see a competence: one rule for every page and download that shows one,
built on `trainers.permissions`."""

from academy.models import User
from passport.models import Competence
from trainers.permissions import can_view_trainee_record


def may_see_competence(user: User, competence: Competence) -> bool:
    """The holder, and whoever may see the holder's record (their current trainers and
    mentors, their training lead), see a competence; nobody else."""
    return can_view_trainee_record(user, competence.holder)
