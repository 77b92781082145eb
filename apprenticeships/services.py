"""Writes of apprenticeships: logging training hours and recording and signing
progress reviews. A refusal raises `ApprenticeshipError` naming the field, and
nothing is stored; signatures go through the Academy's e-signature
(`academy.signatures`): the signer re-enters their password, a wrong one is audited."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction

from academy.models import SignatureMeaning, User
from academy.services import record_audit_event
from academy.signatures import Reauthentication, reauthenticate, sign_record
from apprenticeships import policies, queries, rules
from apprenticeships.models import Apprenticeship, OffTheJobEntry, ProgressReview

MEANING = SignatureMeaning.PROGRESS_REVIEW_AGREED
SIGNATURE_FIELDS = {
    policies.APPRENTICE: "apprentice_signature",
    policies.EMPLOYER: "employer_signature",
    policies.PROVIDER: "provider_signature",
}


@dataclass
class ApprenticeshipError(Exception):
    field: str | None
    message: str

    def __str__(self) -> str:
        return self.message


def _locked(apprenticeship: Apprenticeship) -> Apprenticeship:
    return Apprenticeship.objects.select_for_update().get(pk=apprenticeship.pk)


@transaction.atomic
def log_hours(
    apprenticeship: Apprenticeship,
    *,
    recorded_by: User,
    activity: str,
    on_date: date,
    hours: Decimal,
    off_the_job: bool,
    today: date,
) -> OffTheJobEntry:
    """Log one activity. Refused, storing nothing: a day after today or before the
    start, hours of 0 or less, or a day that would pass 24 hours."""
    if not policies.may_log_hours(recorded_by, apprenticeship):
        raise ApprenticeshipError(None, "You cannot log hours for this apprentice.")
    if not activity.strip():
        raise ApprenticeshipError("activity", "Enter the activity")
    apprenticeship = _locked(apprenticeship)
    refusal = rules.entry_refusal(
        on_date=on_date,
        hours=hours,
        start=apprenticeship.start_date,
        today=today,
        hours_already_that_day=queries.hours_logged_on(apprenticeship, on_date),
    )
    if refusal:
        raise ApprenticeshipError(*refusal)
    entry = OffTheJobEntry.objects.create(
        apprenticeship=apprenticeship,
        activity=activity.strip(),
        on_date=on_date,
        hours=hours,
        off_the_job=off_the_job,
        recorded_by=recorded_by,
    )
    record_audit_event(
        "apprenticeships.off_the_job_hours_logged",
        actor=recorded_by,
        target=apprenticeship,
        details={
            "entry_id": entry.pk,
            "on_date": on_date.isoformat(),
            "hours": str(hours),
            "off_the_job": off_the_job,
        },
    )
    return entry


def signed_content(review: ProgressReview) -> dict:
    """What each signature of a review signs: the review and the apprenticeship."""
    a = review.apprenticeship
    return {
        "review_id": review.pk,
        "apprentice_id": a.apprentice_id,
        "standard": f"{a.standard.code} v{a.standard.version}",
        "held_on": review.held_on.isoformat(),
        "progress": review.progress,
        "next_steps": review.next_steps,
    }


def _refuse_unnamed(signer: User, apprenticeship: Apprenticeship) -> str:
    role = policies.named_role(signer, apprenticeship)
    if role is None or not policies.may_sign_review(signer, apprenticeship):
        raise ApprenticeshipError(
            None,
            "Only the apprentice, the employer's representative and the training "
            "provider's representative named on this apprenticeship sign its "
            "reviews. Nothing was signed.",
        )
    return role


def record_review(
    apprenticeship: Apprenticeship,
    *,
    recorded_by: User,
    held_on: date,
    progress: str,
    next_steps: str,
    password: str,
    today: date,
) -> ProgressReview:
    """Record a progress review and sign it as the recorder's part on the
    apprenticeship. Someone not named on it is refused before their password is
    asked; a date in the future or before the start, or missing words, are refused;
    a wrong password is audited and signs nothing. Nothing is stored on a refusal."""
    _refuse_unnamed(recorded_by, apprenticeship)
    refusal = rules.review_date_refusal(
        held_on=held_on, start=apprenticeship.start_date, today=today
    )
    if refusal:
        raise ApprenticeshipError("held_on", refusal)
    if not progress.strip():
        raise ApprenticeshipError("progress", "Enter the progress made")
    if not next_steps.strip():
        raise ApprenticeshipError("next_steps", "Enter the next steps agreed")
    reauthentication = reauthenticate(
        recorded_by, password=password, record=apprenticeship, meaning=MEANING
    )
    return _record_review(
        apprenticeship,
        recorded_by=recorded_by,
        held_on=held_on,
        progress=progress.strip(),
        next_steps=next_steps.strip(),
        reauthentication=reauthentication,
    )


@transaction.atomic
def _record_review(
    apprenticeship: Apprenticeship,
    *,
    recorded_by: User,
    held_on: date,
    progress: str,
    next_steps: str,
    reauthentication: Reauthentication,
) -> ProgressReview:
    apprenticeship = _locked(apprenticeship)
    role = _refuse_unnamed(recorded_by, apprenticeship)
    review = ProgressReview.objects.create(
        apprenticeship=apprenticeship,
        held_on=held_on,
        progress=progress,
        next_steps=next_steps,
        recorded_by=recorded_by,
    )
    signature = sign_record(
        review,
        signer=recorded_by,
        meaning=MEANING,
        role=role,
        content=signed_content(review),
        reauthentication=reauthentication,
        reauthenticated_for=apprenticeship,
    )
    setattr(review, SIGNATURE_FIELDS[role], signature)
    review.save(update_fields=[SIGNATURE_FIELDS[role]])
    record_audit_event(
        "apprenticeships.progress_review_recorded",
        actor=recorded_by,
        target=review,
        details={"held_on": held_on.isoformat(), "role": role},
    )
    return review


def sign_review(
    review: ProgressReview, *, signer: User, password: str
) -> ProgressReview:
    """Another person named on the apprenticeship signs the review with their
    re-entered password. Someone not named on it, or a part already signed, is
    refused and nothing is stored."""
    role = _refuse_unnamed(signer, review.apprenticeship)
    if getattr(review, f"{SIGNATURE_FIELDS[role]}_id"):
        raise ApprenticeshipError(None, "You have already signed this review.")
    reauthentication = reauthenticate(
        signer, password=password, record=review, meaning=MEANING
    )
    return _sign_review(review, signer=signer, reauthentication=reauthentication)


@transaction.atomic
def _sign_review(
    review: ProgressReview, *, signer: User, reauthentication: Reauthentication
) -> ProgressReview:
    review = ProgressReview.objects.select_for_update().get(pk=review.pk)
    role = _refuse_unnamed(signer, review.apprenticeship)
    field = SIGNATURE_FIELDS[role]
    if getattr(review, f"{field}_id"):
        raise ApprenticeshipError(None, "You have already signed this review.")
    signature = sign_record(
        review,
        signer=signer,
        meaning=MEANING,
        role=role,
        content=signed_content(review),
        reauthentication=reauthentication,
    )
    setattr(review, field, signature)
    review.save(update_fields=[field])
    return review
