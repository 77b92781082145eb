import io
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from academy.models import Organisation
from assessments.models import Attempt
from bench.scale_data import ScalePlan, scale_people
from bench.scale_data.competences import status_on
from courses.models import Enrolment, LessonPage, LessonProgress, ModulePage
from passport.models import Certificate, Competence, CompetenceEvent, CompetenceStatus
from trainers.models import Supervision, TraineeRecord, TraineeRecordUserPermission


def test_plan_at_the_reference_size():
    plan = ScalePlan.for_trainees(10_000)
    assert (plan.organisations, plan.trainers) == (50, 300)
    assert (plan.modules, plan.lessons) == (100, 800)
    assert plan.progress_rows == 1_000_000
    assert plan.trainees * plan.attempts_per_trainee == 200_000
    assert plan.trainees * plan.competences_per_trainee == 50_000
    assert plan.object_permissions == 200_000


def test_plan_scales_people_and_keeps_the_catalogue():
    plan = ScalePlan.for_trainees(1_000)
    assert (plan.organisations, plan.trainers, plan.lessons) == (5, 30, 800)
    assert plan.progress_rows == 100_000
    tiny = ScalePlan.for_trainees(3, modules=30, lessons_per_module=2)
    assert (tiny.organisations, tiny.trainers, tiny.supervisions_per_trainee) == (
        1,
        1,
        1,
    )
    assert tiny.progress_per_trainee == 60
    with pytest.raises(ValueError, match="at least one trainee"):
        ScalePlan.for_trainees(0)


def test_status_on_the_day():
    today = date(2026, 11, 23)
    assert status_on(today, None) == CompetenceStatus.CURRENT
    assert status_on(today, date(2027, 6, 1)) == CompetenceStatus.CURRENT
    assert status_on(today, date(2026, 12, 1)) == CompetenceStatus.EXPIRING
    assert status_on(today, date(2026, 11, 22)) == CompetenceStatus.EXPIRED


@pytest.mark.django_db
def test_generates_every_table_in_proportion(settings):
    settings.DEBUG = True
    out = io.StringIO()
    call_command(
        "generate_scale_data",
        "--trainees=40",
        "--modules=30",
        "--lessons-per-module=2",
        stdout=out,
    )
    plan = ScalePlan.for_trainees(40, modules=30, lessons_per_module=2)
    trainees = scale_people().filter(email__startswith="trainee")
    assert trainees.count() == 40
    assert scale_people().filter(email__startswith="trainer").count() == plan.trainers
    assert Organisation.objects.filter(ods_code__startswith="SC").count() == 1
    assert ModulePage.objects.live().count() == 30
    for module in ModulePage.objects.live():
        assert LessonPage.objects.live().child_of(module).count() >= 2
    assert not LessonPage.objects.filter(live_revision__isnull=True).exists()
    assert LessonProgress.objects.filter(trainee__in=trainees).count() == 40 * 60
    assert Enrolment.objects.filter(trainee__in=trainees).exclude(completed_at=None)
    assert Attempt.objects.filter(trainee__in=trainees).count() == 40 * 20
    assert Competence.objects.filter(holder__in=trainees).count() == 40 * 5
    assert CompetenceEvent.objects.filter(competence__holder__in=trainees).count() == (
        40 * 5
    )
    certificates = Certificate.objects.filter(event__competence__holder__in=trainees)
    assert certificates.count() == 40 * 5
    assert not certificates.filter(number=None).exists()
    first = certificates.order_by("pk").first()
    assert first.number == f"TSA-{first.issued_at.year}-{first.pk:06d}"
    assert not certificates.exclude(sha256="").exists()
    assert TraineeRecord.objects.filter(trainee__in=trainees).count() == 40
    assert Supervision.objects.filter(trainee__in=trainees).count() == plan.supervisions
    assert TraineeRecordUserPermission.objects.filter(
        content_object__trainee__in=trainees
    ).count() == (plan.object_permissions)
    for label in ("trainers and trainees", "lesson completions", "object permissions"):
        assert label in out.getvalue()

    with pytest.raises(CommandError, match="already holds a scale dataset"):
        call_command("generate_scale_data", "--trainees=40", stdout=io.StringIO())
