import re

import pypdfium2
import pytest

from passport.models import Certificate
from tests.e2e.conftest import ARTIFACTS

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SHOTS = ARTIFACTS


def test_trainee_downloads_a_certificate_anyone_verifies_it_and_a_revocation_shows(
    private_storage,
    page,
    demo_server,
    sign_in,
    assert_accessible,
    settings,
    follow_header_link,
):
    SHOTS.mkdir(exist_ok=True)
    sign_in("trainee@academy.example")
    follow_header_link("My passport")
    assert page.get_by_role("heading", name="My skills passport").is_visible()
    assert_accessible("passport")

    certificate = Certificate.objects.filter(
        event__competence__holder__email="trainee@academy.example",
        event__competence__competency__code="ASP-01",
    ).get()
    assert certificate.is_rendered
    with page.expect_download() as download:
        page.get_by_role(
            "link", name=f"Download certificate {certificate.number} for ASP-01 (PDF)"
        ).click()
    pdf = SHOTS / f"{certificate.number}.pdf"
    download.value.save_as(pdf)
    document = pypdfium2.PdfDocument(str(pdf))
    assert len(document) == 1
    document[0].render(scale=1.5).to_pil().save(SHOTS / "certificate.png")
    printed = document[0].get_textpage().get_text_range().splitlines()
    document.close()
    # The code printed in bold under the QR code, on the line after its label.
    code = printed[printed.index("Verification code") + 1]
    assert re.fullmatch(
        r"[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}", code
    )
    assert f"Certificate number {certificate.number}" in printed

    # Signed out, an employer types the printed code as they read it: lower case,
    # spaces for hyphens. It verifies.
    page.context.clear_cookies()
    address = printed[printed.index("Scan the QR code, or enter the code at") + 1]
    assert address.endswith("/verify/")
    page.goto(f"{demo_server.url}/verify/")  # the address printed, on this server
    assert_accessible("verify-form")
    page.get_by_label("Verification code").fill(code.lower().replace("-", " "))
    page.get_by_role("button", name="Check certificate").click()
    assert page.locator(".nhsuk-tag").inner_text() == "Valid"
    assert page.get_by_text("Priya Shah").is_visible()
    assert page.get_by_text(certificate.number).is_visible()
    assert_accessible("verification-valid")
    verify_url = page.url
    assert verify_url == f"{demo_server.url}/verify/{code}/"

    # The certificate number, typed instead, says where the code is: nothing more.
    page.get_by_role("link", name="Check another certificate").click()
    page.get_by_label("Verification code").fill(certificate.number)
    with page.expect_navigation():
        page.get_by_role("button", name="Check certificate").click()
    assert page.title().startswith("Error:")
    assert page.get_by_text("You entered the certificate number").first.is_visible()
    assert not page.get_by_text("Priya Shah").count()
    assert_accessible("verify-certificate-number")

    page.get_by_label("Verification code").fill("not-a-real-code")
    page.get_by_role("button", name="Check certificate").click()
    assert page.get_by_role("heading", name="Certificate not found").is_visible()
    assert_accessible("verify-not-found")

    sign_in("moderator@academy.example")
    competence = certificate.event.competence
    page.goto(f"{demo_server.url}/admin/competences/inspect/{competence.pk}/")
    page.goto(f"{demo_server.url}/admin/competences/withdraw/{competence.pk}/revoke/")
    page.get_by_label("Reason").fill("Certificate issued in error")
    page.get_by_label("Your password").fill("academy-demo")
    page.get_by_role("button", name="Revoke and sign").click()
    page.wait_for_url(f"**/admin/competences/inspect/{competence.pk}/")

    page.context.clear_cookies()
    page.goto(verify_url)
    assert page.locator(".nhsuk-tag").inner_text() == "Revoked"
    page.screenshot(path=str(SHOTS / "verification-revoked.png"), full_page=True)

    settings.VERIFY_RATE_LIMIT = "0/m"
    page.goto(verify_url)
    assert page.get_by_role("heading", name="Too many requests").is_visible()
    assert_accessible("verify-too-many-requests")
