"""Who may keep and see a revalidation portfolio: the person alone. Their trainers,
mentors and training leads see their Academy record, not their revalidation records,
which are theirs to submit. Views and services ask here and nowhere else."""

from academy.models import User
from revalidation.models import RevalidationYear


def may_keep_portfolio(user: User) -> bool:
    """A signed-in person with a professional registration number keeps a portfolio."""
    return bool(user.is_authenticated and user.registration_number.strip())


def may_see_year(user: User, year: RevalidationYear) -> bool:
    """Only the person whose year it is sees and edits it and its records."""
    return may_keep_portfolio(user) and year.person_id == user.pk


def years_visible_to(user: User):
    """The revalidation years a person may open: their own."""
    if not may_keep_portfolio(user):
        return RevalidationYear.objects.none()
    return RevalidationYear.objects.filter(person=user)
