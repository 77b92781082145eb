"""The trainee's plan page (overdue first, each item a link to its next step, the
pathway linked) and the form a trainer or lead uses to change a due date."""

import re
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from academy.models import AuditEvent
from notifications.models import Notification
from passport.models import TrainingPlanItem
from passport.plans.queries import plan_next_steps
from passport.plans.services import assign_training_plan
from tests.factories.academy import CompetencyFactory
from tests.factories.courses import (
    make_area_page,
    make_catalogue,
    make_module,
    make_pathway,
)
from tests.factories.passport import TrainingPlanFactory, TrainingPlanItemFactory
from trainers import services as network_services

TODAY = timezone.localdate


@dataclass(frozen=True)
class Step:
    label: str
    url: str


@pytest.fixture
def plan(network):
    """Three open items (one overdue, due last in the list by date otherwise) and one
    complete."""
    plan = TrainingPlanFactory(trainee=network.trainee)
    items = {
        "later": TrainingPlanItemFactory(
            plan=plan,
            competency=CompetencyFactory(code="PLN-71", area=network.aseptic),
            due_on=TODAY() + timedelta(days=60),
        ),
        "soon": TrainingPlanItemFactory(
            plan=plan,
            competency=CompetencyFactory(code="PLN-72", area=network.aseptic),
            due_on=TODAY() + timedelta(days=5),
        ),
        "overdue": TrainingPlanItemFactory(
            plan=plan,
            competency=CompetencyFactory(code="PLN-73", area=network.aseptic),
            due_on=TODAY() - timedelta(days=2),
        ),
        "done": TrainingPlanItemFactory(
            plan=plan,
            competency=CompetencyFactory(code="PLN-70", area=network.aseptic),
            due_on=TODAY() - timedelta(days=30),
            completed_at=timezone.now(),
        ),
    }
    return items


def _steps(trainee, competencies):
    return {
        competency.pk: Step(
            f"Start the module for {competency.code}", f"/m/{competency.code}/"
        )
        for competency in competencies
    }


def test_my_plan_lists_overdue_first_and_links_each_item_to_its_next_step(
    client, network, plan, monkeypatch
):
    monkeypatch.setattr("passport.plans.views.plan_next_steps", _steps)
    client.force_login(network.trainee)
    page = client.get(reverse("passport:my_plan")).content.decode()

    codes = re.findall(r"(PLN-7\d) ", page)
    order = list(dict.fromkeys(codes))
    assert order == ["PLN-73", "PLN-72", "PLN-71", "PLN-70"]
    assert 'href="/m/PLN-73/"' in page
    assert "Next: Start the module for PLN-73" in page
    assert 'href="/m/PLN-70/"' not in page  # complete: nothing left to do
    assert "1 item is overdue" in page
    assert "talk to your trainer" not in page


def test_steps_come_from_every_hook_the_first_answer_kept(network, plan, monkeypatch):
    competencies = [plan["soon"].competency, plan["later"].competency]
    first = {competencies[0].pk: Step("First", "/first/")}
    second = {
        competencies[0].pk: Step("Second", "/second/"),
        competencies[1].pk: Step("Only", "/only/"),
    }
    monkeypatch.setattr(
        "passport.plans.queries.hooks.get_hooks",
        lambda name: [lambda t, c: first, lambda t, c: second],
    )
    steps = plan_next_steps(network.trainee, competencies)
    assert (steps[competencies[0].pk].label, steps[competencies[0].pk].url) == (
        "First",
        "/first/",
    )
    assert steps[competencies[1].pk].url == "/only/"
    assert plan_next_steps(network.trainee, []) == {}


def test_the_next_step_of_an_item_is_its_module_to_start(client, network, site_root):
    """The assessments app answers the hook: a module teaching the competency, with
    lessons, is the first step."""
    network.competency.requires_knowledge = True
    network.competency.save(update_fields=["requires_knowledge"])
    area_page = make_area_page(make_catalogue(site_root), network.aseptic)
    module = make_module(area_page, competencies=[network.competency])
    TrainingPlanItemFactory(
        plan=TrainingPlanFactory(trainee=network.trainee),
        competency=network.competency,
    )
    client.force_login(network.trainee)
    page = client.get(reverse("passport:my_plan")).content.decode()
    assert f'href="{module.url}"' in page
    assert f"Next: Start {module.title}" in page


def test_without_a_next_step_an_item_is_not_a_link(client, network, plan, monkeypatch):
    monkeypatch.setattr("passport.plans.views.plan_next_steps", lambda t, c: {})
    client.force_login(network.trainee)
    page = client.get(reverse("passport:my_plan")).content.decode()
    assert "nhsuk-task-list__link" not in page
    assert "PLN-73" in page


def test_my_plan_links_the_career_pathway(client, network, site_root):
    area_page = make_area_page(make_catalogue(site_root), network.aseptic)
    pathway = make_pathway(area_page, band=3)
    assign_training_plan(
        trainee=network.trainee,
        assigned_by=network.lead,
        due_on=TODAY() + timedelta(days=30),
        area=network.aseptic,
        band=3,
    )
    client.force_login(network.trainee)
    page = client.get(reverse("passport:my_plan")).content.decode()
    assert f'href="{pathway.url}"' in page
    assert "See the career pathway for" in page


def test_the_trainee_record_offers_the_lead_a_date_change_per_open_item(
    client, network, plan
):
    client.force_login(network.lead)
    page = client.get(
        reverse("trainers:trainee_record", args=[network.trainee.pk])
    ).content.decode()
    for name in ("later", "soon", "overdue"):
        assert reverse("passport:change_due_date", args=[plan[name].pk]) in page
    assert reverse("passport:change_due_date", args=[plan["done"].pk]) not in page


def test_the_trainee_sees_no_date_change_links_on_her_own_record(client, network, plan):
    client.force_login(network.trainee)
    page = client.get(
        reverse("trainers:trainee_record", args=[network.trainee.pk])
    ).content.decode()
    assert "Change due date" not in page


def test_the_lead_changes_a_due_date_with_a_reason(client, network, plan):
    item = plan["overdue"]
    url = reverse("passport:change_due_date", args=[item.pk])
    client.force_login(network.lead)

    form = client.get(url)
    assert form.status_code == 200
    body = form.content.decode()
    assert 'class="nhsuk-breadcrumb"' in body
    assert f"Currently due on {item.due_on.day} {item.due_on:%B %Y}" in body

    new_date = TODAY() + timedelta(days=40)
    response = client.post(
        url, {"due_on": new_date.isoformat(), "reason": "Off work for a month."}
    )
    assert response.status_code == 302
    assert response.url == reverse("trainers:trainee_record", args=[network.trainee.pk])
    item.refresh_from_db()
    assert item.due_on == new_date
    assert Notification.objects.filter(recipient=network.trainee).count() == 1
    record = client.get(response.url).content.decode()
    assert f"PLN-73 is now due on {new_date.day} {new_date:%B %Y}" in record


def test_errors_are_summarised_and_linked_to_their_fields(client, network, plan):
    item = plan["soon"]
    client.force_login(network.lead)
    response = client.post(
        reverse("passport:change_due_date", args=[item.pk]),
        {"due_on": "2020-01-01", "reason": "   "},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error:" in body
    assert 'class="nhsuk-error-summary"' in body
    assert (
        '<a href="#id_due_on">The new due date must be today or in the future</a>'
        in body
    )
    assert '<a href="#id_reason">Give the reason for the new due date</a>' in body
    item.refresh_from_db()
    assert item.due_on == TODAY() + timedelta(days=5)


@pytest.mark.parametrize(
    "due_on", ["", "not a date", "2026-02-30", "99999-01-01", "0000-00-00"]
)
def test_a_bad_date_is_a_message_not_an_error(client, network, plan, due_on):
    client.force_login(network.lead)
    response = client.post(
        reverse("passport:change_due_date", args=[plan["soon"].pk]),
        {"due_on": due_on, "reason": "Because."},
    )
    assert response.status_code == 200
    assert "nhsuk-error-summary" in response.content.decode()


@pytest.mark.parametrize(
    "person", ["far_lead", "neighbour_trainer", "mentor", "trainee"]
)
def test_anyone_else_gets_404_and_nothing_changes(client, network, plan, person):
    item = plan["overdue"]
    url = reverse("passport:change_due_date", args=[item.pk])
    client.force_login(getattr(network, person))
    assert client.get(url).status_code == 404
    response = client.post(
        url,
        {"due_on": (TODAY() + timedelta(days=9)).isoformat(), "reason": "Mine now."},
    )
    assert response.status_code == 404
    item.refresh_from_db()
    assert item.due_on == TODAY() - timedelta(days=2)
    assert not AuditEvent.objects.filter(
        action="passport.plan_item_due_date_changed"
    ).exists()


def test_another_trainer_gets_404_while_the_trainees_trainer_may(client, network, plan):
    network_services.assign_trainer(
        trainer=network.trainer, trainee=network.trainee, assigned_by=network.lead
    )
    url = reverse("passport:change_due_date", args=[plan["soon"].pk])
    client.force_login(network.neighbour_trainer)
    assert client.get(url).status_code == 404
    client.force_login(network.trainer)
    assert client.get(url).status_code == 200


def test_a_complete_or_missing_item_is_404(client, network, plan):
    client.force_login(network.lead)
    for pk in (plan["done"].pk, 0, 2**63):
        assert (
            client.get(reverse("passport:change_due_date", args=[pk])).status_code
            == 404
        )
    assert TrainingPlanItem.objects.count() == 4


def test_signed_out_people_are_sent_to_sign_in(client, plan):
    response = client.get(reverse("passport:change_due_date", args=[plan["soon"].pk]))
    assert response.status_code == 302
    assert "sign-in" in response.url


def _plan_queries(client) -> int:
    client.get(reverse("passport:my_plan"))
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("passport:my_plan"))
    assert response.status_code == 200
    return len(captured)


def test_my_plan_queries_do_not_grow_with_its_items(client, network, plan):
    client.force_login(network.trainee)
    few = _plan_queries(client)
    for number in range(6):
        TrainingPlanItemFactory(
            plan=plan["soon"].plan,
            competency=CompetencyFactory(
                code=f"PLN-8{number}", area=network.aseptic, requires_knowledge=True
            ),
            due_on=TODAY() + timedelta(days=number),
        )
    assert _plan_queries(client) == few
