"""Findings of the nightly re-verification of signed records: recorded once per
state found, resolved by an administrator with a reason, each step audited.

A finding suspends nothing. While it is open the competences the record supports are
under review (`Competence.under_review`, read by the one status rule in
`passport.competences.status`): every page, the verification page, the API and the
credential status list stop calling them valid. The check itself, which knows the
records, is `assessments.integrity`; it hands its mismatches here.
"""

import logging
import smtplib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from academy.models import User
from academy.services import record_audit_event
from passport.findings.policies import may_review_signature_findings
from passport.models import Competence, SignatureFinding

logger = logging.getLogger(__name__)

FindingCompetence = SignatureFinding.competences.through


@dataclass(frozen=True)
class Mismatch:
    """A signed record the check found changed since signing, as it should be
    recorded: `subject` names what was checked (one per signature, or a record that
    has none) and `observed_hash` the state found."""

    subject: str
    problem: str
    record_type: str  # "app_label.model", as signatures name records
    record_id: str
    description: str
    observed_hash: str
    signature_id: int | None = None
    competence_ids: frozenset[int] = frozenset()


@dataclass
class FindingsRecorded:
    """What the check's mismatches became: new findings, findings already open, and
    states an administrator has already resolved (accepted) before."""

    new: list[SignatureFinding] = field(default_factory=list)
    still_open: list[SignatureFinding] = field(default_factory=list)
    accepted: list[SignatureFinding] = field(default_factory=list)

    @property
    def open(self) -> list[SignatureFinding]:
        return self.new + self.still_open


def _content_type(label: str) -> ContentType | None:
    app_label, _, model = label.partition(".")
    try:
        return ContentType.objects.get_by_natural_key(app_label, model)
    except ContentType.DoesNotExist:
        return None


@transaction.atomic
def record_signature_findings(
    *, mismatches: Sequence[Mismatch], found_at: datetime | None = None
) -> FindingsRecorded:
    """Record a finding for each mismatch not already open or resolved in the same
    state, put the competences it supports under review, audit it and e-mail the
    administrators once, after commit. Suspends nothing; running it again adds
    nothing."""
    found_at = found_at or timezone.now()
    wanted = {mismatch.subject: mismatch for mismatch in mismatches}
    known = list(SignatureFinding.objects.filter(subject__in=wanted))
    open_by_subject = {f.subject: f for f in known if f.is_open}
    resolved = {(f.subject, f.observed_hash): f for f in known if not f.is_open}
    outcome = FindingsRecorded()
    for subject, mismatch in wanted.items():
        if subject in open_by_subject:
            outcome.still_open.append(open_by_subject[subject])
        elif (subject, mismatch.observed_hash) in resolved:
            outcome.accepted.append(resolved[(subject, mismatch.observed_hash)])
        else:
            finding = _open_finding(mismatch, found_at=found_at)
            if finding is not None:
                outcome.new.append(finding)
    _link_competences(
        {finding.pk: wanted[finding.subject].competence_ids for finding in outcome.open}
    )
    if outcome.new:
        findings = [finding.pk for finding in outcome.new]
        transaction.on_commit(lambda: tell_administrators(finding_ids=findings))
    return outcome


def _open_finding(mismatch: Mismatch, *, found_at: datetime) -> SignatureFinding | None:
    try:
        # A second check running at the same time may have just recorded it.
        with transaction.atomic():
            finding = SignatureFinding.objects.create(
                subject=mismatch.subject,
                problem=mismatch.problem,
                record_type=_content_type(mismatch.record_type),
                record_id=mismatch.record_id,
                record_description=mismatch.description[:300],
                signature_id=mismatch.signature_id,
                observed_hash=mismatch.observed_hash,
                found_at=found_at,
            )
    except IntegrityError:
        return None
    record_audit_event(
        "passport.signature_mismatch_detected",
        actor_name="Academy",
        target=finding,
        details={
            "problem": mismatch.problem,
            "record_type": mismatch.record_type,
            "record_id": mismatch.record_id,
            "signature_id": mismatch.signature_id,
            "observed_hash": mismatch.observed_hash,
            "competence_ids": sorted(mismatch.competence_ids),
        },
    )
    return finding


def _link_competences(competences_by_finding: dict[int, frozenset[int]]) -> None:
    """Link each open finding to the competences its record supports now (one held
    since the finding was opened joins it) and put them all under review."""
    wanted = {
        (finding_id, competence_id)
        for finding_id, competence_ids in competences_by_finding.items()
        for competence_id in competence_ids
    }
    if not wanted:
        return
    competence_ids = {competence_id for _, competence_id in wanted}
    existing_ids = set(
        Competence.objects.filter(pk__in=competence_ids).values_list("pk", flat=True)
    )
    FindingCompetence.objects.bulk_create(
        [
            FindingCompetence(signaturefinding_id=finding_id, competence_id=pk)
            for finding_id, pk in sorted(wanted)
            if pk in existing_ids
        ],
        ignore_conflicts=True,
    )
    Competence.objects.filter(pk__in=existing_ids, under_review=False).update(
        under_review=True
    )


@transaction.atomic
def resolve_signature_finding(
    *, finding: SignatureFinding, resolved_by: User, reason: str
) -> SignatureFinding:
    """An administrator resolves a finding with their written reason (for example,
    the record was restored from a verified backup, or the change was explained);
    the competences it alone kept under review read as before. Audited."""
    if not may_review_signature_findings(resolved_by):
        raise PermissionDenied("Only administrators resolve signature findings.")
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Give the reason for resolving this finding."})
    finding = SignatureFinding.objects.select_for_update().get(pk=finding.pk)
    if not finding.is_open:
        raise ValidationError("This finding has already been resolved.")
    finding.resolved_at = timezone.now()
    finding.resolved_by = resolved_by
    finding.resolution_reason = reason
    finding.save(update_fields=["resolved_at", "resolved_by", "resolution_reason"])
    competence_ids = set(finding.competences.values_list("pk", flat=True))
    still_open = set(
        FindingCompetence.objects.filter(
            competence_id__in=competence_ids,
            signaturefinding__resolved_at__isnull=True,
        ).values_list("competence_id", flat=True)
    )
    Competence.objects.filter(pk__in=competence_ids - still_open).update(
        under_review=False
    )
    record_audit_event(
        "passport.signature_finding_resolved",
        actor=resolved_by,
        target=finding,
        details={
            "reason": reason,
            "problem": finding.problem,
            "record_id": finding.record_id,
            "signature_id": finding.signature_id,
            "competence_ids": sorted(competence_ids),
            "still_under_review": sorted(still_open),
        },
    )
    return finding


def administrators() -> list[User]:
    """The active administrators with an e-mail address."""
    return list(
        User.objects.filter(is_superuser=True, is_active=True).exclude(email="")
    )


def tell_administrators(*, finding_ids: Sequence[int]) -> None:
    """One e-mail to every administrator listing the new findings; a mail server
    that fails leaves the findings standing (they are in the admin)."""
    recipients = [person.email for person in administrators()]
    findings = list(
        SignatureFinding.objects.filter(pk__in=finding_ids)
        .prefetch_related("competences__competency", "competences__holder")
        .order_by("id")
    )
    if not recipients or not findings:
        return
    context = {
        "findings": findings,
        "listing_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        + reverse("signature_findings:index"),
    }
    count = len(findings)
    try:
        send_mail(
            f"Signed records changed after signing: {count} to review",
            render_to_string("passport/email/signature_findings.txt", context),
            settings.DEFAULT_FROM_EMAIL,
            recipients,
        )
    except (OSError, smtplib.SMTPException):
        logger.exception("Could not e-mail signature findings %s", list(finding_ids))
