"""Who may see an organisation's competence matrix, and open the records it names;
built on `trainers.permissions`, so the matrix and the trainee record agree."""

from academy.models import Organisation, User
from trainers.permissions import can_manage_organisation, organisations_led_by


def led_organisation(user: User, pk: int) -> Organisation | None:
    """The organisation, if the person is its training lead; otherwise None, whether or
    not it exists."""
    return organisations_led_by(user).filter(pk=pk).first()


def may_open_staff_records(user: User, organisation: Organisation) -> bool:
    """The organisation's training lead sees the record of each of its staff (the
    trainee record's own rule), so every name in their matrix links to it."""
    return can_manage_organisation(user, organisation)
