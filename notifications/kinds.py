"""What people are told about, and how: the kinds of notification, which of them no
one may turn off, and the rule that picks a person's delivery. Pure: no database."""

from django.db import models


class Kind(models.TextChoices):
    SIGN_OFF_REQUESTED = "sign_off_requested", "A trainee asks you to sign off"
    SIGN_OFF_SIGNED = "sign_off_signed", "Your workplace assessment is signed off"
    SIGN_OFF_RETURNED = (
        "sign_off_returned",
        "Your workplace assessment is returned as not yet competent",
    )
    COUNTERSIGN_NEEDED = (
        "countersign_needed",
        "A workplace assessment needs your countersignature",
    )
    VALIDATION_FAILED = "validation_failed", "A process validation of yours failed"
    COMPETENCE_AWARDED = (
        "competence_awarded",
        "A competence is awarded and its certificate is ready",
    )
    COMPETENCE_EXPIRING = (
        "competence_expiring",
        "A competence expires in 60, 30 or 7 days",
    )
    COMPETENCE_EXPIRED = "competence_expired", "A competence has expired"
    COMPETENCE_SUSPENDED = "competence_suspended", "A competence is suspended"
    COMPETENCE_REVOKED = "competence_revoked", "A competence is revoked"
    PLAN_ITEM_ASSIGNED = "plan_item_assigned", "Training plan items are assigned"
    PLAN_ITEM_DUE_SOON = "plan_item_due_soon", "A training plan item is due soon"
    PLAN_ITEM_OVERDUE = "plan_item_overdue", "A training plan item is overdue"
    PLAN_DUE_DATE_CHANGED = (
        "plan_due_date_changed",
        "A training plan item's due date changes",
    )
    MENTORING_REQUESTED = "mentoring_requested", "Someone asks you for mentoring"
    MENTORING_ACCEPTED = "mentoring_accepted", "A mentor accepts your request"
    CONTENT_REVIEW_DUE = "content_review_due", "An e-learning module is due for review"
    REVALIDATION_DUE = (
        "revalidation_due",
        "Your GPhC revalidation records are due in 60, 30 or 7 days",
    )


# GxP-relevant: what a regulator would expect the person to have been told. Always
# e-mailed as it happens; the preferences page shows them as always on.
MANDATORY = frozenset(
    {
        Kind.SIGN_OFF_RETURNED,
        Kind.COUNTERSIGN_NEEDED,
        Kind.VALIDATION_FAILED,
        Kind.COMPETENCE_EXPIRED,
        Kind.COMPETENCE_SUSPENDED,
        Kind.COMPETENCE_REVOKED,
    }
)
OPTIONAL = tuple(kind for kind in Kind if kind not in MANDATORY)


class Delivery(models.TextChoices):
    EACH = "each", "Each time, by e-mail"
    DIGEST = "digest", "In one e-mail a day (a daily digest)"
    OFF = "off", "Off: do not tell me"


class EmailState(models.TextChoices):
    WAITING = "waiting", "Waiting to be sent"
    SENDING = "sending", "Being sent"
    SENT = "sent", "Sent"


def delivery_for(kind: str, *, chosen: str | None) -> str:
    """A mandatory kind is e-mailed each time whatever was chosen; an optional one as
    the person chose, and each time until they choose."""
    if kind in MANDATORY or chosen not in Delivery.values:
        return Delivery.EACH
    return chosen
