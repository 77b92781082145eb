"""Records behind verifiable credentials: the issuer key of a development
deployment, each competence's place in the status list, and competences recognised
from credentials that another Academy deployment issued."""

from django.conf import settings
from django.db import models

from academy.models import Competency


class IssuerSigningKey(models.Model):
    """The credential signing key of a development or test deployment, generated
    once. Production reads its key from the `PASSPORT_SIGNING_KEY` setting instead
    and never uses this table."""

    kid = models.CharField(max_length=100, unique=True)
    private_jwk = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.kid


class CredentialStatusEntry(models.Model):
    """A competence's fixed, randomly chosen position in the published status list,
    allocated the first time a credential is issued for it."""

    competence = models.OneToOneField(
        "passport.Competence",
        on_delete=models.PROTECT,
        related_name="credential_status",
    )
    index = models.PositiveIntegerField(unique=True)
    allocated_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Status index {self.index} of {self.competence_id}"


class RecognisedCompetence(models.Model):
    """A competence a person holds from a credential another Academy deployment
    issued, recognised by a training lead here. It was not assessed here and is
    never shown as an assessed `Competence`."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="recognised_competences",
    )
    competency = models.ForeignKey(
        Competency, on_delete=models.PROTECT, related_name="recognitions"
    )
    recognised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recognised_at = models.DateTimeField()
    issuer = models.URLField(max_length=500, help_text="The issuer's identifier.")
    issuer_name = models.CharField(max_length=255)
    credential_id = models.CharField(max_length=500)
    credential_jwt = models.TextField(help_text="The credential as presented.")
    valid_from = models.DateField()
    valid_until = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-recognised_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "credential_id"],
                name="one_recognition_per_credential",
            )
        ]

    def __str__(self) -> str:
        return f"{self.competency.code} recognised from {self.issuer_name}"
