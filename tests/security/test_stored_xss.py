"""Stored XSS: a script payload in every text field that trainees, trainers, leads and
editors fill is shown as text on every page, to every role, and in the PDFs.

The demo world is poisoned once per module (tests/security/stored_xss.py); every page
route of the battery's route table is then fetched by every role, with the pages that
only exist in the poisoned state. A page passes when it holds no markup that would run
script: no inline script, no event handler attribute, no javascript: URL, no injected
image. Each payload carries a label, and every label must show up somewhere, so a
field that no page shows is noticed rather than passed.
"""

import re

import pypdfium2
import pytest
from django.conf import settings
from django.urls import reverse

from passport import pdf as passport_pdf
from passport.certificates.services import CERTIFICATE_TEMPLATE, certificate_context
from passport.models import Certificate
from tests.security.conftest import ROLES
from tests.security.routes import URLS, page_routes
from tests.security.stored_xss import (
    IMAGE,
    JAVASCRIPT_URL,
    SCRIPT,
    editor_rich_text,
    poison_the_demo,
    unsafe_markup,
)

pytestmark = pytest.mark.django_db

# Fields no page of the site shows: "admin" ones must show up in the Wagtail admin.
NOT_ON_SITE_PAGES = {
    "AuditFinding.summary": "admin: the audit finding register",
    "TrainingImpactingChange.summary": "admin: training-impacting changes",
    "Competency.description": "admin: the competency snippet",
    "Competency.revalidation_note": "admin: the competency snippet",
    "Question.topic": "admin: the question bank and item analysis",
    "TemplateCriterion.text": "admin: the checklist (trainees see AssessedCriterion)",
    "TemplateCriterion.guidance": "admin: the checklist (trainees see AssessedCriterion)",
    "WorkplaceAssessmentTemplate.introduction": "admin: the checklist",
    "ProcessValidation.notes": "admin: the process validation record",
    "SpecialistArea.description": "admin: the specialist area snippet",
    "User.registration_number": "admin: the user's account",
    "Accreditation.reason": "shown nowhere: kept for the audit trail",
    "RecognisedCompetence.credential_id": "shown nowhere: refuses a second recognition",
}


@pytest.fixture(scope="module")
def poisoned(world, django_db_blocker):
    with django_db_blocker.unblock():
        return poison_the_demo(world.people)


def _html_pages(world, poisoned) -> list[tuple[str, str]]:
    pages = [(name, URLS[name](world)) for name in page_routes()]
    return pages + sorted(poisoned.pages.items())


def _check(response, where: str, problems: list[str]) -> str:
    if "text/html" not in response.headers.get("Content-Type", ""):
        return ""
    html = response.content.decode()
    for markup in unsafe_markup(html):
        problems.append(f"{where}: {markup}")
    return html


def test_every_page_shows_every_stored_payload_as_text(world, poisoned):
    payloads = poisoned.payloads
    shown, problems, fetched = set(), [], 0
    clients = {role: world.client_for(role) for role in ROLES}
    for name, url in _html_pages(world, poisoned):
        for role, client in clients.items():
            response = client.get(url)
            html = _check(response, f"{name} {url} as {role}", problems)
            shown |= payloads.labels_in(html)
            fetched += bool(html)
    assert not problems, "\n".join(problems)
    assert fetched > 400
    missing = {
        payloads.fields[label]
        for label in set(payloads.fields) - shown
        if payloads.fields[label] not in NOT_ON_SITE_PAGES
    }
    assert not missing, f"No page showed these fields: {sorted(missing)}"


def test_payloads_are_escaped_not_dropped(world, poisoned):
    """The reflection reads back exactly as typed, escaped once."""
    client = world.client_for("trainee")
    url = poisoned.pages["assessments:workplace_assessment@signed"]
    html = client.get(url).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&amp;lt;" not in html  # never escaped twice


def test_admin_pages_show_stored_payloads_as_text(world, poisoned):
    client = world.client_for("admin")
    shown, problems, read = set(), [], 0
    for url in poisoned.admin_pages:
        response = client.get(url)
        if response.status_code == 302:  # the edit view of a record nobody edits
            assert response.url.startswith("/admin/"), url
            continue
        assert response.status_code == 200, url
        read += 1
        html = _check(response, f"admin {url}", problems)
        shown |= poisoned.payloads.labels_in(html)
    assert not problems, "\n".join(problems)
    assert read >= 25
    admin_only = {
        where
        for label, where in poisoned.payloads.fields.items()
        if NOT_ON_SITE_PAGES.get(where, "").startswith("admin") and label not in shown
    }
    assert not admin_only, f"No admin page showed {sorted(admin_only)}"


def test_rich_text_from_the_editor_keeps_no_script_or_javascript_link():
    stored = editor_rich_text(f"{SCRIPT} {IMAGE}", link=JAVASCRIPT_URL)
    assert unsafe_markup(stored) == []
    assert "&lt;script&gt;" in stored
    assert "javascript:" not in stored


# -- PDFs ----------------------------------------------------------------------------


def _pdf_text(content: bytes) -> str:
    document = pypdfium2.PdfDocument(content)
    try:
        return "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def fetched_urls(monkeypatch):
    """Every URL WeasyPrint asks for while the test renders PDFs."""
    asked = []
    fetch = passport_pdf.StaticOnlyURLFetcher.fetch

    def recording(self, url, headers=None):
        asked.append(url)
        return fetch(self, url, headers)

    monkeypatch.setattr(passport_pdf.StaticOnlyURLFetcher, "fetch", recording)
    return asked


def _only_static_and_data(urls: list[str]) -> list[str]:
    static = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + settings.STATIC_URL
    return [url for url in urls if not url.startswith(("data:", static))]


def test_certificate_pdf_prints_payloads_as_text(world, poisoned, fetched_urls):
    priya = world.people["trainee"]
    certificate = Certificate.objects.filter(event__competence__holder=priya).first()
    content = passport_pdf.render_pdf(
        CERTIFICATE_TEMPLATE, certificate_context(certificate)
    )
    text = _squeezed(_pdf_text(content))
    for where in (
        "Certificate.holder_name",
        "Competency.title",
        "Certificate.organisation_name",
    ):
        label = _label(poisoned, where)
        assert _squeezed(poisoned.payloads.values[label]) in text, where
    assert fetched_urls, "the certificate's stylesheet was not loaded"
    assert _only_static_and_data(fetched_urls) == []


def test_passport_pdf_prints_payloads_as_text(world, poisoned, fetched_urls):
    response = world.client_for("trainee").get(reverse("passport:download"))
    assert response["Content-Type"] == "application/pdf"
    text = _squeezed(_pdf_text(response.content))
    for where in ("User.full_name", "Competency.title"):
        label = _label(poisoned, where)
        assert _squeezed(poisoned.payloads.values[label]) in text, where
    assert SCRIPT.replace(" ", "") in text
    assert _only_static_and_data(fetched_urls) == []


def _label(poisoned, where: str) -> str:
    return next(
        label for label, known in poisoned.payloads.fields.items() if known == where
    )


def test_a_forged_credential_is_shown_as_text(world):
    """A lead checks a credential a trainee hands them: its claims are the sender's."""
    import base64
    import json

    def part(value: dict) -> str:
        raw = json.dumps(value).encode()
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

    achievement = {"name": SCRIPT, "alignment": [{"targetCode": IMAGE}]}
    forged = ".".join(
        [
            part({"alg": "EdDSA", "kid": SCRIPT, "typ": "vc+jwt"}),
            part(
                {
                    "iss": JAVASCRIPT_URL,
                    "issuer": {"id": JAVASCRIPT_URL, "name": SCRIPT},
                    "credentialSubject": {"achievement": achievement},
                }
            ),
            "c2lnbmF0dXJl",
        ]
    )
    response = world.client_for("lead").post(
        reverse("passport:check_credential"), {"credential": forged}
    )
    html = response.content.decode()
    assert response.status_code in (200, 400)
    assert "cannot be accepted" in html or "There is a problem" in html
    assert unsafe_markup(html) == []
