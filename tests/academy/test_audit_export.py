"""Administrators export the audit trail as CSV and as a PDF true copy (issue 16,
finding 11: EU GMP Annex 11 §9, 21 CFR 11.10(e))."""

import csv
import io
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pypdfium2
import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.utils import timezone

from academy import audit_export
from academy.audit_export import AuditTrailFilters, audit_events, export_csv, export_pdf
from academy.models import AuditEvent
from academy.services import record_audit_event
from tests.academy.conftest import tamper
from tests.factories.academy import OrganisationFactory

pytestmark = pytest.mark.django_db

EXPORT_URL = "/admin/audit_trail/export/"
LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def admin(make_user):
    return make_user(is_superuser=True, is_staff=True, full_name="Ada Admin")


def csv_table(lines) -> list[list[str]]:
    text = "".join(lines)
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def pdf_pages(content: bytes) -> list[str]:
    document = pypdfium2.PdfDocument(content)
    return [page.get_textpage().get_text_range() for page in document]


def at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=LONDON)


def backdate(event: AuditEvent, when: datetime) -> None:
    """Only the date filter reads occurred_at; the chain is not checked here."""
    tamper(
        "UPDATE academy_auditevent SET occurred_at = %s WHERE id = %s",
        [connection.ops.adapt_datetimefield_value(when), event.pk],
    )


def test_filters_select_by_person_organisation_action_and_uk_dates(make_user):
    northshire, southvale = OrganisationFactory(), OrganisationFactory()
    # No roles: giving one is itself an audited event about the person.
    priya = make_user(organisation=northshire)
    tom = make_user(organisation=southvale)
    by_priya = record_audit_event("academy.user_signed_in", actor=priya, target=priya)
    about_priya = record_audit_event(
        "academy.user_roles_changed", actor=tom, target=priya
    )
    by_tom = record_audit_event("academy.user_signed_out", actor=tom, target=tom)
    about_southvale = record_audit_event(
        "trainers.training_lead_appointed", actor_name="(system)", target=southvale
    )

    def ids(**filters):
        chosen = audit_events(AuditTrailFilters(**filters))
        return list(chosen.values_list("id", flat=True))

    assert ids(person=priya) == [by_priya.pk, about_priya.pk]
    assert ids(organisation=southvale) == [
        about_priya.pk,
        by_tom.pk,
        about_southvale.pk,
    ]
    assert ids(action="academy.user_signed_out") == [by_tom.pk]
    assert ids(person=tom, action="academy.user_signed_out") == [by_tom.pk]

    # 23:30 on 1 June in London is still 1 June there, though 22:30 UTC.
    backdate(by_priya, datetime(2026, 6, 1, 23, 30, tzinfo=LONDON))
    backdate(about_priya, datetime(2026, 6, 2, 0, 30, tzinfo=LONDON))
    june_1 = date(2026, 6, 1)
    assert ids(date_from=june_1, date_to=june_1) == [by_priya.pk]
    assert ids(
        date_from=june_1 + timedelta(days=1), date_to=june_1 + timedelta(days=1)
    ) == [about_priya.pk]


def test_older_stored_names_are_exported_under_the_registered_action(admin):
    old = AuditEvent.objects.create(
        occurred_at=timezone.now(),
        actor_name="(system)",
        action="signed_in",
        previous_hash="1" * 64,
        hash="2" * 64,
    )

    _, lines = export_csv(
        AuditTrailFilters(action="academy.user_signed_in"), exported_by=admin
    )
    heading, *rows = csv_table(lines)

    assert [row[0] for row in rows] == [str(old.pk)]
    assert rows[0][heading.index("Action")] == "academy.user_signed_in"
    assert rows[0][heading.index("Stored action name")] == "signed_in"
    assert rows[0][heading.index("Key id")] == ""


def test_the_csv_holds_every_field_and_cells_cannot_run_as_formulas(admin, make_user):
    attacker = make_user(full_name='=HYPERLINK("http://evil.example","Click")')
    event = record_audit_event(
        "academy.user_signed_in",
        actor=attacker,
        details={"note": "+1 and -1", "at": "@SUM(A1)"},
    )
    record_audit_event("academy.sign_in_failed", actor_name="-2+3")

    name, lines = export_csv(AuditTrailFilters(), exported_by=admin)
    heading, first, second = csv_table(lines)

    assert name.startswith("audit-trail-")
    assert name.endswith(".csv")
    assert heading == audit_export.CSV_HEADINGS
    assert first[0] == str(event.pk)
    assert first[heading.index("Actor")] == "'" + attacker.full_name
    assert first[heading.index("Hash")] == event.hash
    assert first[heading.index("Previous hash")] == event.previous_hash
    assert first[heading.index("Key id")] == event.key_id
    assert first[heading.index("Meaning")] == "A person signed in to the Academy."
    assert second[heading.index("Actor")] == "'-2+3"
    for row in (first, second):
        assert not any(
            cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row
        )


def test_each_export_is_audited_and_not_part_of_its_own_copy(admin):
    record_audit_event("academy.user_signed_in", actor=admin)

    _, lines = export_csv(AuditTrailFilters(), exported_by=admin)
    _, *rows = csv_table(lines)

    exported = AuditEvent.objects.get(action="academy.audit_trail_exported")
    assert len(rows) == 1
    assert exported.actor == admin
    assert exported.details["format"] == "csv"
    assert exported.details["events"] == 1
    assert exported.details["filters"]["action"] == ""


def test_the_csv_is_streamed_in_chunks_not_built_in_memory(admin):
    for n in range(5):
        record_audit_event("academy.user_signed_in", details={"n": n})

    _, lines = export_csv(AuditTrailFilters(), exported_by=admin)

    assert not isinstance(lines, list | str)
    assert len(list(lines)) == 6


def test_the_pdf_true_copy_carries_the_verification_exporter_time_and_page_numbers(
    admin, make_user
):
    trainee = make_user(full_name="Priya Shah")
    for n in range(70):
        record_audit_event(
            "academy.user_signed_in", actor=trainee, target=trainee, details={"n": n}
        )

    name, content = export_pdf(AuditTrailFilters(person=trainee), exported_by=admin)
    pages = pdf_pages(content)
    text = "\n".join(pages)

    assert name.endswith(".pdf")
    assert content.startswith(b"%PDF")
    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
        assert "exported" in page
        assert "by Ada Admin" in page
    assert "Audit trail: true copy" in text
    assert "Chain verification at export: verified" in text
    assert "OK 70 events" in text
    assert "Ada Admin" in text
    assert admin.email in text
    assert "Priya Shah" in text
    assert f"{timezone.localtime():%Y}" in text
    exported = AuditEvent.objects.get(action="academy.audit_trail_exported")
    assert exported.details["format"] == "pdf"
    assert exported.details["events"] == 70
    assert exported.details["chain_verified"] is True


def test_the_pdf_says_when_the_chain_does_not_verify(admin):
    events = [record_audit_event("academy.user_signed_in") for _ in range(3)]
    tamper(
        "UPDATE academy_auditevent SET actor_name = %s WHERE id = %s",
        ["Someone Else", events[1].pk],
    )

    _, content = export_pdf(AuditTrailFilters(), exported_by=admin)
    text = "\n".join(pdf_pages(content))

    assert "Chain verification at export: NOT VERIFIED" in text
    assert f"BROKEN at event {events[1].pk}" in text
    exported = AuditEvent.objects.get(action="academy.audit_trail_exported")
    assert exported.details["chain_verified"] is False


def test_a_pdf_of_more_events_than_it_may_hold_is_refused(admin, monkeypatch):
    monkeypatch.setattr(audit_export, "PDF_MAX_EVENTS", 3)
    for _ in range(4):
        record_audit_event("academy.user_signed_in")

    with pytest.raises(audit_export.TooManyForPDF, match="4 events match"):
        export_pdf(AuditTrailFilters(), exported_by=admin)
    assert not AuditEvent.objects.filter(action="academy.audit_trail_exported").exists()


@pytest.mark.parametrize(
    "fields",
    [
        {"is_superuser": False, "is_staff": True},
        {"is_superuser": True, "is_active": False},
    ],
)
def test_only_active_administrators_may_export(make_user, fields):
    with pytest.raises(PermissionDenied):
        export_csv(AuditTrailFilters(), exported_by=make_user(**fields))
    with pytest.raises(PermissionDenied):
        export_pdf(AuditTrailFilters(), exported_by=make_user(**fields))


def test_the_export_page_downloads_csv_and_pdf_for_administrators(client, admin):
    record_audit_event("academy.user_signed_in", actor=admin)
    client.force_login(admin)

    form = client.get(EXPORT_URL, {"action": "academy.user_signed_in"})
    as_csv = client.post(EXPORT_URL, {"format": "csv", "person": admin.email})
    as_pdf = client.post(
        EXPORT_URL, {"format": "pdf", "action": "academy.user_signed_in"}
    )

    assert form.status_code == 200
    assert b"Download PDF true copy" in form.content
    assert as_csv.status_code == 200
    assert as_csv["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in as_csv["Content-Disposition"]
    rows = csv_table(chunk.decode() for chunk in as_csv.streaming_content)
    # Signing in is audited too: the admin's events before this export.
    assert (
        len(rows)
        == 1
        + AuditEvent.objects.filter(
            actor=admin, action="academy.user_signed_in"
        ).count()
    )
    assert as_pdf.status_code == 200
    assert as_pdf["Content-Type"] == "application/pdf"
    assert as_pdf.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(action="academy.audit_trail_exported").count() == 2


def test_the_export_page_explains_bad_filters(client, admin):
    client.force_login(admin)

    response = client.post(
        EXPORT_URL,
        {
            "format": "csv",
            "person": "nobody@academy.example",
            "date_from": "2026-06-02",
            "date_to": "2026-06-01",
        },
    )

    assert response.status_code == 200
    assert b"No one has this e-mail address." in response.content
    assert b"The end date must not be before the start date." in response.content
    assert not AuditEvent.objects.filter(action="academy.audit_trail_exported").exists()


@pytest.mark.parametrize("roles", [["TSET editor"], ["TSET moderator"], ["Trainer"]])
def test_editors_moderators_and_trainers_cannot_export(client, make_user, roles):
    client.force_login(make_user(*roles, is_staff=True))

    assert client.get(EXPORT_URL).status_code in {302, 403}
    assert client.post(EXPORT_URL, {"format": "csv"}).status_code in {302, 403}
    assert not AuditEvent.objects.filter(action="academy.audit_trail_exported").exists()
