import datetime
import re

import jwt
import pytest
from django.urls import reverse

from passport.competences.services import award_competence

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(network):
    return award_competence(
        holder=network.trainee,
        competency=network.competency,
        achieved_on=datetime.date.today(),
        evidence={},
        awarded_by=None,
    ).competence


def verify(token, client):
    jwks = client.get(reverse("credential_jwks")).json()
    return jwt.decode(token, key=jwt.PyJWK(jwks["keys"][0]), algorithms=["EdDSA"])


def test_issuer_documents_are_public(client):
    profile = client.get(reverse("credential_issuer")).json()
    jwks = client.get(reverse("credential_jwks")).json()
    status = client.get(reverse("credential_status_list"))

    assert profile["type"] == ["Profile"]
    assert profile["id"].endswith("/.well-known/academy-issuer.json")
    assert jwks["keys"][0]["crv"] == "Ed25519"
    assert status["Content-Type"] == "application/vc+jwt"
    claims = verify(status.content.decode(), client)
    assert claims["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]


def test_holder_downloads_their_credential(held, client):
    client.force_login(held.holder)

    response = client.get(reverse("passport:competence_credential", args=[held.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+jwt"
    assert "attachment" in response["Content-Disposition"]
    claims = verify(response.content.decode(), client)
    assert claims["credentialSubject"]["achievement"]["alignment"][0]["targetCode"] == (
        held.competency.code
    )
    readable = client.get(
        reverse("passport:competence_credential_json", args=[held.pk])
    ).json()
    assert readable["id"] == claims["id"]


def test_trainer_who_may_see_the_record_downloads_it(held, network, client):
    from trainers.services import assign_trainer

    assign_trainer(
        trainer=network.trainer,
        trainee=network.trainee,
        assigned_by=network.lead,
        starts_on=datetime.date.today(),
    )
    client.force_login(network.trainer)

    url = reverse("passport:competence_credential", args=[held.pk])
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "name", ["competence_credential", "competence_credential_json"]
)
def test_anyone_else_gets_404(held, network, client, name):
    client.force_login(network.stranger)

    assert client.get(reverse(f"passport:{name}", args=[held.pk])).status_code == 404
    assert (
        client.get(
            reverse("passport:passport_bundle", args=[network.trainee.pk])
        ).status_code
        == 404
    )


def test_signed_out_visitors_are_sent_to_sign_in(held, client):
    response = client.get(reverse("passport:competence_credential", args=[held.pk]))

    assert response.status_code == 302


def test_whole_passport_bundle_envelopes_each_signed_credential(held, client):
    client.force_login(held.holder)

    response = client.get(reverse("passport:passport_bundle", args=[held.holder.pk]))

    bundle = verify(response.content.decode(), client)
    assert bundle["type"] == ["VerifiableCredential", "ClrCredential"]
    (enveloped,) = bundle["credentialSubject"]["verifiableCredential"]
    assert enveloped["type"] == "EnvelopedVerifiableCredential"
    inner = verify(enveloped["id"].removeprefix("data:application/vc+jwt,"), client)
    assert inner["type"] == ["VerifiableCredential", "OpenBadgeCredential"]


def test_my_credentials_page_links_every_download(
    held, client, django_assert_max_num_queries
):
    client.force_login(held.holder)

    with django_assert_max_num_queries(12):
        response = client.get(reverse("passport:my_credentials"))

    page = response.content.decode()
    assert reverse("passport:competence_credential", args=[held.pk]) in page
    assert reverse("passport:passport_bundle", args=[held.holder.pk]) in page


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_passport_links_the_digital_certificates_page_by_its_plain_name(
    held, client
):
    client.force_login(held.holder)
    passport = client.get(reverse("passport:passport")).content.decode()
    link = re.search(
        r'<a href="([^"]+)">Digital certificate you can share</a>', passport
    )
    assert link
    assert link[1] == reverse("passport:my_credentials")


def test_the_digital_certificates_page_keeps_the_technical_names_in_details(
    held, client
):
    """People read what the files are for; Open Badges, VC-JWT and the CLR bundle are
    named only inside the NHS.UK details component, for IT teams."""
    client.force_login(held.holder)
    page = client.get(reverse("passport:my_credentials")).content.decode()
    main = page[page.index("<main") : page.index("</main>")]
    details = re.search(r'<details class="nhsuk-details">.*?</details>', main, re.S)[0]
    outside = _text(main.replace(details, ""))

    assert "<h1>Digital certificate you can share</h1>" in main
    assert "<title>Digital certificate you can share - " in page
    assert "Download digital certificate" in outside
    assert "Download the whole passport as one digital certificate" in outside
    for technical in ("VC-JWT", "Open Badges", "CLR", "JSON", "verifiable"):
        assert technical.lower() not in outside.lower(), technical
        assert technical.lower() in _text(details).lower(), technical
    # The breadcrumb leads back to the passport.
    assert f'href="{reverse("passport:passport")}">My skills passport' in page
