"""Writes of the passport app."""

from passport.services.certificates import (
    certificate_to_verify,
    issue_certificate,
    open_certificate,
    render_certificate_pdf,
    requeue_unrendered_certificates,
)
from passport.services.competences import (
    award_competence,
    revoke_competence,
    signed_event_content,
    suspend_competence,
)
from passport.services.credentials import (
    issue_competence_credential,
    issue_passport_bundle,
    publish_status_list,
    this_issuer,
)
from passport.services.feed import (
    FeedDeliveryFailed,
    deliver_feed_event,
    deliver_queued_feed_events,
    record_feed_event,
)
from passport.services.plans import (
    PlanAssignment,
    assign_training_plan,
    complete_plan_items,
    notify_overdue_plan_items,
    start_plan_item,
)
from passport.services.recognition import (
    check_credential,
    recognise_competence,
    staff_matching_subject,
)
from passport.services.revalidation import (
    expire_competences,
    mark_expiring_competences,
)
from passport.services.sharing import (
    NewShareLink,
    active_share_link,
    create_share_link,
    record_share_view,
    revoke_share_link,
)

__all__ = [
    "FeedDeliveryFailed",
    "NewShareLink",
    "PlanAssignment",
    "active_share_link",
    "assign_training_plan",
    "award_competence",
    "certificate_to_verify",
    "check_credential",
    "complete_plan_items",
    "create_share_link",
    "deliver_feed_event",
    "deliver_queued_feed_events",
    "expire_competences",
    "issue_certificate",
    "issue_competence_credential",
    "issue_passport_bundle",
    "mark_expiring_competences",
    "notify_overdue_plan_items",
    "open_certificate",
    "publish_status_list",
    "recognise_competence",
    "record_feed_event",
    "record_share_view",
    "render_certificate_pdf",
    "requeue_unrendered_certificates",
    "revoke_competence",
    "revoke_share_link",
    "signed_event_content",
    "staff_matching_subject",
    "start_plan_item",
    "suspend_competence",
    "this_issuer",
]
