"""Signing in through a real OpenID Connect provider started by the test."""

import time
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.urls import reverse

from academy.models import AuditEvent, IdentityLink, User
from tests.academy.identity.conftest import CLIENT_ID, private_pem

PASSWORD = "correct-horse-battery"


def failures() -> list[str]:
    return [
        event.details["reason"]
        for event in AuditEvent.objects.filter(action="academy.identity_sign_in_failed")
    ]


def start(client) -> str:
    """The Academy sends the person to the provider; returns where it sends them."""
    response = client.get(reverse("identity:start"), {"next": "/passport/"})
    assert response.status_code == 302
    return response["Location"]


def assert_refused(response, reason: str, status: int = 400) -> None:
    assert response.status_code == status
    assert "You have not been signed in" in response.content.decode()
    assert failures() == [reason]
    assert "_auth_user_id" not in response.wsgi_request.session
    assert not IdentityLink.objects.exists()


@pytest.fixture
def priya(make_user):
    return make_user("Trainee", email="priya.shah@nhs.example")


def test_first_sign_in_links_the_account_once_its_password_is_confirmed(
    client, provider, priya
):
    provider.set_person("cis2-555", email="Priya.Shah@nhs.example", email_verified=True)
    callback = provider.sign_in(start(client), "cis2-555")

    response = client.get(callback)
    assert response["Location"] == reverse("identity:link")
    assert not IdentityLink.objects.exists()
    page = client.get(reverse("identity:link")).content.decode()
    assert "priya.shah@nhs.example" in page

    wrong = client.post(reverse("identity:link"), {"password": "not-the-password"})
    assert "The password you entered is not correct." in wrong.content.decode()
    assert not IdentityLink.objects.exists()
    assert AuditEvent.objects.filter(action="academy.sign_in_failed").exists()

    response = client.post(reverse("identity:link"), {"password": PASSWORD})
    assert response["Location"] == "/passport/"
    link = IdentityLink.objects.get()
    assert (link.user, link.issuer, link.subject) == (
        priya,
        provider.issuer,
        "cis2-555",
    )
    assert AuditEvent.objects.filter(action="academy.identity_linked").count() == 1
    assert int(client.session["_auth_user_id"]) == priya.pk


def test_later_sign_ins_go_by_the_subject_alone(client, provider, priya, make_user):
    IdentityLink.objects.create(user=priya, issuer=provider.issuer, subject="cis2-555")
    # Another account now has the e-mail address the identity gives: the subject wins.
    make_user(email="someone.else@nhs.example")
    provider.set_person(
        "cis2-555", email="someone.else@nhs.example", email_verified=True
    )

    response = client.get(provider.sign_in(start(client), "cis2-555"))

    assert response["Location"] == "/passport/"
    assert int(client.session["_auth_user_id"]) == priya.pk
    assert AuditEvent.objects.filter(
        action="academy.user_signed_in", actor_id=priya.pk
    ).exists()


def test_the_request_carries_pkce_the_assurance_level_and_max_age(client, provider):
    query = parse_qs(urlsplit(start(client)).query)

    assert query["code_challenge_method"] == ["S256"]
    assert len(query["code_challenge"][0]) >= 43
    assert query["acr_values"] == ["AAL3_ANY"]
    assert query["max_age"] == ["3600"]
    assert query["client_id"] == [CLIENT_ID]
    assert query["nonce"][0]
    assert query["state"][0]


@pytest.mark.parametrize(
    ("claims", "reason"),
    [
        ({"aud": "another-service"}, "aud_mismatch"),
        ({"exp": int(time.time()) - 600}, "id_token_expired"),
        ({"nonce": "a-nonce-from-another-sign-in"}, "nonce_mismatch"),
        ({"iss": "https://impostor.example"}, "iss_mismatch"),
        ({"auth_time": int(time.time()) - 7200}, "auth_time_too_old"),
    ],
)
def test_an_id_token_not_to_be_believed_signs_no_one_in(
    client, provider, priya, claims, reason
):
    provider.set_person(
        "cis2-555", email="priya.shah@nhs.example", email_verified=True, **claims
    )
    IdentityLink.objects.create(user=priya, issuer=provider.issuer, subject="cis2-555")

    response = client.get(provider.sign_in(start(client), "cis2-555"))

    assert response.status_code == 400
    assert failures() == [reason]
    assert "_auth_user_id" not in client.session


def test_a_replayed_state_is_refused(client, provider, priya):
    provider.set_person("cis2-555", email="priya.shah@nhs.example", email_verified=True)
    callback = provider.sign_in(start(client), "cis2-555")
    client.get(callback)
    client.logout()

    assert_refused(client.get(callback), "state_mismatch")


def test_a_sign_in_declined_at_the_provider_signs_no_one_in(client, provider):
    authorization_url = start(client)
    response = requests.post(
        authorization_url, data={"action": "deny"}, allow_redirects=False, timeout=5
    )
    location = urlsplit(response.headers["Location"])
    assert "error" in parse_qs(location.query)

    assert_refused(client.get(f"{location.path}?{location.query}"), "provider_declined")


def test_a_state_that_does_not_match_is_refused(client, provider, priya):
    provider.set_person("cis2-555", email="priya.shah@nhs.example", email_verified=True)
    callback = provider.sign_in(start(client), "cis2-555")

    assert_refused(client.get(callback.replace("state=", "state=x")), "state_mismatch")


def test_the_client_is_refused_without_the_key_the_provider_knows(
    client, provider, priya, settings
):
    provider.set_person("cis2-555", email="priya.shah@nhs.example", email_verified=True)
    callback = provider.sign_in(start(client), "cis2-555")
    settings.NHS_IDENTITY_PRIVATE_KEY = private_pem()

    assert_refused(client.get(callback), "code_refused")


def test_no_account_is_made_for_an_identity_without_one(client, provider):
    provider.set_person("cis2-777", email="new.person@nhs.example", email_verified=True)
    users = User.objects.count()

    response = client.get(provider.sign_in(start(client), "cis2-777"))

    assert_refused(response, "no_account", status=403)
    assert "An account is never made for you" in response.content.decode()
    assert User.objects.count() == users


def test_an_unverified_e_mail_address_links_nothing(client, provider, priya):
    provider.set_person(
        "cis2-555", email="priya.shah@nhs.example", email_verified=False
    )

    response = client.get(provider.sign_in(start(client), "cis2-555"))

    assert_refused(response, "no_account", status=403)


def test_a_provider_that_is_down_gives_a_clear_page(client, provider, settings):
    settings.NHS_IDENTITY_ISSUER = "http://127.0.0.1:9"

    response = client.get(reverse("identity:start"))

    assert response.status_code == 503
    assert "not available at the moment" in response.content.decode()
    assert failures() == ["provider_unreachable"]


def test_a_provider_that_goes_down_during_sign_in_gives_a_clear_page(
    client, provider, priya, settings
):
    provider.set_person("cis2-555", email="priya.shah@nhs.example", email_verified=True)
    callback = provider.sign_in(start(client), "cis2-555")
    settings.NHS_IDENTITY_ISSUER = "http://127.0.0.1:9"

    assert_refused(client.get(callback), "provider_unreachable", status=503)


def test_sign_in_page_offers_the_provider_only_when_configured(client, provider):
    assert (
        "Sign in with NHS identity" in client.get(reverse("sign_in")).content.decode()
    )


@pytest.mark.parametrize(
    "name", ["identity:start", "identity:callback", "identity:link"]
)
def test_the_feature_is_off_when_unconfigured(client, db, settings, name):
    settings.NHS_IDENTITY_ISSUER = ""

    assert client.get(reverse(name)).status_code == 404
    page = client.get(reverse("sign_in")).content.decode()
    assert "NHS identity" not in page
    assert 'name="username"' in page


def test_the_link_page_is_not_found_without_a_sign_in_to_link(client, provider):
    assert client.get(reverse("identity:link")).status_code == 404
