import pytest
from django.core import mail

from tests.academy.test_celery_worker import (  # noqa: F401 - shared fixture
    celery_worker_on_redis,
)
from tests.assessments.conftest import workplace  # noqa: F401 - shared fixture
from tests.factories.validations import validators  # noqa: F401 - shared fixture
from tests.trainers.conftest import network  # noqa: F401 - shared fixture


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """Run the block as if it committed: the e-mails queued after commit are sent."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            result = action(*args, **kwargs)
        return result

    return run


def outbox_to(person) -> list:
    return [message for message in mail.outbox if message.to == [person.email]]
