"""The home page runs a bounded number of queries whatever the size of the data: for
the demo trainee, and for a person holding every role, on the demo alone and again
after the scale generator (`manage.py generate_scale_data`) has added many trainees,
and the person's own trainees, staff, mentees, requests and plan items have grown.

The scale defaults to 1,000 trainees; ACADEMY_HOME_SCALE_TRAINEES=10000 runs it at
the reference size (slow on SQLite)."""

import os
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from academy.models import Competency, Organisation, User
from bench.scale_data import STEPS, ScalePlan
from bench.scale_data.people import scale_trainees, scale_trainers
from courses.models import LessonPage, ModulePage
from courses.services import complete_lesson
from passport.models import TrainingPlan, TrainingPlanItem
from tests.factories.passport import TrainingPlanItemFactory
from trainers.models import Accreditation, Mentorship, MentorshipStatus, Supervision
from trainers.services import appoint_training_lead

pytestmark = pytest.mark.django_db

SCALE_TRAINEES = int(os.environ.get("ACADEMY_HOME_SCALE_TRAINEES", "1000"))
EVERY_ROLE = [
    "Trainee",
    "Trainer",
    "Mentor",
    "Training lead",
    "TSET editor",
    "TSET moderator",
]
# What a signed-in home page may cost at most, whatever the data: the session, the
# person, their roles and unread count, the page, and each panel's few queries.
TRAINEE_CEILING = 35
EVERY_ROLE_CEILING = 80


def home_queries(client, person: User) -> int:
    client.force_login(person)
    client.get("/")  # warm: the site root and catalogue address are cached
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/")
    assert response.status_code == 200
    return len(captured)


def every_role(person: User) -> User:
    """The demo trainer, also trainee, mentor, lead of their trust and of the demo
    apprentice's, editor, moderator and administrator, with a plan and a module in progress of their own."""
    person.groups.add(*Group.objects.filter(name__in=EVERY_ROLE))
    person.is_superuser = True
    person.save()
    appoint_training_lead(person=person, organisation=person.organisation)
    # And of Eastfield, whose apprentice the apprentices panel lists.
    appoint_training_lead(
        person=person, organisation=Organisation.objects.get(name__contains="Eastfield")
    )
    TrainingPlanItemFactory(
        plan__trainee=person,
        competency=Competency.objects.filter(live=True).first(),
        due_on=timezone.localdate() - timedelta(days=3),
    )
    # Part way through a module, as the demo trainee is: every panel has rows.
    complete_lesson(person, lesson=LessonPage.objects.live().order_by("path").first())
    return User.objects.get(pk=person.pk)


def grow(person: User, trainee: User) -> None:
    """The scale generator's steps, then the person's own share of the growth."""
    plan = ScalePlan.for_trainees(SCALE_TRAINEES, modules=30, lessons_per_module=2)
    for _, step in STEPS:
        step(plan)
    today = timezone.localdate()
    trainees = list(scale_trainees())
    Supervision.objects.bulk_create(
        Supervision(trainer=person, trainee=t, starts_on=today, assigned_by=person)
        for t in trainees
    )
    for organisation in Organisation.objects.filter(ods_code__startswith="SC"):
        appoint_training_lead(person=person, organisation=organisation)
    # The scale generator gives some trainees a plan already.
    planned = set(
        TrainingPlan.objects.filter(trainee__in=trainees).values_list(
            "trainee", flat=True
        )
    )
    TrainingPlan.objects.bulk_create(
        TrainingPlan(trainee=t) for t in trainees if t.pk not in planned
    )
    competencies = list(Competency.objects.filter(live=True)[:3])
    TrainingPlanItem.objects.bulk_create(
        TrainingPlanItem(
            plan=plan_,
            competency=competency,
            added_by=person,
            due_on=today + timedelta(days=offset),
        )
        for plan_ in TrainingPlan.objects.filter(trainee__in=trainees).exclude(
            trainee__in=planned
        )
        for competency, offset in zip(competencies, (-10, 5, 90), strict=True)
    )
    Accreditation.objects.bulk_create(
        Accreditation(
            person=trainer,
            starts_on=today - timedelta(days=300),
            expires_on=today + timedelta(days=20),
            granted_by=person,
            reason="Scale data.",
        )
        for trainer in scale_trainers()
    )
    Mentorship.objects.bulk_create(
        Mentorship(
            mentor=person,
            mentee=t,
            status=(MentorshipStatus.REQUESTED, MentorshipStatus.ACTIVE)[n % 2],
            message="Scale data.",
        )
        for n, t in enumerate(trainees[:200])
    )
    # The trainee's and the person's own learning and plans grow too.
    for learner in (trainee, person):
        for module in ModulePage.objects.live().filter(slug__startswith="scale-")[:3]:
            for lesson in LessonPage.objects.live().child_of(module)[:1]:
                complete_lesson(learner, lesson=lesson.specific)
        plan_, _ = TrainingPlan.objects.get_or_create(trainee=learner)
        held = set(plan_.items.values_list("competency_id", flat=True))
        TrainingPlanItem.objects.bulk_create(
            TrainingPlanItem(
                plan=plan_,
                competency=competency,
                added_by=person,
                due_on=today + timedelta(days=n % 40 - 10),
            )
            for n, competency in enumerate(Competency.objects.filter(live=True))
            if competency.pk not in held
        )


def test_the_home_page_runs_a_bounded_number_of_queries_at_any_size(
    client, demo_data, django_assert_max_num_queries
):
    trainee = User.objects.get(email="trainee@academy.example")
    person = every_role(User.objects.get(email="trainer@academy.example"))
    small = {
        "trainee": home_queries(client, trainee),
        "every role": home_queries(client, person),
    }
    assert small["trainee"] <= TRAINEE_CEILING, small
    assert small["every role"] <= EVERY_ROLE_CEILING, small

    grow(person, trainee)
    assert scale_trainees().count() == SCALE_TRAINEES

    for name, someone in (("trainee", trainee), ("every role", person)):
        client.force_login(someone)
        client.get("/")
        with django_assert_max_num_queries(small[name]):
            response = client.get("/")
        assert response.status_code == 200
    page = response.content.decode()
    for heading in ("Your learning", "Your trainees", "Your organisation"):
        assert heading in page
