"""What the passport shows on the home page: a trainee's competences to renew and
recent certificates, a trainer's trainees with overdue plan items, a training lead's
expiring, expired and overdue counts with the matrix, an administrator's open
signature findings."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from passport.competences.services import award_competence
from passport.models import Competence, SignatureFinding
from tests.factories.academy import CompetencyFactory
from tests.factories.passport import TrainingPlanItemFactory
from trainers import services

pytestmark = pytest.mark.django_db


def home(client) -> str:
    html = client.get("/").content.decode()
    return html[html.index("<main") : html.index("</main>")]


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def held(holder, *, expires_on, **fields) -> Competence:
    """A competence as awarded, then given the expiry a test needs."""
    event = award_competence(
        holder=holder,
        competency=CompetencyFactory(**fields),
        achieved_on=days(-300),
        evidence={},
        awarded_by=None,
    )
    Competence.objects.filter(pk=event.competence_id).update(expires_on=expires_on)
    return Competence.objects.get(pk=event.competence_id)


def test_a_trainee_sees_competences_to_renew_in_the_words_of_the_status_rule(
    client, trainee
):
    expiring = held(trainee, expires_on=days(20), title="Expiring one")
    expired = held(trainee, expires_on=days(-3), title="Expired one")
    held(trainee, expires_on=days(200), title="Valid one")
    client.force_login(trainee)

    page = home(client)

    assert "Competences to renew" in page
    renewals = page[page.index("Competences to renew") : page.index("Recent awards")]
    assert renewals.index("Expired one") < renewals.index("Expiring one")
    assert '<strong class="nhsuk-tag nhsuk-tag--yellow">Expiring soon</strong>' in (
        renewals
    )
    assert f"Valid until {expiring.expires_on:%-d %B %Y}" in renewals
    assert '<strong class="nhsuk-tag nhsuk-tag--grey">Expired</strong>' in renewals
    assert f"Expired after {expired.expires_on:%-d %B %Y}" in renewals
    assert "Valid one" not in renewals
    assert f'href="{reverse("passport:passport")}"' in renewals


def test_a_trainee_with_nothing_to_renew_is_told_so(client, trainee):
    client.force_login(trainee)

    assert "None of your competences expires in the next 60 days." in home(client)


def test_recent_awards_link_to_their_certificates(client, trainee):
    competence = held(trainee, expires_on=days(300), title="Awarded one")
    certificate = competence.events.get().certificate
    client.force_login(trainee)

    page = home(client)

    url = reverse("passport:download_certificate", args=[certificate.number])
    assert (
        f'<a href="{url}">Certificate for {competence.competency.code} Awarded one'
        in (page)
    )
    assert f'href="{reverse("passport:sharing")}"' in page
    assert client.get(url).status_code in (200, 404)  # 404 only until it is rendered


def test_a_trainer_sees_their_trainees_with_overdue_plan_items(client, network):
    services.assign_trainer(
        trainer=network.trainer, trainee=network.trainee, assigned_by=network.lead
    )
    services.assign_trainer(
        trainer=network.trainer, trainee=network.stranger, assigned_by=network.lead
    )
    TrainingPlanItemFactory(plan__trainee=network.trainee, due_on=days(-5))
    TrainingPlanItemFactory(plan__trainee=network.stranger, due_on=days(5))
    client.force_login(network.trainer)

    page = home(client)

    record = reverse("trainers:trainee_record", args=[network.trainee.pk])
    assert "1 of your trainees has overdue plan items." in page
    assert f'<a href="{record}">{network.trainee.full_name}</a>: 1 overdue' in page
    assert network.stranger.full_name not in page
    assert client.get(record).status_code == 200


def test_a_lead_sees_their_organisations_counts_and_the_matrix(client, network):
    held(network.trainee, expires_on=days(10))
    held(network.stranger, expires_on=days(-10))
    held(network.far_trainer, expires_on=days(10))  # another organisation
    TrainingPlanItemFactory(plan__trainee=network.trainee, due_on=days(-1))
    client.force_login(network.lead)

    page = home(client)

    matrix = reverse("passport:matrix", args=[network.home.pk])
    for key, count, link in (
        ("Competences expiring in the next 60 days", "1", f"{matrix}?status=expiring"),
        ("Competences expired", "1", f"{matrix}?status=expired"),
        ("Plan items overdue", "1", reverse("trainers:organisation_index")),
    ):
        row = page[page.index(key) :]
        row = row[: row.index("</div>")]
        assert f'<dd class="nhsuk-summary-list__value">{count}</dd>' in row
        assert f'href="{link}"' in row
        assert client.get(link).status_code in (200, 302)
    assert f'href="{matrix}"' in page
    assert f'href="{reverse("passport:check_credential")}"' in page


def test_an_administrator_sees_open_signature_findings(client, make_user):
    admin = make_user()
    admin.is_superuser = True
    admin.save()
    client.force_login(admin)

    page = home(client)

    assert "Signed records changed after signing" in page
    assert SignatureFinding.objects.filter(resolved_at__isnull=True).count() == 0
    url = reverse("signature_findings:index")
    assert f'href="{url}"' in page
    assert client.get(url).status_code == 200
