import datetime
import importlib

import pytest
from django.apps import apps
from django.core.cache import cache

from passport.certificates import codes
from passport.competences.services import award_competence
from passport.models import Certificate
from tests.factories.academy import CompetencyFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", ["a/b", "/", "a\x00b", "<script>", "x" * 65])
def test_a_code_no_certificate_could_have_is_an_nhs_404_page(client, code):
    """Signed out, the check form answers any code as "not found", never a 500."""
    response = client.get("/verify/", {"code": code})
    assert response.status_code == 404
    assert response.content == client.get("/verify/AAAAAAAAAAAAAAAAAAAAAA/").content
    assert b"nhsuk-" in response.content


def test_a_nul_in_the_code_page_address_is_not_found(client):
    """PostgreSQL refuses NUL in a query string; the page never asks it."""
    assert client.get("/verify/a%00b/").status_code == 404


def _issue(holder=None):
    return award_competence(
        holder=holder or UserFactory(full_name="Priya Shah"),
        competency=CompetencyFactory(),
        achieved_on=datetime.date(2026, 1, 31),
        evidence={},
        awarded_by=None,
    ).certificate


@pytest.fixture(autouse=True)
def _fresh_rate_limit(settings, tmp_path):
    settings.PRIVATE_STORAGE_ROOT = tmp_path / "private"
    cache.clear()


def _typings(printed: str) -> list[str]:
    compact = printed.replace("-", "")
    return [
        printed,
        compact,
        printed.lower(),
        compact.lower(),
        printed.replace("-", " "),
        f"  {printed.lower().replace('-', ' - ')}  ",
        " ".join(compact),
    ]


def test_the_printed_code_verifies_however_it_is_typed(client):
    certificate = _issue()
    for typed in _typings(certificate.printed_code):
        response = client.get("/verify/", {"code": typed}, follow=True)
        assert response.status_code == 200, typed
        assert response.redirect_chain == [
            (f"/verify/{certificate.printed_code}/", 302)
        ]
        assert "Priya Shah" in response.content.decode()


def test_the_code_page_reads_the_code_however_it_is_written_in_the_address(client):
    certificate = _issue()
    for typed in (certificate.verification_code, certificate.printed_code.lower()):
        response = client.get(f"/verify/{typed}/")
        assert response.status_code == 200
        assert b"Priya Shah" in response.content


def test_a_code_with_a_wrong_character_is_not_found(client):
    certificate = _issue()
    code = certificate.verification_code
    wrong = code[:-1] + ("2" if code[-1] != "2" else "3")
    response = client.get("/verify/", {"code": wrong}, follow=True)
    assert response.status_code == 404
    assert b"Certificate not found" in response.content


def test_the_verification_page_labels_the_certificate_number(client):
    certificate = _issue()
    page = client.get(f"/verify/{certificate.printed_code}/").content.decode()
    assert (
        '<dt class="nhsuk-summary-list__key">Certificate number</dt>'
        f'<dd class="nhsuk-summary-list__value">{certificate.number}</dd>'
    ) in page


@pytest.mark.parametrize("typing", [str, str.lower, lambda n: n.replace("-", " ")])
def test_a_certificate_number_typed_says_where_the_code_is_and_reveals_nothing(
    client, django_assert_num_queries, typing
):
    """The check looks nothing up for a number: an issued number and one never issued
    get the same page, with no holder, competence or status."""
    certificate = _issue()
    competency = certificate.event.competence.competency
    issued = typing(certificate.number)
    never = typing("TSA-2026-999999")
    client.get("/verify/")  # the header's cached links
    with django_assert_num_queries(0):
        response = client.get("/verify/", {"code": issued})
    assert response.status_code == 200
    page = response.content.decode()
    assert "You entered the certificate number" in page
    assert "printed in bold" in page
    assert 'href="#code"' in page  # the error summary links to the field
    for private in ("Priya Shah", competency.code, competency.title, "Valid"):
        assert private not in page
    assert client.get("/verify/", {"code": never}).content == response.content


def test_a_certificate_number_in_the_address_gets_the_same_hint(client):
    certificate = _issue()
    issued = client.get(f"/verify/{certificate.number}/")
    never = client.get("/verify/TSA-2026-999999/")
    assert issued.status_code == never.status_code == 404
    assert issued.content == never.content
    assert b"You entered the certificate number" in issued.content
    assert b"Priya Shah" not in issued.content


def test_a_certificate_issued_before_readable_codes_keeps_verifying(client):
    """Its old code, printed in its address and QR code, still verifies exactly as
    printed; it also has a readable code, which verifies too."""
    certificate = _issue()
    Certificate.objects.filter(pk=certificate.pk).update(
        verification_code="3fZk9Qx_Lm2bW-7pRabcde",
        legacy_verification_code=None,
    )
    migration = importlib.import_module(
        "passport.migrations.0011_certificates_readable_verification_codes"
    )
    migration.give_readable_codes(apps, None)
    migration.give_readable_codes(apps, None)  # a second run changes nothing
    certificate.refresh_from_db()

    assert certificate.legacy_verification_code == "3fZk9Qx_Lm2bW-7pRabcde"
    assert codes.readable(certificate.verification_code)
    for url in (
        "/verify/3fZk9Qx_Lm2bW-7pRabcde/",
        f"/verify/{certificate.printed_code}/",
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert b"Priya Shah" in response.content
    typed = client.get("/verify/", {"code": "3fZk9Qx_Lm2bW-7pRabcde"}, follow=True)
    assert b"Priya Shah" in typed.content
    # The old code names the certificate only as printed: case matters in it.
    assert client.get("/verify/3FZK9QX_LM2BW-7PRABCDE/").status_code == 404

    migration.restore_legacy_codes(apps, None)
    certificate.refresh_from_db()
    assert certificate.verification_code == "3fZk9Qx_Lm2bW-7pRabcde"
    assert certificate.legacy_verification_code is None


@pytest.mark.parametrize("signed_in", [False, True])
def test_every_visitor_finds_the_certificate_check_in_the_footer(
    client, site_root, signed_in
):
    """An employer or inspector has no account: the footer of every page links to
    the check, for them and for anyone signed in."""
    if signed_in:
        client.force_login(UserFactory())

    for address in ("/", "/accessibility/"):
        html = client.get(address).content.decode()
        footer = html[html.index('<footer class="nhsuk-footer"') :]
        assert 'href="/verify/">Check a certificate</a>' in footer, address
