import pytest

from academy.models import User
from passport.models import TrainingPlan
from trainers.models import Accreditation, Mentorship, Supervision
from trainers.permissions import can_manage_organisation, can_view_trainee_record


@pytest.fixture
def people(demo_data):
    return {
        p.email.split("@")[0]: p for p in User.objects.select_related("organisation")
    }


def test_demo_network_is_loaded_and_idempotent(people, settings):
    from django.core.management import call_command

    counts = (
        Supervision.objects.count(),
        Accreditation.objects.count(),
        Mentorship.objects.count(),
        TrainingPlan.objects.count(),
    )
    settings.DEBUG = True
    call_command("load_demo", verbosity=0)
    assert counts == (
        Supervision.objects.count(),
        Accreditation.objects.count(),
        Mentorship.objects.count(),
        TrainingPlan.objects.count(),
    )
    # Two plans assigned by leads, three the revalidation scan (run by the demo) made
    # for people whose competences expire, with the revalidation in them, and the
    # twelve of Westmoor's cohort (the regional dashboards' figures).
    assert counts == (2, 1, 1, 17)
    assert (
        TrainingPlan.objects.filter(items__is_revalidation=True).distinct().count() >= 3
    )
    assert can_manage_organisation(people["lead"], people["trainee"].organisation)
    assert not can_manage_organisation(people["lead"], people["trainee2"].organisation)
    assert can_view_trainee_record(people["trainer"], people["trainee2"])
    assert can_view_trainee_record(people["mentor"], people["trainee"])
    assert not can_view_trainee_record(people["mentor"], people["trainee2"])


@pytest.mark.parametrize(
    ("email", "url"),
    [
        ("trainer", "/network/trainer/"),
        ("mentor", "/network/mentoring/"),
        ("trainee", "/passport/plan/"),
        ("trainee", "/network/directory/"),
        ("trainee", "/network/directory/my-entry/"),
        ("lead", "/network/organisation/"),
    ],
)
def test_demo_pages_render(people, client, email, url):
    client.force_login(people[email])
    response = client.get(url, follow=True)
    assert response.status_code == 200
