"""Issuing and withdrawing the read API's tokens; only their hashes are kept."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from academy.models import User
from academy.services import record_audit_event
from passport.models import ApiToken
from passport.sharing.end_dates import expiry_date_error


def token_expiry_error(
    expires_on: datetime.date | None, *, today: datetime.date
) -> str | None:
    """A token works at least until tomorrow and at most 12 months, then is reissued."""
    return expiry_date_error(expires_on, today=today, thing="the token")


@dataclass(frozen=True)
class NewApiToken:
    record: ApiToken
    token: str  # shown once to the administrator, never stored


@transaction.atomic
def issue_api_token(
    *, user: User, expires_on: datetime.date, issued_by: User
) -> NewApiToken:
    """A token with `user`'s access that stops working at the end of `expires_on`."""
    error = token_expiry_error(expires_on, today=timezone.localdate())
    if error:
        raise ValidationError({"expires_on": error})
    if not user.is_active:
        raise ValidationError({"user": "This account is deactivated"})
    ends = timezone.make_aware(
        datetime.datetime.combine(
            expires_on + datetime.timedelta(days=1), datetime.time()
        )
    )
    record, token = ApiToken.objects.create(user=user, expiry=ends - timezone.now())
    record_audit_event(
        "passport.api_token_issued",
        actor=issued_by,
        target=user,
        details={"token_starts": record.token_key[:8], "expires_on": str(expires_on)},
    )
    return NewApiToken(record=record, token=token)


@transaction.atomic
def withdraw_api_token(*, record: ApiToken, withdrawn_by: User) -> None:
    """The consumer can no longer read the API with this token."""
    record_audit_event(
        "passport.api_token_withdrawn",
        actor=withdrawn_by,
        target=record.user,
        details={"token_starts": record.token_key[:8]},
    )
    record.delete()
