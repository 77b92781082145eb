"""The matrix exports read back: the XLSX with openpyxl (title row with the filters
and the time it was made, column widths, frozen heading row, autofilter, status and
last valid day in separate columns), the CSV with the csv module."""

import csv
import io
from datetime import UTC, date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from academy.models import RevalidationKind
from passport.competences.services import award_competence, suspend_competence
from passport.competences.status import STATUS_WORDS, Status
from passport.matrix.exports import (
    HEADING_ROW,
    ExportHeading,
    matrix_table,
    matrix_xlsx,
)
from passport.matrix.queries import MatrixPerson, assemble_matrix
from tests.conftest import PASSWORD
from tests.factories.academy import (
    CompetencyFactory,
    OrganisationFactory,
    SpecialistAreaFactory,
    UserFactory,
)
from trainers import services as trainer_services

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 23)


@pytest.fixture
def org():
    home = OrganisationFactory(name="Northshire Teaching Hospitals")
    lead = UserFactory(
        organisation=home, roles=["Training lead"], full_name="Lead Person", band=7
    )
    trainer_services.appoint_training_lead(person=lead, organisation=home)
    aseptic = SpecialistAreaFactory()
    qc = SpecialistAreaFactory(code="QC", name="Quality control", slug="qc")
    gowning = CompetencyFactory(
        area=aseptic,
        code="ASP-90",
        title="Gowning",
        revalidation_kind=RevalidationKind.EVERY,
        revalidation_months=12,
    )
    testing = CompetencyFactory(area=qc, code="QC-90", title="Sterility testing")
    asha = UserFactory(
        organisation=home, full_name="Asha Adams", band=3, job_title="Technician"
    )
    ben = UserFactory(organisation=home, full_name="Ben Brown", band=4)
    asha_gowning = award_competence(
        holder=asha,
        competency=gowning,
        achieved_on=timezone.localdate(),
        evidence={},
        awarded_by=None,
    ).competence
    suspend_competence(
        competence=award_competence(
            holder=ben,
            competency=testing,
            achieved_on=timezone.localdate(),
            evidence={},
            awarded_by=None,
        ).competence,
        signed_by=lead,
        role="Training lead",
        reason="Failed validation",
        password=PASSWORD,
    )
    return {
        "home": home,
        "lead": lead,
        "qc": qc,
        "asha": asha,
        "ben": ben,
        "asha_gowning": asha_gowning,
    }


def _download(client, org, file_format, **filters):
    client.force_login(org["lead"])
    response = client.get(
        reverse("passport:matrix_export", args=[org["home"].pk, file_format]), filters
    )
    assert response.status_code == 200
    return response


def _sheet(response):
    return load_workbook(io.BytesIO(response.content)).active


def test_the_xlsx_names_its_organisation_filters_and_when_it_was_made(client, org):
    before = timezone.localtime()
    sheet = _sheet(_download(client, org, "xlsx", area=org["qc"].pk, band="4"))
    assert sheet["A1"].value == "Competence matrix: Northshire Teaching Hospitals"
    assert sheet["A1"].font.bold
    line = sheet["A2"].value
    assert line.startswith(
        "Filters: Specialist area: Quality control; Band: Band 4; "
        "Staff with a competency that is: Any status. Generated "
    )
    assert f"{before.day} {before:%B %Y} at " in line


def test_without_filters_the_title_says_all(client, org):
    sheet = _sheet(_download(client, org, "xlsx"))
    assert sheet["A2"].value.startswith(
        "Filters: Specialist area: All specialist areas; Band: All bands; "
        "Staff with a competency that is: Any status."
    )


def test_the_xlsx_table_has_widths_a_frozen_heading_and_an_autofilter(client, org):
    sheet = _sheet(_download(client, org, "xlsx"))
    headings = [cell.value for cell in sheet[HEADING_ROW]]
    assert headings == [
        "Name",
        "Job title",
        "Band",
        "ASP-90 Gowning: status",
        "ASP-90: last valid day",
        "QC-90 Sterility testing: status",
        "QC-90: last valid day",
    ]
    assert all(cell.font.bold for cell in sheet[HEADING_ROW])
    assert sheet.freeze_panes == f"B{HEADING_ROW + 1}"
    people = 3  # Asha, Ben and the lead
    assert sheet.auto_filter.ref == f"A{HEADING_ROW}:G{HEADING_ROW + people}"
    widths = {letter: sheet.column_dimensions[letter].width for letter in "ABCDEFG"}
    assert widths["A"] >= 25
    assert widths["B"] >= 30
    assert widths["D"] > widths["C"]
    assert all(width >= 10 for width in widths.values())


def test_status_and_last_valid_day_are_separate_cells(client, org):
    sheet = _sheet(_download(client, org, "xlsx"))
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=HEADING_ROW + 1)}
    asha, ben = rows["Asha Adams"], rows["Ben Brown"]
    assert asha[1].value == "Technician"
    assert asha[2].value == "Band 3"
    assert asha[3].value == STATUS_WORDS[Status.VALID].label
    expires_on = org["asha_gowning"].expires_on
    assert asha[4].value.date() == expires_on
    assert asha[4].is_date
    assert asha[4].number_format == "d mmm yyyy"
    assert ben[3].value == STATUS_WORDS[Status.NOT_HELD].label
    assert ben[4].value is None
    assert ben[5].value == STATUS_WORDS[Status.SUSPENDED].label


def test_formula_like_text_stays_text_in_every_row(client, org):
    org["home"].name = "=cmd|' /C calc'!A0"
    org["home"].save()
    org["asha"].full_name = "@SUM(A1:A9)"
    org["asha"].save()
    sheet = _sheet(_download(client, org, "xlsx"))
    assert sheet["A1"].value == "Competence matrix: =cmd|' /C calc'!A0"
    asha = next(
        row for row in sheet.iter_rows(min_row=HEADING_ROW + 1) if "SUM" in row[0].value
    )
    assert asha[0].value == "'@SUM(A1:A9)"
    assert asha[0].data_type == "s"


def test_an_organisation_name_that_starts_like_a_formula_is_made_safe():
    heading = ExportHeading(organisation="", filters=[])
    assert heading.title == "Competence matrix"
    matrix = assemble_matrix(people=[], competencies=[], held={}, today=TODAY)
    sheet = load_workbook(
        io.BytesIO(matrix_xlsx(matrix, heading=ExportHeading(organisation="=1+1")))
    ).active
    assert sheet["A1"].value == "Competence matrix: =1+1"
    assert sheet["A1"].data_type == "s"
    # An empty matrix still has a valid filter range: the heading row and one more.
    assert sheet.auto_filter.ref == f"A{HEADING_ROW}:C{HEADING_ROW + 1}"


def test_the_time_made_is_shown_in_local_time():
    made = datetime(2026, 7, 1, 11, 5, tzinfo=UTC)
    line = ExportHeading(filters=[("Band", "Band 4")], generated_at=made).description
    local = timezone.localtime(made)
    assert line == (
        f"Filters: Band: Band 4. Generated 1 July 2026 at {local:%H:%M} "
        f"{local.tzname()}."
    )


def test_the_csv_has_status_and_last_valid_day_in_separate_columns(client, org):
    content = _download(client, org, "csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0] == [
        "Name",
        "Job title",
        "Band",
        "ASP-90 Gowning: status",
        "ASP-90: last valid day",
        "QC-90 Sterility testing: status",
        "QC-90: last valid day",
    ]
    asha = next(row for row in rows if row[0] == "Asha Adams")
    assert asha[3:5] == ["Valid", org["asha_gowning"].expires_on.isoformat()]
    ben = next(row for row in rows if row[0] == "Ben Brown")
    assert ben[3:] == ["Not held", "", "Suspended", ""]


def test_matrix_table_writes_days_as_iso_dates_and_makes_text_safe():
    competency = CompetencyFactory.build(pk=1, code="ASP-91", title="Isolators")
    people = [MatrixPerson(pk=10, name="+Plus Person", job_title="", band=None)]
    held = {(10, 1): ("current", TODAY + timedelta(days=200), False)}
    matrix = assemble_matrix(
        people=people, competencies=[competency], held=held, today=TODAY
    )
    assert matrix_table(matrix) == [
        [
            "Name",
            "Job title",
            "Band",
            "ASP-91 Isolators: status",
            "ASP-91: last valid day",
        ],
        ["'+Plus Person", "", "No band", "Valid", "2027-06-11"],
    ]
