"""One competence, every surface: the passport page and PDF, the verification page, the
credentials page and the credential itself, a shared passport, the matrix and its
export, and the API all show the same status in the same words."""

import base64
import datetime
import io
import json
import re

import pypdfium2
import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from passport.competences.services import award_competence
from passport.models import ApiToken, Competence
from tests.factories.academy import CompetencyFactory, UserFactory
from trainers.permissions import grant_organisation_management

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate
TAG = re.compile(r'nhsuk-tag nhsuk-tag--([\w-]+)">([^<]+)<')
WORDS = {"Valid", "Expiring soon", "Expired", "Suspended", "Revoked", "Under review"}

# (status stored, days from today to the last valid day, under review) -> (words,
# tag colour)
CASES = [
    # Stored as current by the award, its last day passed before any scan ran: the
    # demo's Tom Okafor and COR-01.
    pytest.param(
        "current", -35, False, "Expired", "grey", id="expired-before-the-scan"
    ),
    pytest.param("current", 30, False, "Expiring soon", "yellow", id="expiring"),
    pytest.param("current", 400, False, "Valid", "green", id="valid"),
    pytest.param("expiring", 400, False, "Valid", "green", id="renewed-after-warning"),
    pytest.param("suspended", 400, False, "Suspended", "orange", id="suspended"),
    pytest.param("revoked", -3, False, "Revoked", "red", id="revoked"),
    # A signed record it rests on changed after signing: a finding is open.
    pytest.param("current", 30, True, "Under review", "purple", id="under-review"),
    pytest.param("suspended", 400, True, "Suspended", "orange", id="suspended-review"),
]


def _tags(html: str) -> set[tuple[str, str]]:
    return {(colour, words) for colour, words in TAG.findall(html) if words in WORDS}


def _pdf_text(content: bytes) -> str:
    document = pypdfium2.PdfDocument(io.BytesIO(content))
    text = " ".join(page.get_textpage().get_text_range() for page in document)
    return " ".join(text.split())  # a table cell may wrap its words


def _jwt_claims(token: str) -> dict:
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


@pytest.mark.parametrize(
    ("stored", "days_left", "under_review", "words", "colour"), CASES
)
def test_every_surface_shows_the_same_status(
    client, stored, days_left, under_review, words, colour
):
    holder = UserFactory(full_name="Tom Okafor")
    award = award_competence(
        holder=holder,
        competency=CompetencyFactory(code="COR-01"),
        achieved_on=TODAY() - datetime.timedelta(days=300),
        evidence={"knowledge": {"attempt_id": 1, "module_revision_ids": [1]}},
        awarded_by=None,
    )
    last_day = TODAY() + datetime.timedelta(days=days_left)
    Competence.objects.filter(pk=award.competence.pk).update(
        status=stored, expires_on=last_day, under_review=under_review
    )
    competence = Competence.objects.get(pk=award.competence.pk)
    expected = {(colour, words)}

    client.force_login(holder)
    assert _tags(client.get(reverse("passport:passport")).content.decode()) == expected
    pdf = client.get(reverse("passport:download")).content
    assert words in _pdf_text(pdf)
    assert not (WORDS - {words}) & set(re.findall("|".join(WORDS), _pdf_text(pdf)))
    credentials_page = client.get(reverse("passport:my_credentials"))
    assert _tags(credentials_page.content.decode()) == expected

    credential = client.get(
        reverse("passport:competence_credential", args=[competence.pk])
    )
    claims = _jwt_claims(credential.content.decode().strip())
    valid_until = datetime.datetime.fromisoformat(claims["validUntil"])
    assert valid_until.date() == last_day
    assert claims["exp"] == int(valid_until.timestamp())
    if words == "Expired":
        assert valid_until < timezone.now()
    elif words in {"Valid", "Expiring soon"}:
        assert valid_until > timezone.now()

    sharing = client.post(
        reverse("passport:sharing"),
        {"expires_on": (TODAY() + datetime.timedelta(days=7)).isoformat()},
    )
    token = re.search(r"/passport/shared/([\w-]+)/", sharing.content.decode())[1]
    client.logout()
    shared = client.get(reverse("passport:shared_passport", args=[token]))
    assert _tags(shared.content.decode()) == expected
    verification = client.get(
        reverse("verify_certificate", args=[award.certificate.verification_code])
    )
    assert _tags(verification.content.decode()) == expected

    lead = UserFactory(organisation=holder.organisation)
    grant_organisation_management(user=lead, organisation=holder.organisation)
    client.force_login(lead)
    matrix = client.get(reverse("passport:matrix", args=[holder.organisation.pk]))
    assert f'academy-matrix__cell--{colour}">{words}<' in matrix.content.decode()
    export = client.get(
        reverse("passport:matrix_export", args=[holder.organisation.pk, "csv"])
    )
    # The export keeps status and last valid day in separate columns.
    assert f"Tom Okafor,Pharmacy technician,Band 4,{words},{last_day:%Y-%m-%d}\r\n" in (
        export.content.decode("utf-8-sig")
    )

    api = APIClient()
    _, api_token = ApiToken.objects.create(
        user=holder, expiry=datetime.timedelta(days=30)
    )
    api.credentials(HTTP_AUTHORIZATION=f"Token {api_token}")
    (record,) = api.get(reverse("api:my_competences")).json()
    assert record["status_label"] == words
    assert record["is_valid"] == (words in {"Valid", "Expiring soon"})
