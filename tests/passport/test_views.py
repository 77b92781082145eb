from datetime import timedelta

from django.utils import timezone

from passport.models import TrainingPlan
from tests.factories.passport import TrainingPlanItemFactory
from trainers import services as network_services


def test_my_plan_shows_a_task_list_with_statuses(client, network):
    plan_item = TrainingPlanItemFactory(
        plan__trainee=network.trainee,
        competency=network.competency,
        due_on=timezone.localdate() - timedelta(days=1),
    )
    client.force_login(network.trainee)
    body = client.get("/passport/plan/").content.decode()
    assert "nhsuk-task-list" in body
    assert plan_item.competency.code in body
    assert "Overdue" in body


def test_assign_plan_page_is_404_for_those_who_may_not_plan(client, network):
    url = f"/passport/trainees/{network.trainee.pk}/plan/"
    for person in (network.trainer, network.trainee, network.far_lead, network.mentor):
        client.force_login(person)
        assert client.get(url).status_code == 404
    network_services.assign_trainer(
        trainer=network.trainer, trainee=network.trainee, assigned_by=network.lead
    )
    client.force_login(network.trainer)
    assert client.get(url).status_code == 200


def test_lead_assigns_plan_through_the_form(client, network):
    client.force_login(network.lead)
    url = f"/passport/trainees/{network.trainee.pk}/plan/"
    due = (timezone.localdate() + timedelta(days=60)).isoformat()
    response = client.post(url, {"area": network.aseptic.pk, "due_on": due})
    assert "Choose both the specialist area and the band" in response.content.decode()
    response = client.post(url, {"competencies": [999999], "due_on": due})
    assert "Choose competencies from the framework" in response.content.decode()
    response = client.post(url, {"area": network.aseptic.pk, "band": 3, "due_on": due})
    assert response.status_code == 302
    assert TrainingPlan.objects.get(trainee=network.trainee).items.count() >= 1


def test_trainee_record_plan_panel_queries_are_bounded(
    client, network, django_assert_max_num_queries
):
    client.force_login(network.lead)
    url = f"/network/trainees/{network.trainee.pk}/"
    item = TrainingPlanItemFactory(plan__trainee=network.trainee)
    client.get(url)  # fills per-process caches; the counts compare warm requests
    with django_assert_max_num_queries(30) as small:
        client.get(url)
    for _ in range(20):
        TrainingPlanItemFactory(plan=item.plan)
    with django_assert_max_num_queries(30) as large:
        client.get(url)
    assert len(large) == len(small)
