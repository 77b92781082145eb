"""Whose account an NHS identity is: by its linked subject, or the account it may link."""

from academy.identity.provider import VerifiedIdentity
from academy.models import IdentityLink, User


def linked_account(identity: VerifiedIdentity) -> User | None:
    """The active account this identity's subject is linked to, if any."""
    link = (
        IdentityLink.objects.select_related("user")
        .filter(issuer=identity.issuer, subject=identity.subject, user__is_active=True)
        .first()
    )
    return link.user if link else None


def account_to_link(identity: VerifiedIdentity) -> User | None:
    """The active account with this identity's verified e-mail address, not yet linked
    to another identity of the provider; never found by name."""
    if not (identity.email_verified and identity.email):
        return None
    return (
        User.objects.filter(email__iexact=identity.email, is_active=True)
        .exclude(identity_links__issuer=identity.issuer)
        .first()
    )
