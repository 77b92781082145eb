"""Who may see and resolve findings of signed records changed after signing."""

from academy.models import User


def may_review_signature_findings(user: User) -> bool:
    """Administrators alone: a finding names people's signed records, and resolving
    one lifts the review of their competences."""
    return bool(user.is_active and user.is_superuser)
