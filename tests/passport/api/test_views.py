import datetime

import jsonschema
import pytest
from django.urls import reverse
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema
from rest_framework.test import APIClient

from passport.competences.services import award_competence
from passport.models import ApiToken
from tests.factories.academy import CompetencyFactory, UserFactory
from trainers.services import assign_trainer

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema():
    generated = SchemaGenerator().get_schema(request=None, public=True)
    validate_schema(generated)
    return generated


def _api(user=None) -> APIClient:
    api = APIClient()
    if user is not None:
        _, token = ApiToken.objects.create(
            user=user, expiry=datetime.timedelta(days=30)
        )
        api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return api


def _award(holder, **competency):
    return award_competence(
        holder=holder,
        competency=CompetencyFactory(**competency),
        achieved_on=timezone.localdate(),
        evidence={"note": "private"},
        awarded_by=None,
    ).competence


def _assert_matches(schema, path, response):
    body = schema["paths"][path]["get"]["responses"][str(response.status_code)]
    expected = body["content"]["application/json"]["schema"]
    jsonschema.validate(
        response.json(), {**expected, "components": schema["components"]}
    )


def test_the_schema_is_valid_openapi_and_documents_only_the_passport_api(
    schema, client
):
    assert set(schema["paths"]) == {
        "/api/v1/me/competences/",
        "/api/v1/holders/{holder_id}/competences/",
    }
    assert "knoxApiToken" in schema["components"]["securitySchemes"]
    response = client.get(reverse("api:schema"))
    assert response.status_code == 200
    assert b"/api/v1/me/competences/" in response.content


def test_without_a_token_the_api_answers_401(schema, network):
    for url in (
        reverse("api:my_competences"),
        reverse("api:holder_competences", args=[network.trainee.pk]),
    ):
        response = _api().get(url)
        assert response.status_code == 401
        assert response["WWW-Authenticate"] == "Token"
    _assert_matches(schema, "/api/v1/me/competences/", response)


def test_a_bad_or_a_session_credential_is_not_enough(network, client):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    client.force_login(network.trainee)

    assert api.get(reverse("api:my_competences")).status_code == 401
    assert client.get(reverse("api:my_competences")).status_code == 401


def test_a_holder_reads_their_own_competences(
    schema, network, django_assert_num_queries
):
    competences = [
        _award(network.trainee, revalidation_kind="every", revalidation_months=12),
        _award(network.trainee),
    ]
    _award(network.stranger)
    api = _api(network.trainee)

    # The token with its user, the user's other tokens (knox drops expired ones),
    # then the competences.
    with django_assert_num_queries(3):
        response = api.get(reverse("api:my_competences"))

    assert response.status_code == 200
    _assert_matches(schema, "/api/v1/me/competences/", response)
    rows = response.json()
    assert [row["id"] for row in rows] == sorted(
        (c.pk for c in competences),
        key=lambda pk: next(c.competency.code for c in competences if c.pk == pk),
    )
    first = next(row for row in rows if row["id"] == competences[0].pk)
    assert first["competency"]["code"] == competences[0].competency.code
    assert first["status"] == "current"
    assert first["is_valid"] is True
    assert first["expires_on"] == competences[0].expires_on.isoformat()
    assert "evidence" not in first


def test_a_trainer_reads_a_supervised_holder_and_a_lead_their_organisation(
    schema, network
):
    competence = _award(network.trainee)
    assign_trainer(
        trainer=network.trainer, trainee=network.trainee, assigned_by=network.lead
    )
    url = reverse("api:holder_competences", args=[network.trainee.pk])

    for reader in (network.trainer, network.lead, network.trainee):
        response = _api(reader).get(url)
        assert response.status_code == 200
        assert [row["id"] for row in response.json()] == [competence.pk]
    _assert_matches(schema, "/api/v1/holders/{holder_id}/competences/", response)


def test_holders_out_of_scope_are_not_found(schema, network):
    _award(network.trainee)
    missing = UserFactory().pk + 1000

    for reader, holder_id in (
        (network.stranger, network.trainee.pk),  # a colleague, not their trainer
        (network.far_lead, network.trainee.pk),  # another organisation's lead
        (network.neighbour_trainer, network.trainee.pk),  # not assigned
        (network.trainee, missing),
    ):
        response = _api(reader).get(reverse("api:holder_competences", args=[holder_id]))
        assert response.status_code == 404
        assert response.json() == {"detail": "No holder found."}
    _assert_matches(schema, "/api/v1/holders/{holder_id}/competences/", response)


def test_a_token_of_a_deactivated_account_stops_working(network):
    api = _api(network.trainee)
    network.trainee.is_active = False
    network.trainee.save()

    assert api.get(reverse("api:my_competences")).status_code == 401


def test_the_api_only_reads(network):
    api = _api(network.trainee)

    assert api.post(reverse("api:my_competences"), {}).status_code == 405
