"""Certificates: the printable, verifiable record of one award of a competence."""

from django.db import models

from passport.certificates.codes import NUMBER_PREFIX, grouped, new_code
from passport.models.competences import CompetenceEvent

__all__ = ["NUMBER_PREFIX", "Certificate", "new_verification_code"]


def new_verification_code() -> str:
    """An unguessable code people can read and type, printed under the QR code
    (`passport.certificates.codes`)."""
    return new_code()


class Certificate(models.Model):
    """The certificate of one award or renewal: exactly one per award event.

    The number (`TSA-2026-000123`) is read from the row's own primary key, which the
    database hands out without races. The PDF is rendered once, after the award is
    committed, into private storage; its SHA-256 proves the stored file is unaltered.
    """

    event = models.OneToOneField(
        CompetenceEvent, on_delete=models.PROTECT, related_name="certificate"
    )
    # Empty only between the insert and the update that reads the key, in one
    # transaction; NULLs, unlike empty strings, do not collide under the unique index.
    number = models.CharField(  # noqa: DJ001
        max_length=20, unique=True, null=True, editable=False
    )
    verification_code = models.CharField(
        max_length=32,
        unique=True,
        default=new_verification_code,
        editable=False,
        help_text="Printed under the QR code in groups of four; stored without "
        "hyphens.",
    )
    # Certificates issued before readable codes print this one in their verification
    # address and QR code; it keeps verifying, exactly as printed.
    legacy_verification_code = models.CharField(
        max_length=32, unique=True, null=True, blank=True, editable=False
    )
    issued_at = models.DateTimeField()
    holder_name = models.CharField(
        max_length=150, help_text="The holder's name as printed at issue."
    )
    organisation_name = models.CharField(
        max_length=200, blank=True, help_text="The issuing organisation at issue."
    )
    file_name = models.CharField(
        max_length=200, blank=True, help_text="Path of the PDF in private storage."
    )
    sha256 = models.CharField(max_length=64, blank=True)
    rendered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-issued_at", "-id"]

    def __str__(self) -> str:
        return self.number or f"Certificate {self.pk}"

    @property
    def is_rendered(self) -> bool:
        return bool(self.sha256)

    @property
    def printed_code(self) -> str:
        """The verification code as the certificate prints it: 7KQ4-MWX9-C2HT."""
        return grouped(self.verification_code)
