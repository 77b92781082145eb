"""Sharing a passport by link: create, revoke, open and log each view."""

import hashlib
import ipaddress
import secrets
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max, QuerySet
from django.utils import timezone

from academy.models import User
from academy.services import record_audit_event
from passport.models import Competence, ShareLink, ShareLinkView
from passport.sharing.end_dates import expiry_date_error

USER_AGENT_LENGTH = 200
# Enough of the address to tell networks apart, not enough to find a person.
IPV4_PREFIX, IPV6_PREFIX = 24, 48


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def share_expiry_error(expires_on: date | None, *, today: date) -> str | None:
    """A share link lasts at least until tomorrow and at most 12 months."""
    return expiry_date_error(expires_on, today=today, thing="the link")


@dataclass(frozen=True)
class NewShareLink:
    link: ShareLink
    token: str


@transaction.atomic
def create_share_link(*, holder: User, expires_on: date) -> NewShareLink:
    """Create a link to the holder's passport; the token is returned once, never stored."""
    error = share_expiry_error(expires_on, today=timezone.localdate())
    if error:
        raise ValidationError({"expires_on": error})
    token = secrets.token_urlsafe(32)
    link = ShareLink.objects.create(
        holder=holder,
        token_hash=token_hash(token),
        created_at=timezone.now(),
        expires_on=expires_on,
    )
    record_audit_event(
        "passport.share_link_created",
        actor=holder,
        target=link,
        details={"expires_on": expires_on},
    )
    return NewShareLink(link=link, token=token)


@transaction.atomic
def revoke_share_link(*, link: ShareLink, revoked_by: User) -> ShareLink:
    """Stop a link working at once; revoking it again changes nothing."""
    link = ShareLink.objects.select_for_update().get(pk=link.pk)
    if link.revoked_at is not None:
        return link
    link.revoked_at = timezone.now()
    link.save(update_fields=["revoked_at"])
    record_audit_event("passport.share_link_revoked", actor=revoked_by, target=link)
    return link


def active_share_link(token: str, *, today: date | None = None) -> ShareLink | None:
    """The link the token opens, or None when it is unknown, expired or revoked."""
    today = today or timezone.localdate()
    return (
        ShareLink.objects.filter(
            token_hash=token_hash(token), revoked_at__isnull=True, expires_on__gte=today
        )
        .select_related("holder")
        .first()
    )


def truncated_network(address: str | None) -> str:
    """The viewer's network (IPv4 /24, IPv6 /48), never their full address."""
    try:
        ip = ipaddress.ip_address((address or "").strip())
    except ValueError:
        return ""
    prefix = IPV4_PREFIX if ip.version == 4 else IPV6_PREFIX
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))


def record_share_view(
    *, link: ShareLink, address: str | None, user_agent: str
) -> ShareLinkView:
    """Log one opening of a share link for its holder to see."""
    return ShareLinkView.objects.create(
        link=link,
        viewed_at=timezone.now(),
        network=truncated_network(address),
        user_agent=user_agent[:USER_AGENT_LENGTH],
    )


def share_links_of(holder: User) -> QuerySet[ShareLink]:
    """The holder's links, newest first, with how often and when last they were opened."""
    return (
        ShareLink.objects.filter(holder=holder)
        .annotate(view_count=Count("views"), last_viewed_at=Max("views__viewed_at"))
        .order_by("-created_at", "-id")
    )


def recent_share_views(holder: User, *, limit: int = 50) -> QuerySet[ShareLinkView]:
    return ShareLinkView.objects.filter(link__holder=holder).select_related("link")[
        :limit
    ]


def shared_competences(holder: User) -> QuerySet[Competence]:
    """What a share link shows: each competence's competency, status and dates, never
    its evidence (the holder was promised that)."""
    return (
        Competence.objects.filter(holder=holder)
        .select_related("competency")
        .only(
            "status",
            "achieved_on",
            "expires_on",
            "under_review",
            "competency__code",
            "competency__title",
        )
    )
