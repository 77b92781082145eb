"""Scale step: what the workforce dashboards count beyond competences and attempts,
so the nightly refresh writes as many summary rows as a national deployment would:
the questions answered in each attempt (the knowledge gaps, by competency), a
training plan of four items a trainee (some overdue), an assessor accreditation a
trainer, and one apprentice in 50 trainees with off-the-job hours and reviews."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from academy.models import Band, Competency
from apprenticeships.models import (
    Apprenticeship,
    ApprenticeshipStandard,
    OffTheJobEntry,
    ProgressReview,
)
from assessments.models import Attempt, AttemptAnswer, Question
from passport.models import TrainingPlan, TrainingPlanItem
from trainers.models import Accreditation

from .bulk import insert_rows
from .people import scale_trainees, scale_trainers
from .plan import ScalePlan

ANSWERS_PER_ATTEMPT = 5
PLAN_ITEMS = 4
ONE_APPRENTICE_IN = 50


def _answers() -> int:
    """Five questions of the demo banks an attempt, each marked for its competency;
    about one answer in four is wrong."""
    questions = list(
        Question.objects.filter(competency__isnull=False)
        .order_by("pk")
        .values_list("pk", "competency_id", "topic")
    )
    attempts = (
        Attempt.objects.filter(trainee__in=scale_trainees())
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    rows = (
        (attempt, *questions[(attempt * 7 + n) % len(questions)], (attempt + n) % 4 > 0)
        for attempt in attempts.iterator()
        for n in range(ANSWERS_PER_ATTEMPT)
    )
    fields = ("attempt_id", "question_id", "competency_id", "topic", "correct")
    return insert_rows(
        AttemptAnswer, fields=(*fields, "wrong_choices"), rows=((*r, []) for r in rows)
    )


def _plans(now) -> int:
    """Four items a trainee, due over the two years around today."""
    today = timezone.localdate()
    trainees = list(scale_trainees().values_list("pk", flat=True))
    insert_rows(
        TrainingPlan,
        fields=("trainee_id", "created_at"),
        rows=((pk, now - timedelta(days=400)) for pk in trainees),
    )
    plans = dict(
        TrainingPlan.objects.filter(trainee__in=trainees).values_list("trainee", "pk")
    )
    competencies = list(
        Competency.objects.filter(live=True)
        .order_by("code")
        .values_list("pk", flat=True)
    )

    def items():
        for position, trainee in enumerate(trainees):
            for n in range(PLAN_ITEMS):
                due = today + timedelta(days=(position * 13 + n * 97) % 730 - 365)
                done = n == 0 and due < today
                yield (
                    plans[trainee],
                    competencies[(position + n * 7) % len(competencies)],
                    due,
                    now - timedelta(days=400),
                    now - timedelta(days=365 - (position % 300)) if done else None,
                    False,
                )

    return insert_rows(
        TrainingPlanItem,
        fields=(
            "plan_id",
            "competency_id",
            "due_on",
            "added_at",
            "completed_at",
            "is_revalidation",
        ),
        rows=items(),
    )


def _accreditations(now) -> int:
    """Each trainer accredited for two years, starting at different times."""
    today = timezone.localdate()
    return insert_rows(
        Accreditation,
        fields=(
            "person_id",
            "band_from",
            "band_to",
            "starts_on",
            "expires_on",
            "granted_by_id",
            "granted_at",
            "reason",
        ),
        rows=(
            (
                pk,
                Band.BAND_2,
                Band.BAND_8A,
                today - timedelta(days=(n * 11) % 700),
                today - timedelta(days=(n * 11) % 700) + timedelta(days=730),
                pk,
                now,
                "Scale data",
            )
            for n, pk in enumerate(scale_trainers().values_list("pk", flat=True))
        ),
    )


def _apprenticeships(now) -> int:
    """One trainee in 50 an apprentice on the first standard, started up to 20
    months ago, with a day's training every week (a short one for some: behind on
    hours) and a review every ten weeks (none for some: overdue)."""
    today = timezone.localdate()
    standard = ApprenticeshipStandard.objects.order_by("pk").first()
    coach = scale_trainers().values_list("pk", flat=True).first()
    if standard is None or coach is None:
        return 0
    apprentices = list(
        scale_trainees().values_list("pk", "organisation_id")[::ONE_APPRENTICE_IN]
    )
    insert_rows(
        Apprenticeship,
        fields=(
            "apprentice_id",
            "standard_id",
            "employer_id",
            "training_provider",
            "employer_representative_id",
            "provider_representative_id",
            "start_date",
            "planned_end_date",
            "created_at",
        ),
        rows=(
            (
                pk,
                standard.pk,
                organisation,
                "Scale Training Provider",
                coach,
                coach,
                today - timedelta(days=30 + (n * 37) % 600),
                today - timedelta(days=30 + (n * 37) % 600) + timedelta(days=730),
                now,
            )
            for n, (pk, organisation) in enumerate(apprentices)
        ),
    )
    started = list(
        Apprenticeship.objects.filter(apprentice__in=[pk for pk, _ in apprentices])
        .order_by("pk")
        .values_list("pk", "start_date")
    )
    insert_rows(
        OffTheJobEntry,
        fields=(
            "apprenticeship_id",
            "activity",
            "on_date",
            "hours",
            "off_the_job",
            "recorded_by_id",
            "recorded_at",
        ),
        rows=(
            (pk, "College day", day, Decimal(7 if n % 3 else 3), True, coach, now)
            for n, (pk, start) in enumerate(started)
            for day in (start + timedelta(weeks=w) for w in range(90))
            if day <= today
        ),
    )
    insert_rows(
        ProgressReview,
        fields=(
            "apprenticeship_id",
            "held_on",
            "progress",
            "next_steps",
            "recorded_by_id",
            "recorded_at",
        ),
        rows=(
            (pk, day, "On plan.", "Carry on.", coach, now)
            for n, (pk, start) in enumerate(started)
            if n % 4
            for day in (start + timedelta(weeks=w) for w in range(10, 90, 10))
            if day <= today
        ),
    )
    return len(started)


def create_workforce_records(plan: ScalePlan) -> int:
    """Returns the rows created."""
    now = timezone.now()
    return _answers() + _plans(now) + _accreditations(now) + _apprenticeships(now)
