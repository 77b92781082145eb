"""Background work of the passport app."""

from celery import shared_task
from celery.signals import worker_process_init
from django.utils import timezone

from passport import pdf
from passport.certificates.services import (
    render_certificate_pdf,
    requeue_unrendered_certificates,
)
from passport.competences.revalidation import (
    expire_competences,
    mark_expiring_competences,
)
from passport.feed.services import (
    FeedDeliveryFailed,
    deliver_feed_event,
    deliver_queued_feed_events,
)
from passport.plans.services import (
    notify_overdue_plan_items,
    notify_plan_items_due_soon,
)


@worker_process_init.connect
def warm_up_pdf_renderer(**kwargs) -> None:
    """Each worker process loads its fonts and stylesheet before its first task."""
    pdf.warm_up()


@shared_task(name="passport.tasks.notify_overdue_plan_items")
def send_overdue_plan_notices() -> int:
    """Daily: tell trainees and their trainers of overdue plan items, once each."""
    return notify_overdue_plan_items()


@shared_task(name="passport.tasks.notify_plan_items_due_soon")
def send_due_soon_plan_notices() -> int:
    """Daily: tell trainees of plan items due within a week, once per due date."""
    return notify_plan_items_due_soon()


@shared_task(
    name="passport.tasks.render_certificate",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def render_certificate(certificate_id: int) -> str:
    """Render and store one certificate's PDF; a repeated run finds it stored."""
    return render_certificate_pdf(certificate_id=certificate_id).sha256


@shared_task(name="passport.tasks.render_pending_certificates")
def render_pending_certificates() -> int:
    """Every 10 minutes: queue again certificates whose PDF is still not stored."""
    return requeue_unrendered_certificates()


@shared_task(
    name="passport.tasks.deliver_feed_event",
    autoretry_for=(FeedDeliveryFailed,),
    retry_backoff=30,
    retry_backoff_max=60 * 60,
    retry_jitter=True,
    max_retries=8,
)
def deliver_passport_feed_event(feed_event_id: int) -> bool:
    """Deliver one passport feed event, retrying with exponential back-off for about
    two hours; after that the sweep keeps trying."""
    return deliver_feed_event(feed_event_id=feed_event_id)


@shared_task(name="passport.tasks.sweep_passport_feed")
def sweep_passport_feed() -> int:
    """Every 15 minutes: deliver passport feed events still waiting."""
    return deliver_queued_feed_events()


@shared_task(name="passport.tasks.expire_competences")
def expire_lapsed_competences() -> int:
    """Daily: competences not revalidated by their expiry date expire."""
    return expire_competences(today=timezone.localdate())


@shared_task(name="passport.tasks.mark_expiring_competences")
def warn_of_expiring_competences() -> int:
    """Daily: warn of competences expiring in 60, 30 and 7 days."""
    return mark_expiring_competences(today=timezone.localdate())
