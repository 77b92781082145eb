"""Linking an NHS identity to an Academy account, and auditing a refused sign-in."""

from django.contrib.auth import authenticate
from django.db import IntegrityError, transaction
from django.http import HttpRequest

from academy.models import IdentityLink, User
from academy.services import record_audit_event


class LinkRefused(Exception):
    """The person did not prove the account is theirs, so nothing was linked."""


def link_identity(
    request: HttpRequest, *, user: User, password: str, issuer: str, subject: str
) -> IdentityLink:
    """Link the identity's subject to `user` once they re-enter the account's password.

    The password goes through the site's authentication, so a wrong one is audited
    and counts towards the account's lockout like a wrong sign-in."""
    if authenticate(request, username=user.email, password=password) != user:
        raise LinkRefused("The password you entered is not correct.")
    try:
        return _create_link(user=user, issuer=issuer, subject=subject)
    except IntegrityError as error:
        raise LinkRefused(
            "This NHS identity or this account is already linked; sign in again."
        ) from error


@transaction.atomic
def _create_link(*, user: User, issuer: str, subject: str) -> IdentityLink:
    link = IdentityLink.objects.create(user=user, issuer=issuer, subject=subject)
    record_audit_event(
        "academy.identity_linked",
        actor=user,
        target=user,
        details={"issuer": issuer, "subject": subject},
    )
    return link


def record_sign_in_failure(request: HttpRequest, *, reason: str) -> None:
    """Audit a sign-in through the provider that was refused, with its reason."""
    record_audit_event(
        "academy.identity_sign_in_failed",
        details={"reason": reason, "ip_address": request.META.get("REMOTE_ADDR", "")},
    )
