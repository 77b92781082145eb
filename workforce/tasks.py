from celery import shared_task

from workforce.services import refresh_workforce_summary


@shared_task(name="workforce.tasks.refresh_workforce_summary")
def refresh_workforce_summary_task() -> int:
    """Nightly: recount the dashboards' last 12 months."""
    return refresh_workforce_summary()
