"""A person's NHS identity, linked to their Academy account by the provider's subject."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class IdentityLink(models.Model):
    """The provider's stable subject id that signs a person in, never their name.

    Made once the person has confirmed, with their Academy password, that the account
    with the identity's verified e-mail address is theirs."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="identity_links",
    )
    issuer = models.CharField(max_length=255)
    subject = models.CharField(max_length=255)
    linked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "subject"], name="identity_link_one_account"
            ),
            models.UniqueConstraint(
                fields=["user", "issuer"], name="identity_link_one_per_issuer"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} at {self.issuer}"
