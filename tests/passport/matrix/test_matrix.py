"""The competence matrix: building the grid, the page, its filters and its exports."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from academy.models import AuditEvent, RevalidationKind
from passport.competences.services import award_competence, suspend_competence
from passport.matrix.exports import HEADING_ROW
from passport.matrix.policies import may_open_staff_records
from passport.matrix.queries import MatrixPerson, assemble_matrix, organisation_matrix
from passport.models import CompetenceStatus
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


def award(holder, competency, *, achieved_on=None):
    return award_competence(
        holder=holder,
        competency=competency,
        achieved_on=achieved_on or timezone.localdate(),
        evidence={},
        awarded_by=None,
    ).competence


def test_grid_marks_every_cell_and_counts_each_status():
    first, second = CompetencyFactory.build(pk=1), CompetencyFactory.build(pk=2)
    people = [
        MatrixPerson(pk=10, name="Asha", job_title="", band=3),
        MatrixPerson(pk=11, name="Ben", job_title="", band=4),
    ]
    held = {
        (10, 1): ("current", TODAY + timedelta(days=300), False),
        (10, 2): ("current", TODAY + timedelta(days=10), False),
        (11, 1): ("suspended", None, False),
        (12, 2): ("current", TODAY + timedelta(days=300), True),
    }
    people.append(MatrixPerson(pk=12, name="Cara", job_title="", band=5))
    matrix = assemble_matrix(
        people=people, competencies=[first, second], held=held, today=TODAY
    )
    assert [[c.label for c in row.cells] for row in matrix.rows] == [
        ["Valid", "Expiring soon"],
        ["Suspended", "Not held"],
        ["Not held", "Under review"],
    ]
    counts = {count.status: count.count for count in matrix.counts}
    assert counts == {
        "not_held": 2,
        "current": 1,
        "expiring": 1,
        "expired": 0,
        "suspended": 1,
        "revoked": 0,
        "under_review": 1,
    }
    only_suspended = assemble_matrix(
        people=people,
        competencies=[first, second],
        held=held,
        today=TODAY,
        status="suspended",
    )
    assert [row.person.name for row in only_suspended.rows] == ["Ben"]


class StaffedOrganisation:
    """A training lead's organisation with staff and competences in several states."""

    def __init__(self):
        self.home = OrganisationFactory()
        self.lead = UserFactory(
            organisation=self.home,
            roles=["Training lead"],
            full_name="Lead Person",
            band=7,
        )
        trainer_services.appoint_training_lead(person=self.lead, organisation=self.home)
        self.aseptic = SpecialistAreaFactory()
        self.qc = SpecialistAreaFactory(code="QC", name="Quality control", slug="qc")
        self.gowning = CompetencyFactory(
            area=self.aseptic,
            revalidation_kind=RevalidationKind.EVERY,
            revalidation_months=12,
        )
        self.testing = CompetencyFactory(area=self.qc, code="QC-90")
        self.asha = UserFactory(organisation=self.home, full_name="Asha Adams", band=3)
        self.ben = UserFactory(organisation=self.home, full_name="Ben Brown", band=4)
        award(self.asha, self.gowning)
        suspend_competence(
            competence=award(self.ben, self.testing),
            signed_by=self.lead,
            role="Training lead",
            reason="Failed validation",
            password=PASSWORD,
        )
        self.outsider = UserFactory(full_name="Olive Outsider")
        award(self.outsider, self.gowning)


@pytest.fixture
def org():
    return StaffedOrganisation()


def test_matrix_holds_only_the_organisations_active_staff(org):
    org.asha.is_active = False
    org.asha.save()
    matrix = organisation_matrix(organisation=org.home)
    assert [row.person.name for row in matrix.rows] == ["Ben Brown", "Lead Person"]


def test_matrix_filters_by_area_band_and_status(org):
    by_area = organisation_matrix(organisation=org.home, area=org.qc)
    assert [c.code for c in by_area.competencies] == ["QC-90"]
    by_band = organisation_matrix(organisation=org.home, band=3)
    assert [row.person.name for row in by_band.rows] == ["Asha Adams"]
    by_status = organisation_matrix(
        organisation=org.home, status=CompetenceStatus.SUSPENDED
    )
    assert [row.person.name for row in by_status.rows] == ["Ben Brown"]


def test_lead_sees_the_matrix_with_text_statuses(client, org):
    client.force_login(org.lead)
    response = client.get(reverse("passport:matrix", args=[org.home.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "<caption" in page
    assert 'scope="row"' in page
    assert "Suspended" in page
    assert "Olive Outsider" not in page


def test_index_takes_a_lead_of_one_organisation_to_its_matrix(client, org):
    client.force_login(org.lead)
    response = client.get(reverse("passport:matrix_index"))
    assert response.url == reverse("passport:matrix", args=[org.home.pk])


def test_lead_of_several_organisations_chooses_one(client, org):
    other = OrganisationFactory(name="Second Trust")
    trainer_services.appoint_training_lead(person=org.lead, organisation=other)
    client.force_login(org.lead)
    response = client.get(reverse("passport:matrix_index"))
    assert response.status_code == 200
    assert "Second Trust" in response.content.decode()


def test_matrix_is_404_for_anyone_but_the_organisations_lead(client, org):
    other = OrganisationFactory()
    client.force_login(org.lead)
    assert client.get(reverse("passport:matrix", args=[other.pk])).status_code == 404
    for url in (
        reverse("passport:matrix_export", args=[other.pk, "csv"]),
        reverse("passport:matrix_export", args=[org.home.pk, "pdf"]),
    ):
        assert client.get(url).status_code == 404
    client.force_login(org.asha)
    assert client.get(reverse("passport:matrix_index")).status_code == 404
    assert client.get(reverse("passport:matrix", args=[org.home.pk])).status_code == 404


def test_bad_filters_are_explained(client, org):
    client.force_login(org.lead)
    response = client.get(
        reverse("passport:matrix", args=[org.home.pk]), {"band": "99", "status": "x"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Choose a band from the list" in page
    assert "Choose a status from the list" in page


def test_csv_export_is_filtered_injection_safe_and_audited(client, org):
    org.ben.full_name = '=HYPERLINK("http://evil.example","Click")'
    org.ben.job_title = "+44 123"
    org.ben.save()
    client.force_login(org.lead)
    response = client.get(
        reverse("passport:matrix_export", args=[org.home.pk, "csv"]), {"band": "4"}
    )
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Name", "Job title", "Band"]
    assert rows[1][:3] == [
        '\'=HYPERLINK("http://evil.example","Click")',
        "'+44 123",
        "Band 4",
    ]
    assert "Suspended" in rows[1]
    assert len(rows) == 2
    event = AuditEvent.objects.get(action="passport.competence_matrix_exported")
    assert event.details["format"] == "csv"


def test_xlsx_export_keeps_formula_like_names_as_text(client, org):
    org.asha.full_name = "@SUM(A1:A9)"
    org.asha.save()
    client.force_login(org.lead)
    response = client.get(reverse("passport:matrix_export", args=[org.home.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    first = HEADING_ROW + 1
    names = [sheet.cell(row=r, column=1) for r in range(first, sheet.max_row + 1)]
    asha = next(cell for cell in names if "SUM" in cell.value)
    assert asha.value == "'@SUM(A1:A9)"
    assert asha.data_type == "s"


def _matrix_queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_matrix_queries_do_not_grow_with_staff_or_competences(client, org):
    client.force_login(org.lead)
    url = reverse("passport:matrix", args=[org.home.pk])
    export = reverse("passport:matrix_export", args=[org.home.pk, "csv"])
    small, small_export = _matrix_queries(client, url), _matrix_queries(client, export)
    assert small > 3
    for _ in range(5):
        person = UserFactory(organisation=org.home)
        award(person, org.gowning)
        award(person, CompetencyFactory(area=org.qc))
    assert _matrix_queries(client, url) == small
    assert _matrix_queries(client, export) == small_export


def test_header_links_the_matrix_for_leads_only(client, org):
    matrix_link = reverse("passport:matrix_index")
    client.force_login(org.lead)
    assert matrix_link in client.get(reverse("passport:sharing")).content.decode()
    client.force_login(org.asha)
    assert matrix_link not in client.get(reverse("passport:sharing")).content.decode()


def test_each_name_links_to_the_persons_record_which_the_lead_may_open(client, org):
    client.force_login(org.lead)
    page = client.get(reverse("passport:matrix", args=[org.home.pk])).content.decode()
    for person in (org.asha, org.ben, org.lead):
        record = reverse("trainers:trainee_record", args=[person.pk])
        assert f'<a href="{record}">{person.full_name}</a>' in page
        assert client.get(record).status_code == 200
    assert reverse("trainers:trainee_record", args=[org.outsider.pk]) not in page


def test_only_the_organisations_lead_may_open_its_staff_records(org):
    assert may_open_staff_records(org.lead, org.home)
    assert not may_open_staff_records(org.asha, org.home)
    assert not may_open_staff_records(org.lead, org.outsider.organisation)
