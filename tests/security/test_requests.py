"""Request-level defences: security headers and CSP, CSRF, and redirects after sign-in."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories.academy import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


def test_pages_carry_the_security_headers(client):
    response = client.get(reverse("sign_in"))
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in policy
    assert "object-src 'none'" in policy
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"


def test_no_page_template_has_an_inline_script():
    """Inline scripts would be blocked by the policy; all JavaScript is in files."""
    from pathlib import Path

    templates = Path(__file__).resolve().parents[2] / "templates"
    offenders = [
        str(path.relative_to(templates))
        for path in templates.rglob("*.html")
        if not path.is_relative_to(templates / "wagtailadmin")
        for line in path.read_text().splitlines()
        if "<script" in line and "src=" not in line
    ]
    assert offenders == []


def test_posts_without_a_csrf_token_are_refused():
    user = UserFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    for url in (
        reverse("sign_out"),
        reverse("trainers:directory_profile"),
        reverse("password_reset"),
    ):
        response = client.post(url, {"email": user.email})
        assert response.status_code == 403, url


def test_sign_in_without_a_csrf_token_is_refused():
    user = UserFactory()
    response = Client(enforce_csrf_checks=True).post(
        reverse("sign_in"), {"username": user.email, "password": PASSWORD}
    )
    assert response.status_code == 403
    assert "_auth_user_id" not in Client().session


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "https:evil.example",
        "\\\\evil.example",
        "javascript:alert(1)",
        " https://evil.example",
    ],
)
def test_sign_in_never_redirects_off_site(client, next_url):
    user = UserFactory()
    response = client.post(
        f"{reverse('sign_in')}?next={next_url}",
        {"username": user.email, "password": PASSWORD, "next": next_url},
    )
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location.startswith("/")
    assert not location.startswith(("//", "/\\"))
    assert "evil.example" not in location


def test_sign_in_keeps_a_local_next_page(client):
    user = UserFactory()
    response = client.post(
        f"{reverse('sign_in')}?next=/learning/",
        {"username": user.email, "password": PASSWORD, "next": "/learning/"},
    )
    assert response.headers["Location"] == "/learning/"
