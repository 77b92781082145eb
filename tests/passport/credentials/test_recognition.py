import base64
import datetime
import json

import pytest
from django.urls import reverse
from jwcrypto import jwk, jws

from academy.models import AuditEvent
from passport.competences.services import (
    award_competence,
    revoke_competence,
    suspend_competence,
)
from passport.credentials import issuing
from passport.credentials import recognition as recognition_service
from passport.credentials.recognition import check_credential, recognise_competence
from passport.credentials.services import issue_competence_credential
from passport.credentials.status_list import encode_status_list
from passport.models import RecognisedCompetence, TrainingPlanItem
from tests.conftest import PASSWORD
from tests.factories.academy import UserFactory
from tests.factories.passport import TrainingPlanItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moved(network):
    """The trainee was awarded the competence at home, then joined the far
    organisation, whose lead is asked to recognise it."""
    competence = award_competence(
        holder=network.trainee,
        competency=network.competency,
        achieved_on=datetime.date.today() - datetime.timedelta(days=30),
        evidence={},
        awarded_by=None,
    ).competence
    token = issue_competence_credential(competence)
    network.trainee.organisation = network.far
    network.trainee.save(update_fields=["organisation"])
    network.competence = competence
    network.token = token
    return network


def forged(token: str, change) -> str:
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    change(claims)
    body = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    return f"{header}.{body}.{signature}"


def test_valid_credential_is_recognised_for_the_matching_member_of_staff(moved):
    item = TrainingPlanItemFactory(
        plan__trainee=moved.trainee, competency=moved.competency
    )

    verdict = check_credential(moved.token)
    recognition = recognise_competence(
        token=moved.token, person=moved.trainee, recognised_by=moved.far_lead
    )

    assert verdict.valid, verdict.failed
    assert recognition.competency == moved.competency
    assert recognition.issuer.endswith("/.well-known/academy-issuer.json")
    assert recognition.valid_until == moved.competence.expires_on
    assert recognition.credential_jwt == moved.token
    assert TrainingPlanItem.objects.get(pk=item.pk).completed_at is not None
    assert (
        AuditEvent.objects.filter(action="passport.competence_recognised").count() == 1
    )


def test_only_staff_whose_email_matches_the_subject_are_offered(moved):
    other = UserFactory(organisation=moved.far)

    matching = recognition_service.staff_matching_subject(
        check_credential(moved.token).credential, lead=moved.far_lead
    )

    assert matching == [moved.trainee]
    assert other not in matching


@pytest.mark.parametrize(
    ("case", "reason"),
    [
        ("garbage", "not a signed credential"),
        ("tampered", "signature does not match"),
        ("untrusted", "not on the list of trusted issuers"),
        ("wrong_key", "signature does not match"),
        ("expired", "expired on"),
        ("revoked", "revoked"),
        ("suspended", "suspended"),
    ],
)
def test_bad_credentials_get_a_clear_reason_and_nothing_is_stored(moved, case, reason):
    token = moved.token
    if case == "garbage":
        token = "this is not a credential"
    elif case == "tampered":
        token = forged(token, lambda c: c.update(validUntil="2099-12-31T23:59:59Z"))
    elif case == "untrusted":
        token = forged(token, lambda c: c.update(iss="https://elsewhere.example"))
    elif case == "wrong_key":
        kid = jwk.JWK.from_json(
            json.dumps(recognition_service.public_jwks()["keys"][0])
        )
        key = jwk.JWK.generate(kty="OKP", crv="Ed25519", kid=kid["kid"])
        claims = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
        token = issuing.sign_credential(
            claims, key=key, now=datetime.datetime.now(tz=datetime.UTC)
        )
    elif case == "expired":
        moved.competence.expires_on = datetime.date.today() - datetime.timedelta(1)
        moved.competence.save()
        token = issue_competence_credential(moved.competence)
    elif case in ("revoked", "suspended"):
        change = revoke_competence if case == "revoked" else suspend_competence
        change(
            competence=moved.competence,
            signed_by=moved.lead,
            role="Training lead",
            reason="Withdrawn",
            password=PASSWORD,
        )

    verdict = check_credential(token)

    assert not verdict.valid
    assert any(reason in failure for failure in verdict.failed), verdict.failed
    with pytest.raises(Exception, match=reason):
        recognise_competence(
            token=token, person=moved.trainee, recognised_by=moved.far_lead
        )
    assert not RecognisedCompetence.objects.exists()
    assert not AuditEvent.objects.filter(
        action="passport.competence_recognised"
    ).exists()


def test_subject_mismatch_is_refused(moved):
    colleague = UserFactory(organisation=moved.far)

    with pytest.raises(Exception, match="not issued to"):
        recognise_competence(
            token=moved.token, person=colleague, recognised_by=moved.far_lead
        )
    assert not RecognisedCompetence.objects.exists()


def test_only_the_persons_training_lead_may_recognise(moved):
    with pytest.raises(Exception, match="training lead"):
        recognise_competence(
            token=moved.token, person=moved.trainee, recognised_by=moved.lead
        )


def test_the_same_credential_is_recognised_once(moved):
    recognise_competence(
        token=moved.token, person=moved.trainee, recognised_by=moved.far_lead
    )

    with pytest.raises(Exception, match="already been recognised"):
        recognise_competence(
            token=moved.token, person=moved.trainee, recognised_by=moved.far_lead
        )


def test_another_trusted_deployment_is_checked_with_keys_fetched_over_https(
    moved, settings, monkeypatch
):
    remote = issuing.Issuer(base_url="https://south.academy.example", name="South")
    key = jwk.JWK.generate(kty="OKP", crv="Ed25519", kid="south-1")
    claims = json.loads(base64.urlsafe_b64decode(moved.token.split(".")[1] + "=="))
    claims["issuer"] = {"id": remote.id, "type": ["Profile"], "name": "South"}
    claims["credentialStatus"]["statusListCredential"] = remote.status_list_url
    now = datetime.datetime.now(tz=datetime.UTC)
    token = issuing.sign_credential(claims, key=key, now=now)
    status_list = issuing.sign_credential(
        issuing.status_list_credential(
            issuer=remote,
            encoded_list=encode_status_list({}),
            published_at=now,
        ),
        key=key,
        now=now,
    )
    fetched = []
    documents = {
        remote.jwks_url: json.dumps(
            {"keys": [{**key.export_public(as_dict=True), "alg": "EdDSA"}]}
        ).encode(),
        remote.status_list_url: status_list.encode(),
    }

    def fake_fetch(url):
        fetched.append(url)
        return documents[url]

    monkeypatch.setattr(recognition_service, "_fetch", fake_fetch)

    assert not check_credential(token).valid  # not trusted yet
    settings.PASSPORT_TRUSTED_ISSUERS = ["https://south.academy.example/"]
    verdict = check_credential(token)

    assert verdict.valid, verdict.failed
    assert verdict.issuer_name == "South"
    assert fetched == [remote.jwks_url, remote.status_list_url]


def test_keys_are_never_fetched_over_plain_http():
    with pytest.raises(Exception, match="HTTPS"):
        recognition_service._fetch("http://academy.example/.well-known/jwks.json")


# Pages


def test_check_page_is_for_training_leads_only(moved, client):
    client.force_login(moved.trainee)
    assert client.get(reverse("passport:check_credential")).status_code == 404

    client.force_login(moved.far_lead)
    response = client.get(reverse("passport:check_credential"))
    assert response.status_code == 200
    assert b"Check a credential" in response.content


def test_empty_and_garbage_input_get_clear_messages(moved, client):
    client.force_login(moved.far_lead)

    empty = client.post(reverse("passport:check_credential"), {"credential": ""})
    garbage = client.post(reverse("passport:check_credential"), {"credential": "x.y"})

    assert "Paste the credential or upload its file." in empty.content.decode()
    assert "cannot be accepted" in garbage.content.decode()
    assert "not a signed credential" in garbage.content.decode()


def test_a_credential_in_json_serialisation_is_not_a_signed_credential(moved, client):
    """jwcrypto reads a JWS with several signatures; the check page answered 500."""
    payload = moved.token.split(".")[1]
    general = jws.JWS(base64.urlsafe_b64decode(payload + "=="))
    for kid in ("a", "b"):
        general.add_signature(
            jwk.JWK.generate(kty="OKP", crv="Ed25519"),
            alg="EdDSA",
            protected=json.dumps({"alg": "EdDSA", "kid": kid}),
        )
    client.force_login(moved.far_lead)

    response = client.post(
        reverse("passport:check_credential"), {"credential": general.serialize()}
    )

    assert response.status_code == 200
    assert "not a signed credential" in response.content.decode()


def test_lead_checks_an_uploaded_credential_and_recognises_it(moved, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(moved.far_lead)
    upload = SimpleUploadedFile("ASP.jwt", moved.token.encode())

    verdict = client.post(
        reverse("passport:check_credential"), {"credential_file": upload}
    )
    assert verdict.status_code == 200
    page = verdict.content.decode()
    assert "This credential is valid" in page
    assert moved.trainee.full_name in page

    response = client.post(
        reverse("passport:recognise_competence"),
        {"credential": moved.token, "person": moved.trainee.pk},
        follow=True,
    )
    page = response.content.decode()
    assert "Recognised from" in page
    assert RecognisedCompetence.objects.filter(person=moved.trainee).exists()


def test_lead_cannot_recognise_for_someone_outside_their_organisation(moved, client):
    client.force_login(moved.far_lead)

    response = client.post(
        reverse("passport:recognise_competence"),
        {"credential": moved.token, "person": moved.lead.pk},
    )

    assert response.status_code == 400
    assert not RecognisedCompetence.objects.exists()


def test_recognised_list_query_count_does_not_grow(
    moved, client, django_assert_max_num_queries
):
    recognise_competence(
        token=moved.token, person=moved.trainee, recognised_by=moved.far_lead
    )
    client.force_login(moved.far_lead)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("passport:recognised_competences"))
    assert "Recognised from" in response.content.decode()


def test_trainee_record_shows_recognitions_apart_from_credentials(moved, client):
    recognise_competence(
        token=moved.token, person=moved.trainee, recognised_by=moved.far_lead
    )
    client.force_login(moved.far_lead)

    response = client.get(reverse("trainers:trainee_record", args=[moved.trainee.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Recognised from" in page
    assert reverse("passport:competence_credential", args=[moved.competence.pk]) in (
        page
    )
