import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from academy.models import AuditEvent
from passport.competences.services import award_competence
from passport.models import Certificate, CompetenceEvent, CompetenceStatus
from tests.conftest import PASSWORD
from tests.factories.academy import CompetencyFactory, UserFactory
from tests.factories.passport import TrainingPlanItemFactory
from trainers.permissions import grant_organisation_management

pytestmark = pytest.mark.django_db

ON = datetime.date(2026, 1, 31)


def award(holder, competency=None, **kwargs):
    return award_competence(
        holder=holder,
        competency=competency or CompetencyFactory(),
        achieved_on=kwargs.pop("achieved_on", ON),
        evidence={"knowledge": {"attempt_id": 5, "module_revision_ids": [2]}},
        awarded_by=None,
    ).certificate


def test_passport_lists_competences_evidence_and_certificates_in_bounded_queries(
    client, django_assert_max_num_queries
):
    holder = UserFactory()
    client.force_login(holder)
    award(holder)
    TrainingPlanItemFactory(plan__trainee=holder)
    url = reverse("passport:passport")
    client.get(url)
    with django_assert_max_num_queries(12) as few:
        response = client.get(url)
    for _ in range(6):
        competency = CompetencyFactory()
        award(holder, competency)
        award(holder, competency, achieved_on=datetime.date(2026, 3, 1))
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    # The attempt named is not in the database: the sentence still reads, without it.
    assert "<li>Knowledge assessment passed</li>" in page
    assert "attempt 5" not in page
    assert "revision 2" not in page
    assert page.count("Download certificate TSA-") == 13
    assert page.count("Verification code <strong>") == 13
    assert "(superseded)" in page


def test_only_the_holder_and_record_viewers_download_a_certificate(client):
    holder = UserFactory()
    certificate = award(holder)
    url = reverse("passport:download_certificate", args=[certificate.number])

    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    assert (
        client.get(url.replace(certificate.number, "TSA-0000-999999")).status_code
        == 404
    )

    lead = UserFactory(organisation=holder.organisation)
    grant_organisation_management(user=lead, organisation=holder.organisation)
    client.force_login(lead)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    audit = AuditEvent.objects.get(action="passport.certificate_downloaded")
    assert audit.actor_id == lead.pk


def test_signed_out_people_are_sent_to_sign_in(client):
    certificate = award(UserFactory())
    url = reverse("passport:download_certificate", args=[certificate.number])
    assert client.get(url).status_code == 302
    assert client.get(reverse("passport:passport")).status_code == 302


def test_whole_passport_downloads_as_one_pdf(client):
    holder = UserFactory()
    award(holder)
    client.force_login(holder)
    response = client.get(reverse("passport:download"))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_verification_shows_status_and_nothing_else(client):
    holder = UserFactory(full_name="Priya Shah", email="priya@private.example")
    first = award(holder)
    response = client.get(reverse("verify_certificate", args=[first.verification_code]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Priya Shah" in page
    assert "Valid" in page
    competency = first.event.competence.competency
    assert f"{competency.code} {competency.title} ({competency.area.name})" in page
    assert (
        'Achieved on</dt><dd class="nhsuk-summary-list__value">31 January 2026' in page
    )
    issued_on = timezone.localdate(first.issued_at)
    assert f"{issued_on.day} {issued_on:%B %Y}" in page
    assert "priya@private.example" not in page
    assert "attempt" not in page

    competence = first.event.competence
    award(holder, competence.competency, achieved_on=datetime.date(2026, 3, 1))
    page = client.get(
        reverse("verify_certificate", args=[first.verification_code])
    ).content.decode()
    assert "Superseded by a later certificate" in page

    competence.status = CompetenceStatus.REVOKED
    competence.save()
    page = client.get(
        reverse("verify_certificate", args=[first.verification_code])
    ).content.decode()
    assert "Revoked" in page


def test_verification_runs_one_query(client, django_assert_num_queries):
    certificate = award(UserFactory())
    url = reverse("verify_certificate", args=[certificate.verification_code])
    client.get(url)  # the header's catalogue link is then in this process's cache
    with django_assert_num_queries(1):
        assert client.get(url).status_code == 200


def test_unknown_and_malformed_codes_get_the_same_404(client):
    unknown = client.get("/verify/AAAAAAAAAAAAAAAAAAAAAA/")
    malformed = client.get("/verify/%3Cscript%3E!!/")
    assert unknown.status_code == malformed.status_code == 404
    assert unknown.content == malformed.content


def test_verification_is_rate_limited_per_address(client, settings):
    settings.VERIFY_RATE_LIMIT = "3/m"
    for _ in range(3):
        assert client.get("/verify/nothing-here/").status_code == 404
    response = client.get("/verify/nothing-here/")
    assert response.status_code == 429
    assert b"Too many requests" in response.content


def test_the_verify_form_redirects_to_the_code_page(client):
    assert client.get("/verify/").status_code == 200
    response = client.get("/verify/", {"code": " abc "})
    assert response.url == "/verify/abc/"
    assert b"Enter the certificate" in client.get("/verify/", {"code": ""}).content


def test_every_award_has_exactly_one_certificate():
    holder = UserFactory()
    award(holder)
    assert Certificate.objects.count() == CompetenceEvent.objects.count() == 1


def test_moderator_revokes_in_the_admin_with_reason_and_password(client, make_user):
    certificate = award(UserFactory())
    competence = certificate.event.competence
    moderator = make_user("TSET moderator")
    client.force_login(make_user("TSET editor"))
    assert client.get(reverse("competences:index")).status_code in (302, 403)
    client.force_login(moderator)
    assert client.get(reverse("competences:index")).status_code == 200
    assert client.get(reverse("certificates:index")).status_code == 200
    assert (
        client.get(reverse("competences:inspect", args=[competence.pk])).status_code
        == 200
    )
    url = reverse("competences:withdraw", args=[competence.pk, "revoke"])

    wrong = client.post(url, {"reason": "Fraud", "password": "wrong"})
    assert wrong.status_code == 200
    assert AuditEvent.objects.filter(action="academy.signature_rejected").count() == 1
    no_reason = client.post(url, {"reason": " ", "password": PASSWORD})
    assert no_reason.status_code == 200

    response = client.post(
        url, {"reason": "Evidence was falsified", "password": PASSWORD}
    )
    assert response.status_code == 302
    competence.refresh_from_db()
    assert competence.status == CompetenceStatus.REVOKED
    page = client.get(
        reverse("verify_certificate", args=[certificate.verification_code])
    )
    assert b"Revoked" in page.content
