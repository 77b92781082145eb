"""The admin's signature findings: administrators only, a listing linking to each
record, and the resolution with a reason."""

import pytest
from django.urls import reverse

from academy.models import AuditEvent
from passport.findings.services import record_signature_findings
from passport.models import SignatureFinding
from tests.passport.findings.conftest import mismatch

pytestmark = pytest.mark.django_db


@pytest.fixture
def finding(competence):
    record_signature_findings(mismatches=[mismatch(competence)])
    return SignatureFinding.objects.get()


def test_administrators_see_open_findings_linking_to_the_record(
    client, admin, finding, competence
):
    client.force_login(admin)
    page = client.get(reverse("signature_findings:index")).content.decode()
    assert finding.record_description in page
    assert reverse("competences:inspect", args=[competence.pk]) in page
    assert "Open: competences under review" in page
    assert "COR-01 held by" in page

    inspect = client.get(reverse("signature_findings:inspect", args=[finding.pk]))
    assert inspect.status_code == 200
    assert reverse("signature_findings:resolve", args=[finding.pk]) in (
        inspect.content.decode()
    )
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Signed records changed after signing" in home
    assert reverse("signature_findings:index") in home


@pytest.mark.parametrize("role", ["TSET editor", "TSET moderator", "Trainee"])
def test_nobody_else_sees_or_resolves_findings(client, make_user, finding, role):
    person = make_user(role)
    client.force_login(person)
    for url in (
        reverse("signature_findings:index"),
        reverse("signature_findings:inspect", args=[finding.pk]),
        reverse("signature_findings:resolve", args=[finding.pk]),
    ):
        response = client.get(url)
        assert response.status_code in {302, 403}, url
        assert finding.record_description not in response.content.decode()
    response = client.post(
        reverse("signature_findings:resolve", args=[finding.pk]),
        {"reason": "Nothing to see."},
    )
    assert response.status_code in {302, 403}
    finding.refresh_from_db()
    assert finding.is_open
    if role != "Trainee":
        home = client.get(reverse("wagtailadmin_home")).content.decode()
        assert "Signed records changed after signing" not in home


def test_nobody_adds_changes_or_deletes_a_finding_in_the_admin(client, admin, finding):
    client.force_login(admin)
    for url in (
        reverse("signature_findings:add"),
        reverse("signature_findings:edit", args=[finding.pk]),
        reverse("signature_findings:delete", args=[finding.pk]),
    ):
        assert client.get(url).status_code in {302, 403}, url


def test_an_administrator_resolves_a_finding_with_a_reason(
    client, admin, finding, competence
):
    client.force_login(admin)
    url = reverse("signature_findings:resolve", args=[finding.pk])
    form = client.get(url)
    assert form.status_code == 200
    assert 'for="id_reason"' in form.content.decode()

    refused = client.post(url, {"reason": "   "})
    assert refused.status_code == 400
    assert "Give the reason for resolving this finding." in refused.content.decode()
    finding.refresh_from_db()
    assert finding.is_open

    done = client.post(url, {"reason": "Restored from the verified backup."})
    assert done.status_code == 302
    assert done.url == reverse("signature_findings:index")
    finding.refresh_from_db()
    assert finding.resolved_by == admin
    competence.refresh_from_db()
    assert not competence.under_review
    assert AuditEvent.objects.filter(
        action="passport.signature_finding_resolved", actor=admin
    ).exists()
    again = client.post(url, {"reason": "Twice."})
    assert again.status_code == 400
    assert "already been resolved" in again.content.decode()
    listing = client.get(reverse("signature_findings:index"), {"state": "resolved"})
    assert "Resolved by" in listing.content.decode()


def test_an_unknown_finding_is_not_found(client, admin):
    client.force_login(admin)
    assert (
        client.get(reverse("signature_findings:resolve", args=[10**6])).status_code
        == 404
    )
