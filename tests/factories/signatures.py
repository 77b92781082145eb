"""Re-authentication gone wrong, for the tests that each signing service refuses it."""

from datetime import timedelta

from academy import signatures
from academy.models import SignatureMeaning, User
from tests.conftest import PASSWORD

WRONG_PROOFS = ("another signer", "another record", "another meaning", "stale")


def hand_wrong_proof(monkeypatch, service_module, wrong: str, *, stranger: User):
    """The signer's password is right, but the service's `sign_record` is handed a
    proof made for another signer, record or meaning, or made too long ago."""
    real = signatures.reauthenticate

    def reauthenticate(signer, *, password, record, meaning):
        if wrong == "another signer":
            return real(stranger, password=PASSWORD, record=record, meaning=meaning)
        if wrong == "another record":
            return real(signer, password=password, record=stranger, meaning=meaning)
        if wrong == "another meaning":
            other = (
                SignatureMeaning.COUNTERSIGNED
                if meaning == SignatureMeaning.CORRECTION
                else SignatureMeaning.CORRECTION
            )
            return real(signer, password=password, record=record, meaning=other)
        made = real(signer, password=password, record=record, meaning=meaning)
        # Only a test ages a proof: it is frozen everywhere else.
        too_old = made.at - signatures.REAUTHENTICATION_LIFETIME - timedelta(seconds=1)
        object.__setattr__(made, "at", too_old)
        return made

    monkeypatch.setattr(service_module, "reauthenticate", reauthenticate)
