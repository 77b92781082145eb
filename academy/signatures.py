"""Electronic signatures: the signer's re-authentication, signing a record, and
checking that a signature still matches what was signed.

Nothing is signed without the signer re-entering their password. `sign_record`
refuses to sign without a `Reauthentication` made for this signer, record and
meaning within the last few minutes, and only `reauthenticate` (which checks the
password and audits a wrong one) makes one. Each service that signs takes the
signer's `password=`, calls `reauthenticate` before it opens its transaction (so the
audit event of a rejected password is kept) and hands the proof to `sign_record`. A
page, the admin, an API, a command or the demo therefore cannot sign without the
password, and no view checks it itself.
"""

from dataclasses import InitVar, dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from academy.models import ElectronicSignature, User
from academy.services import json_safe, record_audit_event
from academy.signing import content_hash, signature_hash
from academy.signing_blocks import block_if_guessing, blocked_message, signing_blocked

# Long enough for one submission and the service call behind it; a proof kept for
# longer would let a signature be made when the signer may no longer be present.
REAUTHENTICATION_LIFETIME = timedelta(minutes=5)

# Held only by this module: a Reauthentication made anywhere else is refused.
_MADE_BY_REAUTHENTICATE = object()


class SignatureRejected(Exception):
    """The signer did not re-authenticate for this signature, so nothing was signed."""


class SigningBlocked(SignatureRejected):
    """The signer's account may not sign now, after too many wrong passwords.

    `signed_out` is true when this attempt made the block: every session of the account
    has ended, and the page that asked should sign the current request out too."""

    def __init__(self, message: str, *, signed_out: bool = False) -> None:
        super().__init__(message)
        self.signed_out = signed_out


def _identity(record: Any) -> tuple[str, str]:
    return record._meta.label_lower, str(record.pk)


@dataclass(frozen=True)
class Reauthentication:
    """Proof that a signer re-entered their password just now, to sign one record
    with one meaning. Only `reauthenticate` makes one."""

    signer_id: int
    record_type: str
    record_id: str
    meaning: str
    at: datetime
    # An InitVar, not a field: `dataclasses.replace` cannot copy it onto an altered
    # proof, so a proof for one record cannot be turned into one for another.
    made_by: InitVar[object] = None

    def __post_init__(self, made_by: object) -> None:
        if made_by is not _MADE_BY_REAUTHENTICATE:
            raise TypeError("Only reauthenticate() makes a Reauthentication.")

    def check(self, *, signer: User, record: Any, meaning: str) -> None:
        """Refuse a signature this proof was not made for, or made too long ago."""
        if (
            self.signer_id != signer.pk
            or (self.record_type, self.record_id) != _identity(record)
            or self.meaning != meaning
        ):
            raise SignatureRejected(
                "Your password was entered for another signature; nothing was signed."
            )
        if timezone.now() - self.at > REAUTHENTICATION_LIFETIME:
            raise SignatureRejected(
                "Too long has passed since you entered your password; enter it again."
            )


def reauthenticate(
    signer: User, *, password: str, record: Any, meaning: str
) -> Reauthentication:
    """The signer re-enters their password to sign `record` with `meaning`; a wrong
    one is audited and raises `SignatureRejected`.

    Wrong passwords are counted here, the one place every signing service passes
    through: too many block the account's signing (`academy.signing_blocks`), and a
    blocked account is refused with `SigningBlocked`, even with the right password.
    Call it before opening the transaction that signs, so that the audit event of a
    rejected password is kept when that transaction is never started.
    """
    if signing_blocked(signer):
        raise SigningBlocked(blocked_message(signer))
    if password and signer.is_active and signer.check_password(password):
        record_type, record_id = _identity(record)
        return Reauthentication(
            signer_id=signer.pk,
            record_type=record_type,
            record_id=record_id,
            meaning=str(meaning),
            at=timezone.now(),
            made_by=_MADE_BY_REAUTHENTICATE,
        )
    record_audit_event(
        "academy.signature_rejected",
        actor=signer,
        target=record,
        details={"meaning": meaning, "reason": "password did not match"},
    )
    if block_if_guessing(signer):
        raise SigningBlocked(
            blocked_message(signer) + " You have been signed out.", signed_out=True
        )
    raise SignatureRejected("The password you entered is not correct.")


def check_signing_password(
    signer: User, *, password: str, record: Any, meaning: str
) -> None:
    """Check the password of a signature that cannot be made yet (its form has other
    problems), so that a wrong one is reported with them, in one round. Signs nothing
    and keeps no proof; a wrong password is audited and counted like any other and
    raises `SignatureRejected` (`SigningBlocked` when it blocks the account)."""
    reauthenticate(signer, password=password, record=record, meaning=meaning)


@transaction.atomic
def sign_record(
    record: Any,
    *,
    signer: User,
    meaning: str,
    role: str,
    content: dict[str, Any],
    reauthentication: Reauthentication,
    reauthenticated_for: Any = None,
) -> ElectronicSignature:
    """Sign a record with the signer's fresh re-authentication, binding the signature
    to its content.

    The re-authentication must be the signer's, for this meaning and this record (or
    for `reauthenticated_for`, when the record is created by the signing itself: a
    new validation result is signed for its operator). `content` is the canonical
    content the signer saw; its hash is stored, so any later change to the stored
    record makes `signature_matches` fail.
    """
    if not isinstance(reauthentication, Reauthentication):
        raise SignatureRejected("Enter your password to sign.")
    reauthentication.check(
        signer=signer,
        record=record if reauthenticated_for is None else reauthenticated_for,
        meaning=meaning,
    )
    fields = {
        "printed_name": signer.full_name,
        "role": role,
        "organisation_name": signer.organisation.name if signer.organisation else "",
        "signed_at": timezone.now(),
        "meaning": meaning,
        "record_type": record._meta.label_lower,
        "record_id": str(record.pk),
    }
    digest = content_hash(json_safe(content))
    signature = ElectronicSignature.objects.create(
        signer=signer,
        content_hash=digest,
        signature_hash=signature_hash(
            content_hash=digest, signer_id=signer.pk, **fields
        ),
        **fields,
    )
    record_audit_event(
        "academy.record_signed",
        actor=signer,
        target=record,
        details={
            "meaning": meaning,
            "signature_id": signature.pk,
            "content_hash": digest,
        },
    )
    return signature


def signature_matches(
    signature: ElectronicSignature, *, content: dict[str, Any]
) -> bool:
    """Whether the record's current content and the signature's own fields are unaltered."""
    digest = content_hash(json_safe(content))
    expected = signature_hash(
        content_hash=digest,
        signer_id=signature.signer_id,
        printed_name=signature.printed_name,
        role=signature.role,
        organisation_name=signature.organisation_name,
        signed_at=signature.signed_at,
        meaning=signature.meaning,
        record_type=signature.record_type,
        record_id=signature.record_id,
    )
    return digest == signature.content_hash and expected == signature.signature_hash
