"""The holder's whole passport, for the web page and its PDF."""

from dataclasses import dataclass
from datetime import date

from academy.models import User
from academy.services import record_audit_event
from passport.certificates.status import (
    STATUS_TAG_COLOURS,
    CertificateStatus,
    certificate_status,
)
from passport.competences.evidence import EvidenceLine, evidence_summary
from passport.models import Certificate, Competence
from passport.pdf import render_pdf
from passport.plans.queries import plan_lines_for


@dataclass(frozen=True)
class PassportEntry:
    competence: Competence
    status: CertificateStatus
    colour: str
    evidence: list[EvidenceLine]
    certificates: list[Certificate]


def passport_for(holder: User, *, today: date) -> dict:
    """The holder's competences with status, evidence and certificates (newest first),
    and their plan progress, in a fixed number of queries."""
    competences = Competence.objects.filter(holder=holder).select_related(
        "competency__area"
    )
    certificates: dict[int, list[Certificate]] = {}
    for certificate in (
        Certificate.objects.filter(event__competence__holder=holder)
        .select_related("event")
        .order_by("-issued_at", "-id")
    ):
        certificates.setdefault(certificate.event.competence_id, []).append(certificate)
    entries = []
    for competence in competences:
        status = certificate_status(
            competence_status=competence.status,
            expires_on=competence.expires_on,
            today=today,
        )
        entries.append(
            PassportEntry(
                competence=competence,
                status=status,
                colour=STATUS_TAG_COLOURS[status],
                evidence=evidence_summary(competence.evidence),
                certificates=certificates.get(competence.pk, []),
            )
        )
    lines = plan_lines_for(holder, today=today)
    return {
        "holder": holder,
        "entries": entries,
        "plan_lines": lines,
        "plan_complete": sum(1 for line in lines if line.status == "complete"),
        "today": today,
    }


def passport_pdf(holder: User, *, today: date) -> bytes:
    """The whole passport as a PDF; each download is audited."""
    record_audit_event(
        "passport.passport_downloaded",
        actor=holder,
        target=holder,
        details={"on": today},
    )
    return render_pdf("passport/pdf/passport.html", passport_for(holder, today=today))
