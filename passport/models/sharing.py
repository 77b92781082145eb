"""Share links: a holder shows their passport, read-only, to whoever has the link."""

from django.conf import settings
from django.db import models


class ShareLink(models.Model):
    """A link to the holder's passport that works without signing in until it expires
    or the holder revokes it. Only the SHA-256 of its token is stored, so the link
    cannot be rebuilt from the database."""

    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="share_links"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField()
    expires_on = models.DateField(help_text="Last day the link works.")
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Share link of {self.holder} until {self.expires_on:%d %B %Y}"

    def is_active_on(self, day) -> bool:
        """Whether the link still opens the passport on that day."""
        return self.revoked_at is None and day <= self.expires_on


class ShareLinkView(models.Model):
    """One opening of a share link, kept for the holder to see who looked and when.

    Only a truncated network address and a trimmed browser description are kept."""

    link = models.ForeignKey(ShareLink, on_delete=models.CASCADE, related_name="views")
    viewed_at = models.DateTimeField()
    network = models.CharField(
        max_length=50, blank=True, help_text="The viewer's address, truncated."
    )
    user_agent = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-viewed_at", "-id"]

    def __str__(self) -> str:
        return f"View of {self.link} at {self.viewed_at:%Y-%m-%d %H:%M}"
