"""The credentials journey: the demo trainee downloads a competence's credential;
after she joins Southvale, its training lead checks the credential and recognises it.
A tampered copy is refused with its reason."""

import base64
import json
from pathlib import Path

import pytest

from academy.models import Organisation, User

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_lead_of_another_organisation_recognises_the_trainees_credential(
    page, demo_server, sign_in, assert_accessible, follow_header_link
):
    sign_in("trainee@academy.example")
    follow_header_link("My passport")
    page.get_by_role("link", name="Digital certificate you can share").click()
    assert page.get_by_role(
        "heading", name="Digital certificate you can share", level=1
    ).is_visible()
    assert_accessible("credentials-mine")
    page.get_by_text("Technical details for IT and HR systems").click()
    assert page.get_by_text("Open Badges 3.0").is_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download digital certificate for COR-01").click()
    token = Path(download.value.path()).read_text()
    assert token.startswith("eyJ")

    User.objects.filter(email="trainee@academy.example").update(
        organisation=Organisation.objects.get(ods_code="RYQ")
    )
    page.context.clear_cookies()
    sign_in("lead2@academy.example")
    follow_header_link("Recognise competence")
    assert page.get_by_role("heading", level=1).inner_text() == "Check a credential"
    assert_accessible("credentials-check")

    with page.expect_navigation():
        page.get_by_role("button", name="Check credential").click()
    assert page.title().startswith("Error:")
    assert page.locator(".nhsuk-error-summary").is_visible()
    assert_accessible("credentials-check-error")

    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims["validUntil"] = "2099-12-31T23:59:59Z"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode()
    page.get_by_label("Paste the credential").fill(
        f"{header}.{forged.rstrip('=')}.{signature}"
    )
    page.get_by_role("button", name="Check credential").click()
    assert page.get_by_role("heading", level=1).inner_text() == (
        "This credential cannot be accepted"
    )
    assert page.get_by_text("The signature does not match").is_visible()
    assert_accessible("credentials-refused")

    page.get_by_role("link", name="Check another credential").click()
    page.get_by_label("Paste the credential").fill(token)
    page.get_by_role("button", name="Check credential").click()
    assert page.get_by_role("heading", level=1).inner_text() == (
        "This credential is valid"
    )
    assert page.get_by_label("Priya Shah (trainee@academy.example)").is_checked()
    assert_accessible("credentials-valid")

    page.get_by_role("button", name="Recognise competence").click()
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Recognised competences"
    )
    assert page.get_by_text("COR-01 recognised for Priya Shah").is_visible()
    row = page.get_by_role("row", name="Priya Shah")
    assert "Recognised from Technical Services Skills Academy" in row.inner_text()
    assert_accessible("credentials-recognised")
