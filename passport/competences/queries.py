"""Reads of what a person holds: their whole passport (for the web page and its PDF),
and their standing in each competency of a career pathway."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone
from wagtail import hooks

from academy.models import Competency, ElectronicSignature, User
from academy.services import record_audit_event
from passport.competences.evidence import (
    EVIDENCE_RECORDS_HOOK,
    EvidenceRecords,
    SignatureMade,
    evidence_ids,
    evidence_sentences,
)
from passport.competences.status import (
    EXPIRING_WITHIN_DAYS,
    STATUS_WORDS,
    Status,
    StatusWords,
    competence_status,
    status_words,
)
from passport.models import Certificate, Competence, TrainingPlanItem
from passport.pdf import render_pdf
from passport.plans.queries import plan_lines_for


@dataclass(frozen=True)
class PassportEntry:
    competence: Competence
    status: StatusWords
    evidence: list[str]  # sentences (passport.competences.evidence)
    certificates: list[Certificate]


def evidence_records(evidences: Iterable[dict]) -> EvidenceRecords:
    """What the records behind these evidence summaries say, for their sentences: the
    signatures here, attempts and validation results from the app that keeps them
    (through a hook); a fixed number of queries however many there are."""
    attempts, signatures, validations = set(), set(), set()
    for evidence in evidences:
        ids = evidence_ids(evidence)
        attempts |= ids.attempts
        signatures |= ids.signatures
        validations |= ids.validations
    records = EvidenceRecords(
        signatures={
            pk: SignatureMade(name=name, signed_on=timezone.localdate(signed_at))
            for pk, name, signed_at in ElectronicSignature.objects.filter(
                pk__in=signatures
            ).values_list("pk", "printed_name", "signed_at")
        }
        if signatures
        else {}
    )
    if attempts or validations:
        for records_of in hooks.get_hooks(EVIDENCE_RECORDS_HOOK):
            records = records.merged(
                records_of(attempt_ids=attempts, validation_ids=validations)
            )
    return records


def passport_for(holder: User, *, today: date) -> dict:
    """The holder's competences with status, evidence and certificates (newest first),
    and their plan progress, in a fixed number of queries."""
    competences = list(
        Competence.objects.filter(holder=holder).select_related("competency__area")
    )
    certificates: dict[int, list[Certificate]] = {}
    for certificate in (
        Certificate.objects.filter(event__competence__holder=holder)
        .select_related("event")
        .order_by("-issued_at", "-id")
    ):
        certificates.setdefault(certificate.event.competence_id, []).append(certificate)
    records = evidence_records(competence.evidence for competence in competences)
    entries = []
    for competence in competences:
        entries.append(
            PassportEntry(
                competence=competence,
                status=status_words(
                    competence.status,
                    expires_on=competence.expires_on,
                    today=today,
                    under_review=competence.under_review,
                ),
                evidence=evidence_sentences(competence.evidence, records),
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
    # Imported here: the certificate services read evidence through these queries.
    from passport.certificates.services import check_address

    return render_pdf(
        "passport/pdf/passport.html",
        {**passport_for(holder, today=today), "check_address": check_address()},
    )


NOT_STARTED = "Not started"


def pathway_status_label(
    *, held_status: str | None, plan_due_on: date | None, today: date
) -> str:
    """What the person holds wins; otherwise whether it is in their plan, and by when
    (or since when it is overdue)."""
    if held_status is not None and held_status != Status.REVOKED:
        return STATUS_WORDS[held_status].label
    if plan_due_on is not None:
        when = f"{plan_due_on.day} {plan_due_on:%B %Y}"
        if plan_due_on < today:
            return f"In your plan: overdue since {when}"
        return f"In your plan: due {when}"
    if held_status is not None:
        return STATUS_WORDS[held_status].label
    return NOT_STARTED


def pathway_statuses(
    person: User, competencies: Iterable[Competency], *, today: date | None = None
) -> dict[int, str]:
    """Each competency's label for the person, in two queries."""
    today = today or timezone.localdate()
    ids = [competency.pk for competency in competencies]
    held = {
        competency_id: competence_status(
            status, expires_on=expires_on, today=today, under_review=under_review
        )
        for competency_id, status, expires_on, under_review in (
            Competence.objects.filter(holder=person, competency_id__in=ids).values_list(
                "competency_id", "status", "expires_on", "under_review"
            )
        )
    }
    planned = dict(
        TrainingPlanItem.objects.filter(
            plan__trainee=person, competency_id__in=ids, completed_at__isnull=True
        ).values_list("competency_id", "due_on")
    )
    return {
        pk: pathway_status_label(
            held_status=held.get(pk), plan_due_on=planned.get(pk), today=today
        )
        for pk in ids
    }


# What a holder must renew: the statuses that need them to act before or after expiry.
TO_RENEW = (Status.EXPIRING, Status.EXPIRED)


def competences_to_renew(
    holder: User, *, today: date
) -> list[tuple[Competence, StatusWords]]:
    """The holder's competences expiring within 60 days or expired, by the one status
    rule, the soonest first, each with its status words; one query."""
    lines = []
    for competence in (
        Competence.objects.filter(
            holder=holder, expires_on__lte=today + timedelta(days=EXPIRING_WITHIN_DAYS)
        )
        .select_related("competency")
        .order_by("expires_on", "competency__code")
    ):
        words = status_words(
            competence.status,
            expires_on=competence.expires_on,
            today=today,
            under_review=competence.under_review,
        )
        if words.status in TO_RENEW:
            lines.append((competence, words))
    return lines
