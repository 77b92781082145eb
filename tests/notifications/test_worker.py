"""On PostgreSQL with Redis, a notification's e-mail is sent by a real Celery worker
that reads the committed notification (skipped on SQLite, as the other worker tests)."""

import pytest
from celery.backends.redis import RedisBackend

from academy.celery import app as celery_app
from notifications.kinds import EmailState, Kind
from notifications.models import Notification
from notifications.services import notify
from notifications.tasks import send_notification_email
from tests.academy.test_celery_worker import BROKER
from tests.factories.academy import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_e_mail_is_sent_once_by_a_real_worker(celery_worker_on_redis):
    queue = celery_worker_on_redis
    notification = notify(
        recipient=UserFactory(),
        kind=Kind.SIGN_OFF_RETURNED,
        title="Not yet competent: your workplace assessment of ASP-01",
        body="Practise the aseptic non-touch technique.",
        link="/assessments/workplace/",
        event_key="worker:1",
    )
    backend = RedisBackend(app=celery_app, url=BROKER)

    def on_worker() -> bool:
        with celery_app.connection_for_write(BROKER) as connection_to_redis:
            sent = send_notification_email.apply_async(
                args=[notification.pk],
                queue=queue,
                connection=connection_to_redis,
                ignore_result=False,
            )
        return celery_app.AsyncResult(sent.id, backend=backend).get(timeout=60)

    assert on_worker() is True
    assert on_worker() is False  # a repeated task finds it sent
    notification = Notification.objects.get(pk=notification.pk)
    assert notification.email_state == EmailState.SENT
    assert notification.emailed_at is not None
