"""Administrators issue API tokens that are shown once and stored only as hashes."""

import datetime
import hashlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from academy.models import AuditEvent
from passport.models import ApiToken

pytestmark = pytest.mark.django_db

migration = __import__(
    "passport.migrations.0008_api_tokens_hashed",
    fromlist=["carry_over_plain_text_keys"],
)


def reads_api(token: str) -> int:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return api.get(reverse("api:my_competences")).status_code


@pytest.fixture
def admin_client(client, make_user):
    client.force_login(make_user(is_superuser=True, is_staff=True))
    return client


def in_days(days: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


def test_a_token_is_shown_once_and_only_its_hash_is_kept(admin_client, network):
    response = admin_client.post(
        "/admin/api_tokens/new/",
        {"user": network.trainer.pk, "expires_on": in_days(90)},
    )

    assert response.status_code == 200
    token = response.context["issued"].token
    assert token in response.text
    assert "It will not be shown again" in response.text
    record = ApiToken.objects.get(user=network.trainer)
    assert record.digest == hashlib.sha512(token.encode()).hexdigest()
    assert token not in {record.digest, record.token_key}
    assert reads_api(token) == 200
    assert token not in admin_client.get("/admin/api_tokens/").text
    inspect = admin_client.get(f"/admin/api_tokens/inspect/{record.pk}/")
    assert inspect.status_code == 200
    assert token not in inspect.text
    assert record.token_key in inspect.text  # how the administrator tells them apart
    issued = AuditEvent.objects.get(action="passport.api_token_issued")
    assert issued.details["token_starts"] == token[:8]


def test_a_token_stops_working_after_its_date(admin_client, network):
    admin_client.post(
        "/admin/api_tokens/new/", {"user": network.trainer.pk, "expires_on": in_days(1)}
    )
    record = ApiToken.objects.get(user=network.trainer)
    assert timezone.localtime(record.expiry).date() == timezone.localdate() + (
        datetime.timedelta(days=2)
    )
    _, token = ApiToken.objects.create(
        user=network.trainer, expiry=datetime.timedelta(seconds=-1)
    )
    assert reads_api(token) == 401


@pytest.mark.parametrize(
    ("expires_on", "message"),
    [
        ("", "This field is required"),
        ("yesterday", "Enter a valid date"),
        (in_days(0), "must be in the future"),
        (in_days(400), "The token can work for up to 12 months"),
    ],
)
def test_bad_dates_are_explained_and_issue_nothing(
    admin_client, network, expires_on, message
):
    response = admin_client.post(
        "/admin/api_tokens/new/", {"user": network.trainer.pk, "expires_on": expires_on}
    )
    assert response.status_code == 200
    assert message in response.text
    assert not ApiToken.objects.exists()


def test_withdrawing_a_token_stops_it_at_once_and_is_audited(admin_client, network):
    _, token = ApiToken.objects.create(
        user=network.trainer, expiry=datetime.timedelta(days=30)
    )
    record = ApiToken.objects.get()
    assert admin_client.get(f"/admin/api_tokens/edit/{record.pk}/").status_code in {
        302,
        403,
        404,
    }

    response = admin_client.post(f"/admin/api_tokens/delete/{record.pk}/")

    assert response.status_code == 302
    assert not ApiToken.objects.exists()
    assert reads_api(token) == 401
    assert AuditEvent.objects.filter(action="passport.api_token_withdrawn").count() == 1


def test_others_cannot_manage_api_tokens(client, make_user):
    client.force_login(make_user("Editor", is_staff=True))

    assert client.get("/admin/api_tokens/").status_code in {302, 403}
    assert client.get("/admin/api_tokens/new/").status_code in {302, 403}


def test_keys_issued_before_hashing_keep_working(network):
    key = "9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b"
    issued = timezone.now() - datetime.timedelta(days=40)
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE authtoken_token "
            "(key varchar(40) PRIMARY KEY, user_id integer, created timestamp)"
        )
        cursor.execute(
            "INSERT INTO authtoken_token VALUES (%s, %s, %s)",
            [key, network.trainer.pk, issued],
        )
    editor = SimpleNamespace(
        connection=connection, execute=lambda sql: connection.cursor().execute(sql)
    )

    migration.carry_over_plain_text_keys(apps, editor)

    assert "authtoken_token" not in connection.introspection.table_names()
    record = ApiToken.objects.get()
    assert record.user == network.trainer
    assert key not in {record.digest, record.token_key}
    assert abs(record.created - issued) < datetime.timedelta(seconds=1)
    assert reads_api(key) == 200
