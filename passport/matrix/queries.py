"""The competence matrix of an organisation: its staff against the framework.

The grid is built in Python from a fixed number of queries (competencies, staff and
their competences), whatever the size of the organisation.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone

from academy.models import Band, Competency, Organisation, SpecialistArea, User
from passport.competences.status import (
    EXPIRING_WITHIN_DAYS,
    STATUS_WORDS,
    Status,
    competence_status,
)
from passport.models import Competence


@dataclass(frozen=True)
class MatrixCell:
    status: str
    label: str
    colour: str
    expires_on: date | None = None

    @property
    def expiry_label(self) -> str:
        """The last day, short enough for a cell: "3 Nov 2026"."""
        return (
            f"{self.expires_on.day} {self.expires_on:%b %Y}" if self.expires_on else ""
        )


NOT_HELD_CELL = MatrixCell(
    status=Status.NOT_HELD,
    label=STATUS_WORDS[Status.NOT_HELD].label,
    colour=STATUS_WORDS[Status.NOT_HELD].colour,
)


@dataclass(frozen=True)
class MatrixPerson:
    pk: int
    name: str
    job_title: str
    band: int | None

    @property
    def band_label(self) -> str:
        return Band(self.band).label if self.band else "No band"


@dataclass
class MatrixRow:
    person: MatrixPerson
    cells: list[MatrixCell]


@dataclass(frozen=True)
class StatusCount:
    status: str
    label: str
    colour: str
    count: int


@dataclass
class Matrix:
    competencies: list[Competency]
    rows: list[MatrixRow]
    counts: list[StatusCount] = field(default_factory=list)


def assemble_matrix(
    *,
    people: list[MatrixPerson],
    competencies: list[Competency],
    held: dict[tuple[int, int], tuple[str, date | None, bool]],
    today: date,
    status: str | None = None,
) -> Matrix:
    """One row per person and one cell per competency; with a status chosen, only the
    people with at least one competency in that status. Counts cover the rows shown."""
    # Cells are immutable, so people with the same status and expiry share one.
    shared_cells: dict[tuple[str, date | None, bool], MatrixCell] = {}

    def cell_for(found: tuple[str, date | None, bool]) -> MatrixCell:
        cell = shared_cells.get(found)
        if cell is None:
            stored, expires_on, under_review = found
            cell_status = competence_status(
                stored, expires_on=expires_on, today=today, under_review=under_review
            )
            cell = shared_cells[found] = MatrixCell(
                status=cell_status,
                label=STATUS_WORDS[cell_status].label,
                colour=STATUS_WORDS[cell_status].colour,
                expires_on=expires_on,
            )
        return cell

    competency_ids = [competency.pk for competency in competencies]
    rows = []
    for person in people:
        cells = [
            NOT_HELD_CELL if found is None else cell_for(found)
            for found in (held.get((person.pk, pk)) for pk in competency_ids)
        ]
        if status is None or any(cell.status == status for cell in cells):
            rows.append(MatrixRow(person=person, cells=cells))
    tally = Counter(cell.status for row in rows for cell in row.cells)
    counts = [
        StatusCount(
            status=key, label=words.label, colour=words.colour, count=tally[key]
        )
        for key, words in STATUS_WORDS.items()
    ]
    return Matrix(competencies=competencies, rows=rows, counts=counts)


def organisation_matrix(
    *,
    organisation: Organisation,
    area: SpecialistArea | None = None,
    band: int | None = None,
    status: str | None = None,
    today: date | None = None,
) -> Matrix:
    """The matrix of the organisation's active staff against the live competencies,
    optionally only one specialist area, one band, or people with one status."""
    competencies = Competency.objects.filter(live=True).select_related("area")
    staff = User.objects.filter(organisation=organisation, is_active=True)
    if area is not None:
        competencies = competencies.filter(area=area)
    if band is not None:
        staff = staff.filter(band=band)
    competencies = list(
        competencies.order_by("area__sort_order", "code").only(
            "code", "title", "area__name", "area__sort_order"
        )
    )
    people = [
        MatrixPerson(pk=pk, name=name, job_title=job_title, band=person_band)
        for pk, name, job_title, person_band in staff.order_by(
            "full_name", "pk"
        ).values_list("pk", "full_name", "job_title", "band")
    ]
    held = {
        (holder_id, competency_id): (competence_status, expires_on, under_review)
        for holder_id, competency_id, competence_status, expires_on, under_review in (
            Competence.objects.filter(
                holder__in=staff, competency__in=[c.pk for c in competencies]
            )
            .order_by()
            .values_list(
                "holder_id", "competency_id", "status", "expires_on", "under_review"
            )
        )
    }
    return assemble_matrix(
        people=people,
        competencies=competencies,
        held=held,
        today=today or timezone.localdate(),
        status=status,
    )


def expiry_counts(organisations, *, today: date | None = None) -> Counter:
    """How many competences of these organisations' active staff are expiring soon
    and expired today, by the one status rule, keyed by `Status`; one query."""
    today = today or timezone.localdate()
    return Counter(
        competence_status(
            stored, expires_on=expires_on, today=today, under_review=under_review
        )
        for stored, expires_on, under_review in Competence.objects.filter(
            holder__organisation__in=organisations,
            holder__is_active=True,
            expires_on__lte=today + timedelta(days=EXPIRING_WITHIN_DAYS),
        ).values_list("status", "expires_on", "under_review")
    )
