"""Issuing certificates for awards, rendering their PDFs once, and serving them."""

import hashlib
import logging
import os
import tempfile
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError

from academy.models import Competency, SpecialistArea, User
from academy.qr import qr_data_uri
from academy.services import record_audit_event
from passport.certificates import codes
from passport.competences.evidence import evidence_sentences
from passport.competences.queries import evidence_records
from passport.models import AWARD_KINDS, Certificate, Competence, CompetenceEvent
from passport.models.certificates import NUMBER_PREFIX
from passport.pdf import render_pdf

CERTIFICATE_TEMPLATE = "passport/pdf/certificate.html"

logger = logging.getLogger(__name__)


def certificate_number(*, year: int, serial: int) -> str:
    """The human number printed on a certificate, e.g. TSA-2026-000123."""
    return f"{NUMBER_PREFIX}-{year}-{serial:06d}"


@dataclass(frozen=True)
class CertificateCheck:
    """All the public verification page may show about a certificate."""

    number: str
    holder_name: str
    organisation_name: str
    issued_at: datetime
    achieved_on: date
    expires_on: date | None  # the last day of this award, as printed
    competence_status: str
    competence_expires_on: date | None  # the last day of the competence now
    competence_under_review: bool  # a record it rests on changed after signing
    competency_code: str
    competency_title: str
    area_name: str
    superseded: bool  # a later award or renewal of the same competence exists


# Anyone may ask, so this is a fixed statement: the ORM took eight times longer to
# build it than the database took to answer (docs/performance.md).
CERTIFICATE_CHECK_SQL = f"""
    SELECT certificate.number, certificate.holder_name, certificate.organisation_name,
        certificate.issued_at, award.achieved_on, award.expires_on, competence.status,
        competence.expires_on, competence.under_review,
        competency.code, competency.title, area.name,
        EXISTS (
            SELECT 1 FROM {CompetenceEvent._meta.db_table} later
            WHERE later.competence_id = award.competence_id
                AND later.kind IN (%s, %s) AND later.id > award.id
        )
    FROM {Certificate._meta.db_table} certificate
    JOIN {CompetenceEvent._meta.db_table} award ON award.id = certificate.event_id
    JOIN {Competence._meta.db_table} competence ON competence.id = award.competence_id
    JOIN {Competency._meta.db_table} competency
        ON competency.id = competence.competency_id
    JOIN {SpecialistArea._meta.db_table} area ON area.id = competency.area_id
    WHERE (
        certificate.verification_code = %s
        OR certificate.legacy_verification_code = %s
    ) AND certificate.number IS NOT NULL
"""  # noqa: S608 - table names from the models, values as parameters


def certificate_to_verify(code: str) -> CertificateCheck | None:
    """The issued certificate with this verification code, as the public may see it,
    in one query: a readable code however it was typed (spaces, hyphens, case), or
    an earlier certificate's code exactly as printed in its address."""
    readable = codes.readable(code)
    legacy = code.strip()
    if readable is None and not codes.is_legacy(legacy):
        return None
    with connection.cursor() as cursor:
        cursor.execute(CERTIFICATE_CHECK_SQL, [*AWARD_KINDS, readable or "", legacy])
        row = cursor.fetchone()
    if row is None:
        return None
    check = CertificateCheck(*row[:-1], superseded=bool(row[-1]))
    # SQLite returns its booleans as integers.
    check = replace(check, competence_under_review=bool(check.competence_under_review))
    if timezone.is_naive(check.issued_at):  # SQLite keeps UTC without its zone
        check = replace(check, issued_at=check.issued_at.replace(tzinfo=UTC))
    return check


def verification_url(certificate: Certificate) -> str:
    """The absolute address of the certificate's public verification page, with the
    code as printed (in groups)."""
    path = reverse("verify_certificate", args=[certificate.printed_code])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def check_address() -> str:
    """The public page where anyone types a certificate's code, as printed on it."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("verify")


def issue_certificate(*, event: CompetenceEvent) -> Certificate:
    """Create the certificate of an award inside the award's transaction; its PDF is
    rendered by a background task once the award is committed."""
    if not event.is_award:
        raise ValueError("Only awards and renewals have certificates.")
    competence = event.competence
    holder = competence.holder
    certificate = Certificate.objects.create(
        event=event,
        issued_at=event.occurred_at,
        holder_name=holder.full_name,
        organisation_name=holder.organisation.name if holder.organisation else "",
    )
    # The primary key comes from the database's own sequence, so two awards
    # committed at the same moment never share a number.
    certificate.number = certificate_number(
        year=timezone.localdate(event.occurred_at).year, serial=certificate.pk
    )
    certificate.save(update_fields=["number"])
    render_after_commit(certificate)
    return certificate


def _queue_render(certificate_id: int) -> None:
    # Imported here: the tasks module imports these services.
    from passport.tasks import render_certificate

    try:
        render_certificate.delay(certificate_id)
    except OperationalError as error:
        logger.warning(
            "Certificate %s not queued for rendering (%s); the sweep will queue it.",
            certificate_id,
            error,
        )


def render_after_commit(certificate: Certificate) -> None:
    """Queue the PDF once the award is committed, so the worker can read it; if the
    broker is down the certificate stays pending for the sweep."""
    # robust: the award has committed, so no failure here may reach the user.
    transaction.on_commit(lambda: _queue_render(certificate.pk), robust=True)


def requeue_unrendered_certificates(
    *, older_than: timedelta = timedelta(minutes=5), limit: int = 500
) -> int:
    """The sweep: queue again the certificates still without a stored PDF some
    minutes after issue (the broker was down, or lost the task), oldest first.
    Returns how many it queued; a render that finds the PDF stored does nothing."""
    from passport.tasks import render_certificate

    pending = list(
        Certificate.objects.filter(
            sha256="", issued_at__lte=timezone.now() - older_than
        )
        .order_by("issued_at", "id")
        .values_list("pk", flat=True)[:limit]
    )
    for certificate_id in pending:
        render_certificate.delay(certificate_id)
    return len(pending)


def certificate_context(certificate: Certificate) -> dict:
    """What the certificate PDF prints, from the award event and its signature."""
    event = certificate.event
    competence = event.competence
    signature = event.signature
    if signature is not None:
        signed = {
            "name": signature.printed_name,
            "role": signature.role,
            "organisation": signature.organisation_name,
            "date": signature.signed_at,
            "meaning": signature.get_meaning_display(),
            "electronic": True,
        }
    elif event.actor is not None:
        signed = {
            "name": event.actor.full_name,
            "role": event.actor.job_title,
            "organisation": "",
            "date": event.occurred_at,
            "meaning": event.get_kind_display(),
            "electronic": False,
        }
    else:
        signed = None
    url = verification_url(certificate)
    return {
        "certificate": certificate,
        "event": event,
        "evidence": evidence_sentences(
            event.evidence, evidence_records([event.evidence])
        ),
        "competency": competence.competency,
        "holder": competence.holder,
        "signed": signed,
        "verification_url": url,
        "check_address": check_address(),
        "qr_code": qr_data_uri(url),
    }


def _write_atomically(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as temporary:
        temporary.write(content)
        temporary.flush()
        os.fsync(temporary.fileno())
    # A reader sees the old file or the whole new one, never half of it.
    Path(temporary.name).replace(path)


def certificate_path(certificate: Certificate) -> Path:
    return Path(settings.PRIVATE_STORAGE_ROOT) / certificate.file_name


@transaction.atomic
def render_certificate_pdf(*, certificate_id: int) -> Certificate:
    """Render and store a certificate's PDF once, with its SHA-256.

    The row lock makes a second run wait and then find the PDF stored; a run that
    dies mid-render stores nothing, so its retry renders it afresh.
    """
    # Unpacked rather than .get(): get()'s LIMIT makes PostgreSQL plan this
    # eight-table join in 5-9 ms instead of about 1.5 ms.
    (certificate,) = (
        Certificate.objects.select_for_update(of=("self",))
        .select_related(
            "event__competence__holder",
            "event__competence__competency__area",
            "event__signature",
            "event__actor",
        )
        .filter(pk=certificate_id)
    )
    if certificate.is_rendered:
        return certificate
    content = render_pdf(CERTIFICATE_TEMPLATE, certificate_context(certificate))
    file_name = f"certificates/{certificate.issued_at:%Y}/{certificate.number}.pdf"
    certificate.file_name = file_name
    _write_atomically(certificate_path(certificate), content)
    certificate.sha256 = hashlib.sha256(content).hexdigest()
    certificate.rendered_at = timezone.now()
    certificate.save(update_fields=["file_name", "sha256", "rendered_at"])
    record_audit_event(
        "passport.certificate_rendered",
        actor_name="Academy",
        target=certificate,
        details={"number": certificate.number, "sha256": certificate.sha256},
    )
    return certificate


def open_certificate(certificate: Certificate, *, user: User):
    """The stored PDF, opened for download; each download is audited."""
    record_audit_event(
        "passport.certificate_downloaded",
        actor=user,
        target=certificate,
        details={"number": certificate.number, "sha256": certificate.sha256},
    )
    return certificate_path(certificate).open("rb")
