"""The trainee's plan page (overdue first, each item a link to its next step, the
pathway linked) and the form a trainer or lead uses to change a due date."""

import re
from dataclasses import dataclass
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from academy.models import AuditEvent
from notifications.models import Notification
from passport.models import TrainingPlanItem
from passport.plans.queries import plan_next_steps
from passport.plans.services import assign_training_plan
from tests.error_summary import assert_error_summary_leads_to_inputs
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


def _typed(day, month, year) -> dict:
    """The due date as typed into the Day, Month and Year boxes."""
    return {"due_on_day": day, "due_on_month": month, "due_on_year": year}


def _typed_date(when) -> dict:
    return _typed(str(when.day), str(when.month), str(when.year))


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

    page = BeautifulSoup(body, "html.parser")
    legend = page.select_one("fieldset.nhsuk-fieldset legend")
    assert legend.get_text(strip=True) == "New due date"
    boxes = legend.find_parent("fieldset").select(".nhsuk-date-input input")
    assert [(box["name"], box["inputmode"]) for box in boxes] == [
        ("due_on_day", "numeric"),
        ("due_on_month", "numeric"),
        ("due_on_year", "numeric"),
    ]
    assert [page.select_one(f"label[for={box['id']}]").text for box in boxes] == [
        "Day",
        "Month",
        "Year",
    ]

    new_date = TODAY() + timedelta(days=40)
    response = client.post(
        url, {**_typed_date(new_date), "reason": "Off work for a month."}
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
        {**_typed("1", "1", "2020"), "reason": "   "},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error:" in body
    assert assert_error_summary_leads_to_inputs(body) == [
        ("id_due_on_0", "New due date must be today or in the future"),
        ("id_reason", "Give the reason for the new due date"),
    ]
    item.refresh_from_db()
    assert item.due_on == TODAY() + timedelta(days=5)


def _year_ahead() -> str:
    return str(TODAY().year + 1)


# What was typed, the message, the box the summary link leads to, the boxes shown red.
BAD_DATES = {
    "nothing": (
        lambda: _typed("", "", ""),
        "Enter the new due date",
        "id_due_on_0",
        {"day", "month", "year"},
    ),
    "only spaces": (
        lambda: _typed(" ", "  ", " "),
        "Enter the new due date",
        "id_due_on_0",
        {"day", "month", "year"},
    ),
    "no day": (
        lambda: _typed("", "3", _year_ahead()),
        "New due date must include a day",
        "id_due_on_0",
        {"day"},
    ),
    "no month": (
        lambda: _typed("14", "", _year_ahead()),
        "New due date must include a month",
        "id_due_on_1",
        {"month"},
    ),
    "no year": (
        lambda: _typed("14", "3", ""),
        "New due date must include a year",
        "id_due_on_2",
        {"year"},
    ),
    "no day and month": (
        lambda: _typed("", "", _year_ahead()),
        "New due date must include a day and month",
        "id_due_on_0",
        {"day", "month", "year"},
    ),
    "month 13": (
        lambda: _typed("14", "13", _year_ahead()),
        "New due date must be a real date",
        "id_due_on_1",
        {"month"},
    ),
    "day 32": (
        lambda: _typed("32", "3", _year_ahead()),
        "New due date must be a real date",
        "id_due_on_0",
        {"day"},
    ),
    "30 February": (
        lambda: _typed("30", "2", _year_ahead()),
        "New due date must be a real date",
        "id_due_on_0",
        {"day", "month", "year"},
    ),
    "words": (
        lambda: _typed("soon", "ish", "next"),
        "New due date must be a real date",
        "id_due_on_0",
        {"day", "month", "year"},
    ),
    "two-number year": (
        lambda: _typed("14", "3", _year_ahead()[2:]),
        "The year of the new due date must include 4 numbers",
        "id_due_on_2",
        {"year"},
    ),
    "five-number year": (
        lambda: _typed("1", "1", "99999"),
        "New due date must be a real date",
        "id_due_on_2",
        {"year"},
    ),
    "yesterday": (
        lambda: _typed_date(TODAY() - timedelta(days=1)),
        "New due date must be today or in the future",
        "id_due_on_0",
        {"day", "month", "year"},
    ),
    "the current date": (
        lambda: _typed_date(TODAY() + timedelta(days=5)),
        "New due date must be different from the current one",
        "id_due_on_0",
        {"day", "month", "year"},
    ),
}


@pytest.mark.parametrize("case", BAD_DATES.keys())
def test_a_bad_date_changes_nothing_and_says_what_to_fix(client, network, plan, case):
    typed, message, target, red = BAD_DATES[case]
    item = plan["soon"]
    client.force_login(network.lead)
    response = client.post(
        reverse("passport:change_due_date", args=[item.pk]),
        {**typed(), "reason": "Because."},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert assert_error_summary_leads_to_inputs(body) == [(target, message)]
    page = BeautifulSoup(body, "html.parser")
    group = page.select_one(".nhsuk-form-group--error")
    assert group.select_one(".nhsuk-error-message").get_text(" ", strip=True) == (
        f"Error: {message}"
    )
    assert "id_due_on-error" in group.select_one("fieldset")["aria-describedby"]
    boxes = group.select(".nhsuk-date-input__input")
    shown_red = {
        box["name"].removeprefix("due_on_")
        for box in boxes
        if "nhsuk-input--error" in box["class"]
    }
    assert shown_red == red
    sent = typed()
    assert [box.get("value", "") for box in boxes] == [
        sent[f"due_on_{part}"].strip() for part in ("day", "month", "year")
    ]
    item.refresh_from_db()
    assert item.due_on == TODAY() + timedelta(days=5)
    assert not AuditEvent.objects.filter(
        action="passport.plan_item_due_date_changed"
    ).exists()
    assert not Notification.objects.filter(recipient=network.trainee).exists()


def test_a_month_may_be_typed_as_a_name_with_leading_zeros_and_spaces(
    client, network, plan
):
    item = plan["soon"]
    new_date = TODAY() + timedelta(days=70)
    client.force_login(network.lead)
    response = client.post(
        reverse("passport:change_due_date", args=[item.pk]),
        {
            **_typed(
                f" {new_date.day:02d} ",
                f"{new_date:%b}".upper(),
                f"{new_date.year} ",
            ),
            "reason": "Because.",
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.due_on == new_date


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
        {**_typed_date(TODAY() + timedelta(days=9)), "reason": "Mine now."},
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
