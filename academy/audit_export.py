"""The audit trail exported for an inspection: as CSV, and as a PDF "true copy" that
carries the chain's verification result, when it was exported and by whom.

Only administrators export it, and every export is itself an audit event. The CSV
is streamed, so the whole trail can be taken; the PDF holds at most
`PDF_MAX_EVENTS` events (narrow the filters for more). Every CSV cell goes through
`academy.spreadsheets.safe_cell`.
"""

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.utils import timezone

from academy.audit_actions import action_meaning, canonical_action, stored_names
from academy.audit_chain import canonical_json
from academy.models import AuditEvent, Organisation, User
from academy.pdf import render_pdf
from academy.services import AuditTrailReport, audit_trail_report, record_audit_event
from academy.spreadsheets import safe_cell

# A true copy renders at roughly 10-20 ms an event, inside the request: a thousand
# stays well within a web worker's timeout. The CSV has no limit.
PDF_MAX_EVENTS = 1000
PDF_TEMPLATE = "academy/pdf/audit_trail.html"
PDF_STYLESHEET = "academy/pdf/audit-trail.css"


def may_read_audit_trail(user: User) -> bool:
    """Administrators only: they export and review the audit trail."""
    return bool(user.is_active and user.is_superuser)


def _refuse_unless_administrator(user: User) -> None:
    if not may_read_audit_trail(user):
        raise PermissionDenied("Only administrators may read the audit trail.")


@dataclass(frozen=True)
class AuditTrailFilters:
    """Which events: by a person (who acted, or whom the event is about), by an
    organisation (its people, by their organisation now, or the organisation
    itself), by registered action (older stored names included) and by day (UK)."""

    person: User | None = None
    organisation: Organisation | None = None
    action: str = ""
    date_from: date | None = None
    date_to: date | None = None

    def described(self) -> list[tuple[str, str]]:
        """Each filter in words, for the true copy and the audit event."""
        return [
            (
                "Person",
                f"{self.person.full_name} ({self.person.email})"
                if self.person
                else "Anyone",
            ),
            (
                "Organisation",
                self.organisation.name if self.organisation else "Any organisation",
            ),
            ("Action", self.action or "Any action"),
            ("From", f"{self.date_from:%d %B %Y}" if self.date_from else "The start"),
            ("To", f"{self.date_to:%d %B %Y}" if self.date_to else "Today"),
        ]

    def as_details(self) -> dict[str, Any]:
        return {
            "person_id": self.person.pk if self.person else None,
            "organisation_id": self.organisation.pk if self.organisation else None,
            "action": self.action,
            "date_from": self.date_from,
            "date_to": self.date_to,
        }


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def audit_events(
    filters: AuditTrailFilters, *, up_to_id: int | None = None
) -> QuerySet[AuditEvent]:
    """The events the filters select, oldest first, none newer than `up_to_id`."""
    events = AuditEvent.objects.order_by("id")
    if up_to_id is not None:
        events = events.filter(pk__lte=up_to_id)
    if filters.person is not None:
        events = events.filter(
            Q(actor=filters.person)
            | Q(object_type="academy.user", object_id=str(filters.person.pk))
        )
    if filters.organisation is not None:
        events = events.filter(
            Q(actor__organisation=filters.organisation)
            | Q(
                object_type="academy.organisation",
                object_id=str(filters.organisation.pk),
            )
        )
    if filters.action:
        events = events.filter(action__in=stored_names(filters.action))
    if filters.date_from is not None:
        events = events.filter(occurred_at__gte=_start_of(filters.date_from))
    if filters.date_to is not None:
        events = events.filter(
            occurred_at__lt=_start_of(filters.date_to + timedelta(days=1))
        )
    return events


CSV_HEADINGS = [
    "Event",
    "Occurred at (UTC)",
    "Occurred at (UK time)",
    "Action",
    "Stored action name",
    "Meaning",
    "Actor id",
    "Actor",
    "Object type",
    "Object id",
    "Object",
    "Details",
    "Previous hash",
    "Hash",
    "Key id",
]


def csv_row(event: AuditEvent) -> list[str]:
    """One event as CSV cells, each safe to open in a spreadsheet."""
    return [
        safe_cell(value)
        for value in (
            event.pk,
            event.occurred_at.astimezone(UTC).isoformat(timespec="seconds"),
            timezone.localtime(event.occurred_at).strftime("%Y-%m-%d %H:%M:%S"),
            canonical_action(event.action),
            event.action,
            action_meaning(event.action),
            event.actor_id,
            event.actor_name,
            event.object_type,
            event.object_id,
            event.object_repr,
            canonical_json(event.details),
            event.previous_hash,
            event.hash,
            event.key_id,
        )
    ]


class _Line:
    """A file-like object that hands back what the CSV writer writes."""

    def write(self, value: str) -> str:
        return value


def csv_lines(events: QuerySet[AuditEvent]) -> Iterator[str]:
    """The CSV, line by line, with a byte-order mark so spreadsheets read UTF-8."""
    writer = csv.writer(_Line())
    yield "\ufeff" + writer.writerow(CSV_HEADINGS)
    for event in events.iterator(chunk_size=2000):
        yield writer.writerow(csv_row(event))


def _newest_event_id() -> int:
    return AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0


def _record_export(
    *,
    exported_by: User,
    filters: AuditTrailFilters,
    kind: str,
    events: int,
    up_to_id: int,
    chain_verified: bool | None = None,
) -> None:
    details: dict[str, Any] = {
        "format": kind,
        "filters": filters.as_details(),
        "events": events,
        "up_to_event": up_to_id,
    }
    if chain_verified is not None:
        details["chain_verified"] = chain_verified
    record_audit_event(
        "academy.audit_trail_exported", actor=exported_by, details=details
    )


def export_csv(
    filters: AuditTrailFilters, *, exported_by: User
) -> tuple[str, Iterator[str]]:
    """The file name and the lines of the CSV; the export is audited first."""
    _refuse_unless_administrator(exported_by)
    up_to_id = _newest_event_id()
    events = audit_events(filters, up_to_id=up_to_id)
    _record_export(
        exported_by=exported_by,
        filters=filters,
        kind="csv",
        events=events.count(),
        up_to_id=up_to_id,
    )
    name = f"audit-trail-{timezone.localtime():%Y%m%d-%H%M%S}.csv"
    return name, csv_lines(events)


class TooManyForPDF(ValueError):
    """More events than a PDF true copy holds."""

    def __init__(self, count: int) -> None:
        super().__init__(
            f"{count:,} events match. A PDF true copy holds at most "
            f"{PDF_MAX_EVENTS:,}: narrow the dates or filters, or download the CSV."
        )
        self.count = count


def _pdf_row(event: AuditEvent) -> dict[str, Any]:
    return {
        "id": event.pk,
        "occurred_at": timezone.localtime(event.occurred_at),
        "action": canonical_action(event.action),
        "stored_action": event.action,
        "meaning": action_meaning(event.action),
        "actor": event.actor_name,
        "object": event.object_repr,
        "object_ref": f"{event.object_type} {event.object_id}".strip(),
        "details": canonical_json(event.details) if event.details else "",
        "hash": event.hash,
        "key_id": event.key_id or "plain SHA-256",
    }


def true_copy_context(
    *,
    events: list[AuditEvent],
    filters: AuditTrailFilters,
    report: AuditTrailReport,
    exported_by: User,
    exported_at: datetime,
) -> dict[str, Any]:
    return {
        "rows": [_pdf_row(event) for event in events],
        "filters": filters.described(),
        "report_ok": report.ok,
        "report_lines": report.summary() if report.ok else report.problems(),
        "exported_by": exported_by,
        "exported_by_role": exported_by.role_label(),
        "exported_at": timezone.localtime(exported_at),
        "exported_at_utc": exported_at.astimezone(UTC),
        "first_id": events[0].pk if events else None,
        "last_id": events[-1].pk if events else None,
    }


def export_pdf(filters: AuditTrailFilters, *, exported_by: User) -> tuple[str, bytes]:
    """The file name and bytes of a PDF true copy of the selected events, with the
    chain's verification result; the export is audited once it is made."""
    _refuse_unless_administrator(exported_by)
    up_to_id = _newest_event_id()
    selected = audit_events(filters, up_to_id=up_to_id)
    events = list(selected[: PDF_MAX_EVENTS + 1])
    if len(events) > PDF_MAX_EVENTS:
        raise TooManyForPDF(selected.count())
    # The whole chain and its latest checkpoints, as `verify_audit_chain` checks them.
    report = audit_trail_report()
    exported_at = timezone.now()
    content = render_pdf(
        PDF_TEMPLATE,
        true_copy_context(
            events=events,
            filters=filters,
            report=report,
            exported_by=exported_by,
            exported_at=exported_at,
        ),
        stylesheet_name=PDF_STYLESHEET,
    )
    # Recorded after rendering, outside any long transaction: the chain's lock is
    # never held while a PDF renders.
    _record_export(
        exported_by=exported_by,
        filters=filters,
        kind="pdf",
        events=len(events),
        up_to_id=up_to_id,
        chain_verified=report.ok,
    )
    return f"audit-trail-{timezone.localtime(exported_at):%Y%m%d-%H%M%S}.pdf", content
