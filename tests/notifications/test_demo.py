"""The demo leaves the demo trainee and trainer notifications to read."""

import io

import pytest
from django.core.management import call_command

from notifications.kinds import Kind
from notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_the_demo_trainee_and_trainer_have_read_and_unread_notifications(
    demo_data, settings
):
    for email in ("trainee@academy.example", "trainer@academy.example"):
        mine = Notification.objects.filter(recipient__email=email)
        assert mine.filter(read_at=None).count() == 3
        assert mine.exclude(read_at=None).exists()
    assert Notification.objects.filter(
        recipient__email="trainer@academy.example", kind=Kind.SIGN_OFF_REQUESTED
    ).exists()
    assert Notification.objects.filter(
        recipient__email="trainee@academy.example", kind=Kind.COMPETENCE_AWARDED
    ).exists()

    count = Notification.objects.count()
    settings.DEBUG = True
    call_command("load_demo", verbosity=0, stdout=io.StringIO())
    assert Notification.objects.count() == count
