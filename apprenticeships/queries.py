"""Reads of apprenticeships: the training log with Academy learning counted, hours
against the minimum, the next review due, progress per KSB, and the provider's CSV."""

import csv
import io
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import DecimalField, OuterRef, Subquery, Sum
from django.utils import timezone

from academy.spreadsheets import safe_cell
from apprenticeships import rules
from apprenticeships.models import Apprenticeship, OffTheJobEntry, ProgressReview
from courses.models import Enrolment
from passport.models import Competence, CompetenceStatus

HELD = (CompetenceStatus.CURRENT, CompetenceStatus.EXPIRING)


@dataclass(frozen=True)
class LogLine:
    on_date: date
    activity: str
    hours: Decimal
    off_the_job: bool
    from_academy: bool


@dataclass(frozen=True)
class Hours:
    logged_off_the_job: Decimal
    academy: Decimal
    minimum: Decimal
    expected_now: Decimal
    rule: str

    @property
    def total(self) -> Decimal:
        return self.logged_off_the_job + self.academy

    @property
    def on_track(self) -> bool:
        return self.total >= self.expected_now


def academy_learning(apprenticeship: Apprenticeship, *, today: date) -> list[LogLine]:
    """Academy modules the apprentice completed since the start: off-the-job
    training counted at each module's estimated time."""
    enrolments = Enrolment.objects.filter(
        trainee_id=apprenticeship.apprentice_id,
        completed_at__date__gte=apprenticeship.start_date,
        completed_at__date__lte=today,
    ).select_related("module")
    return [
        LogLine(
            on_date=enrolment.completed_at.date(),
            activity=f"Academy module: {enrolment.module.title}",
            hours=rules.module_hours(enrolment.module.estimated_minutes),
            off_the_job=True,
            from_academy=True,
        )
        for enrolment in enrolments
    ]


def training_log(apprenticeship: Apprenticeship, *, today: date) -> list[LogLine]:
    """Every line of the log, the newest first."""
    lines = [
        LogLine(e.on_date, e.activity, e.hours, e.off_the_job, False)
        for e in apprenticeship.log_entries.all()
    ] + academy_learning(apprenticeship, today=today)
    return sorted(lines, key=lambda line: line.on_date, reverse=True)


def hours_for(apprenticeship: Apprenticeship, *, today: date) -> Hours:
    logged = apprenticeship.log_entries.filter(off_the_job=True).aggregate(
        total=Sum("hours")
    )["total"] or Decimal(0)
    academy = sum(
        (line.hours for line in academy_learning(apprenticeship, today=today)),
        Decimal(0),
    )
    return _hours(apprenticeship, logged=logged, academy=academy, today=today)


def _hours(
    apprenticeship: Apprenticeship, *, logged: Decimal, academy: Decimal, today: date
) -> Hours:
    start, end = apprenticeship.start_date, apprenticeship.planned_end_date
    minimum = rules.minimum_hours(
        start=start,
        planned_end=end,
        standard_minimum=apprenticeship.standard.otj_minimum_hours,
    )
    return Hours(
        logged_off_the_job=logged,
        academy=academy,
        minimum=minimum,
        expected_now=rules.expected_by(
            start=start, planned_end=end, total_minimum=minimum, today=today
        ),
        rule=rules.rule_set_for(start).name,
    )


def hours_logged_on(apprenticeship: Apprenticeship, on_date: date) -> Decimal:
    """Hours already in the log for one day, on or off the job."""
    return apprenticeship.log_entries.filter(on_date=on_date).aggregate(
        total=Sum("hours")
    )["total"] or Decimal(0)


def last_review(apprenticeship: Apprenticeship) -> ProgressReview | None:
    return apprenticeship.reviews.order_by("-held_on").first()


def next_review_window(apprenticeship: Apprenticeship) -> tuple[date, date]:
    last = last_review(apprenticeship)
    return rules.next_review_window(
        start=apprenticeship.start_date, last_review=last.held_on if last else None
    )


@dataclass(frozen=True)
class KSBProgress:
    code: str
    kind: str
    text: str
    competencies: list[str]
    held: int
    mapped: int


def ksb_progress(apprenticeship: Apprenticeship, *, today: date) -> list[KSBProgress]:
    """Each KSB of the standard with the mapped competencies the apprentice holds
    now (current or expiring, not past their last valid day)."""
    held = set(
        Competence.objects.filter(
            holder_id=apprenticeship.apprentice_id, status__in=HELD
        )
        .exclude(expires_on__lt=today)
        .values_list("competency_id", flat=True)
    )
    progress = []
    for ksb in apprenticeship.standard.ksbs.prefetch_related("competencies"):
        competencies = list(ksb.competencies.all())
        got, mapped = rules.ksb_progress({c.pk for c in competencies}, held)
        progress.append(
            KSBProgress(
                code=ksb.code,
                kind=ksb.get_kind_display(),
                text=ksb.text,
                competencies=[
                    f"{c.code} {c.title}" + (" (held)" if c.pk in held else "")
                    for c in competencies
                ],
                held=got,
                mapped=mapped,
            )
        )
    return progress


@dataclass(frozen=True)
class ApprenticeRow:
    apprenticeship: Apprenticeship
    hours: Hours
    next_review_from: date
    next_review_by: date


def apprentice_rows(apprenticeships, *, today: date) -> list[ApprenticeRow]:
    """Each apprenticeship with its hours and next review, in four queries however
    many apprentices there are (a lead's list, the home panel, the provider's CSV)."""
    logged = (
        OffTheJobEntry.objects.filter(apprenticeship=OuterRef("pk"), off_the_job=True)
        .order_by()
        .values("apprenticeship")
        .annotate(total=Sum("hours"))
        .values("total")
    )
    last_review = (
        ProgressReview.objects.filter(apprenticeship=OuterRef("pk"))
        .order_by("-held_on")
        .values("held_on")[:1]
    )
    apprenticeships = list(
        apprenticeships.select_related("apprentice", "standard", "employer").annotate(
            logged_off_the_job=Subquery(logged, output_field=DecimalField()),
            last_review_on=Subquery(last_review),
        )
    )
    completed = defaultdict(list)
    for trainee, completed_at, minutes in Enrolment.objects.filter(
        trainee__in={a.apprentice_id for a in apprenticeships},
        completed_at__date__lte=today,
    ).values_list("trainee", "completed_at", "module__estimated_minutes"):
        completed[trainee].append((timezone.localdate(completed_at), minutes))
    rows = []
    for apprenticeship in apprenticeships:
        academy = sum(
            (
                rules.module_hours(minutes)
                for on, minutes in completed[apprenticeship.apprentice_id]
                if on >= apprenticeship.start_date
            ),
            Decimal(0),
        )
        hours = _hours(
            apprenticeship,
            logged=apprenticeship.logged_off_the_job or Decimal(0),
            academy=academy,
            today=today,
        )
        earliest, latest = rules.next_review_window(
            start=apprenticeship.start_date, last_review=apprenticeship.last_review_on
        )
        rows.append(ApprenticeRow(apprenticeship, hours, earliest, latest))
    return rows


CSV_HEADINGS = [
    "Apprentice",
    "Employer",
    "Training provider",
    "Standard",
    "Version",
    "Start date",
    "Planned end date",
    "Gateway date",
    "Off-the-job hours logged",
    "Academy learning hours",
    "Total off-the-job hours",
    "Minimum hours",
    "Expected by today",
    "Next review due by",
]


def provider_csv(apprenticeships, *, today: date) -> str:
    """One row per apprentice, every cell safe to open in a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADINGS)
    for row in apprentice_rows(apprenticeships, today=today):
        a, hours = row.apprenticeship, row.hours
        writer.writerow(
            [
                safe_cell(value)
                for value in (
                    a.apprentice.full_name,
                    a.employer.name,
                    a.training_provider,
                    f"{a.standard.code} {a.standard.title}",
                    a.standard.version,
                    a.start_date.isoformat(),
                    a.planned_end_date.isoformat(),
                    a.gateway_date.isoformat() if a.gateway_date else "",
                    *map(
                        rules.hours_text,
                        (
                            hours.logged_off_the_job,
                            hours.academy,
                            hours.total,
                            hours.minimum,
                            hours.expected_now,
                        ),
                    ),
                    row.next_review_by.isoformat(),
                )
            ]
        )
    return out.getvalue()
