"""Writes of the trainer and mentor network. Each one records an audit event and
grants or revokes object permissions explicitly, in the same transaction."""

from collections.abc import Iterable
from datetime import date

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from academy.models import Competency, Organisation, SpecialistArea, User
from academy.services import record_audit_event
from notifications.kinds import Kind
from notifications.services import notify
from trainers import permissions
from trainers.models import (
    OPEN_MENTORSHIP,
    Accreditation,
    DirectoryProfile,
    MentorNote,
    Mentorship,
    MentorshipStatus,
    Supervision,
    TrainingLeadRole,
)
from trainers.rules import may_supervise_across

TRAINER_ROLE = "Trainer"
LEAD_ROLE = "Training lead"


@transaction.atomic
def appoint_training_lead(
    *, person: User, organisation: Organisation, appointed_by: User | None = None
) -> TrainingLeadRole:
    """Make a person training lead of an organisation from today."""
    role, created = TrainingLeadRole.objects.get_or_create(
        person=person,
        organisation=organisation,
        ends_on=None,
        defaults={"starts_on": timezone.localdate()},
    )
    person.groups.add(Group.objects.get(name=LEAD_ROLE))
    permissions.grant_organisation_management(user=person, organisation=organisation)
    if created:
        record_audit_event(
            "trainers.training_lead_appointed",
            actor=appointed_by,
            target=role,
            details={"organisation": organisation.ods_code},
        )
    return role


@transaction.atomic
def end_training_lead_role(*, role: TrainingLeadRole, ended_by: User) -> None:
    """End a lead role today; the person stops managing the organisation at once."""
    role.ends_on = timezone.localdate()
    role.save(update_fields=["ends_on"])
    permissions.revoke_organisation_management(
        user=role.person, organisation=role.organisation
    )
    if not TrainingLeadRole.objects.filter(person=role.person, ends_on=None).exists():
        role.person.groups.remove(Group.objects.get(name=LEAD_ROLE))
    record_audit_event("trainers.training_lead_role_ended", actor=ended_by, target=role)


def missing_assessor_qualifications(person: User) -> list[str]:
    """What the person still needs before they can be accredited as an assessor.

    Apps that record competences register an `accreditation_prerequisites` hook (for
    example: holds a current EDU-01, train the trainer); until one does, a training
    lead grants accreditation on their own authority, with a recorded reason."""
    missing: list[str] = []
    for check in hooks.get_hooks("accreditation_prerequisites"):
        missing.extend(check(person))
    return missing


@transaction.atomic
def grant_accreditation(
    *,
    person: User,
    granted_by: User,
    competencies: Iterable[Competency] = (),
    areas: Iterable[SpecialistArea] = (),
    band_from: int,
    band_to: int,
    starts_on: date,
    expires_on: date,
    reason: str,
) -> Accreditation:
    """Accredit a member of the lead's staff to assess named competencies or whole
    areas within a band range, from one date until expiry; only their training lead
    may, with a reason. Someone who is not yet a trainer is given the Trainer role by
    this act, audited with it."""
    competencies, areas = list(competencies), list(areas)
    if not permissions.can_grant_accreditation(granted_by, person):
        raise ValidationError("Only the person's training lead can accredit them.")
    errors = []
    if not reason.strip():
        errors.append("Give the reason for the accreditation.")
    if not competencies and not areas:
        errors.append("Choose at least one competency or specialist area.")
    if expires_on <= starts_on:
        errors.append("The expiry date must be after the start date.")
    if band_from > band_to:
        errors.append("The highest band must not be below the lowest band.")
    errors.extend(missing_assessor_qualifications(person))
    if errors:
        raise ValidationError(errors)
    accreditation = Accreditation.objects.create(
        person=person,
        granted_by=granted_by,
        band_from=band_from,
        band_to=band_to,
        starts_on=starts_on,
        expires_on=expires_on,
        reason=reason.strip(),
    )
    accreditation.competencies.set(competencies)
    accreditation.areas.set(areas)
    record_audit_event(
        "trainers.accreditation_granted",
        actor=granted_by,
        target=accreditation,
        details={
            "competencies": [c.code for c in competencies],
            "areas": [a.code for a in areas],
            "bands": [band_from, band_to],
            "starts_on": starts_on,
            "expires_on": expires_on,
            "reason": reason.strip(),
        },
    )
    if not person.groups.filter(name=TRAINER_ROLE).exists():
        person.groups.add(Group.objects.get(name=TRAINER_ROLE))
        record_audit_event(
            "trainers.trainer_role_granted",
            actor=granted_by,
            target=person,
            details={"accreditation": accreditation.pk},
        )
    return accreditation


@transaction.atomic
def assign_trainer(
    *, trainer: User, trainee: User, assigned_by: User, starts_on: date | None = None
) -> Supervision:
    """A training lead assigns a trainer from the trainee's organisation or region;
    the trainer can see and supervise the trainee's record from that moment."""
    today = timezone.localdate()
    starts_on = starts_on or today
    if not permissions.can_assign_trainer(assigned_by, trainee):
        raise ValidationError("Only the trainee's training lead can assign a trainer.")
    if trainer.pk == trainee.pk:
        raise ValidationError("A trainee cannot be their own trainer.")
    if not trainer.groups.filter(name=TRAINER_ROLE).exists():
        raise ValidationError(f"{trainer} does not have the trainer role.")
    if not may_supervise_across(
        trainer_org_id=trainer.organisation_id,
        trainer_region=trainer.organisation.region if trainer.organisation else "",
        trainee_org_id=trainee.organisation_id,
        trainee_region=trainee.organisation.region if trainee.organisation else "",
    ):
        raise ValidationError(
            "The trainer must work in the trainee's organisation or region."
        )
    if starts_on > today:
        raise ValidationError("The start date must be today or in the past.")
    if Supervision.objects.filter(
        trainer=trainer, trainee=trainee, ends_on=None
    ).exists():
        raise ValidationError(f"{trainer} already supervises {trainee}.")
    supervision = Supervision.objects.create(
        trainer=trainer, trainee=trainee, starts_on=starts_on, assigned_by=assigned_by
    )
    permissions.sync_record_access(user=trainer, trainee=trainee)
    record_audit_event(
        "trainers.supervision_started",
        actor=assigned_by,
        target=supervision,
        details={"trainer": trainer.email, "trainee": trainee.email},
    )
    return supervision


@transaction.atomic
def end_supervision(*, supervision: Supervision, ended_by: User) -> Supervision:
    """End a supervision today; the trainer loses access to the record at once."""
    if supervision.ends_on is not None:
        raise ValidationError("This supervision has already ended.")
    supervision.ends_on = timezone.localdate()
    supervision.ended_by = ended_by
    supervision.save(update_fields=["ends_on", "ended_by"])
    permissions.sync_record_access(
        user=supervision.trainer, trainee=supervision.trainee
    )
    record_audit_event("trainers.supervision_ended", actor=ended_by, target=supervision)
    return supervision


@transaction.atomic
def update_directory_profile(
    *,
    person: User,
    listed: bool,
    offers_mentoring: bool,
    work_summary: str,
    expertise: Iterable[SpecialistArea],
) -> DirectoryProfile:
    """Save what a person chooses to show in the network directory."""
    profile, _ = DirectoryProfile.objects.update_or_create(
        person=person,
        defaults={
            "listed": listed,
            "offers_mentoring": offers_mentoring,
            "work_summary": work_summary.strip(),
        },
    )
    profile.expertise.set(expertise)
    return profile


@transaction.atomic
def request_mentorship(*, mentee: User, mentor: User, message: str) -> Mentorship:
    """Ask a mentor listed in the directory for mentoring."""
    if mentee.pk == mentor.pk:
        raise ValidationError("You cannot mentor yourself.")
    if not DirectoryProfile.objects.filter(
        person=mentor, listed=True, offers_mentoring=True
    ).exists():
        raise ValidationError(f"{mentor} is not offering mentoring.")
    if Mentorship.objects.filter(
        mentor=mentor, mentee=mentee, status__in=OPEN_MENTORSHIP
    ).exists():
        raise ValidationError(f"You already have a request or mentoring with {mentor}.")
    if not message.strip():
        raise ValidationError("Say what you would like help with.")
    mentorship = Mentorship.objects.create(
        mentor=mentor, mentee=mentee, message=message.strip()
    )
    record_audit_event("trainers.mentorship_requested", actor=mentee, target=mentorship)
    notify(
        recipient=mentor,
        kind=Kind.MENTORING_REQUESTED,
        title=f"{mentee.full_name} asks you for mentoring",
        body=mentorship.message,
        link=reverse("trainers:mentorship", args=[mentorship.pk]),
        event_key=f"mentoring_requested:{mentorship.pk}",
    )
    return mentorship


def _respond(
    mentorship: Mentorship, *, by: User, status: str, audit_action: str
) -> Mentorship:
    if by.pk != mentorship.mentor_id:
        raise ValidationError("Only the mentor can answer this request.")
    if mentorship.status != MentorshipStatus.REQUESTED:
        raise ValidationError("This request has already been answered.")
    mentorship.status = status
    mentorship.responded_at = timezone.now()
    if status == MentorshipStatus.ACTIVE:
        mentorship.started_on = timezone.localdate()
    mentorship.save(update_fields=["status", "responded_at", "started_on"])
    permissions.sync_record_access(user=mentorship.mentor, trainee=mentorship.mentee)
    record_audit_event(audit_action, actor=by, target=mentorship)
    return mentorship


@transaction.atomic
def accept_mentorship(*, mentorship: Mentorship, by: User) -> Mentorship:
    """The mentor accepts: they can see the mentee's plan and progress, read-only."""
    mentorship = _respond(
        mentorship,
        by=by,
        status=MentorshipStatus.ACTIVE,
        audit_action="trainers.mentorship_accepted",
    )
    notify(
        recipient=mentorship.mentee,
        kind=Kind.MENTORING_ACCEPTED,
        title=f"{by.full_name} has accepted your request for mentoring",
        body=f"{by.full_name} can now see your training plan and progress, read-only.",
        link=reverse("trainers:mentorship", args=[mentorship.pk]),
        event_key=f"mentoring_accepted:{mentorship.pk}",
    )
    return mentorship


@transaction.atomic
def decline_mentorship(*, mentorship: Mentorship, by: User) -> Mentorship:
    """The mentor declines the request."""
    return _respond(
        mentorship,
        by=by,
        status=MentorshipStatus.DECLINED,
        audit_action="trainers.mentorship_declined",
    )


@transaction.atomic
def end_mentorship(*, mentorship: Mentorship, by: User) -> Mentorship:
    """Either side ends the mentoring; the mentor loses access at once."""
    if by.pk not in {mentorship.mentor_id, mentorship.mentee_id}:
        raise ValidationError("Only the mentor or the mentee can end this mentoring.")
    if mentorship.status not in OPEN_MENTORSHIP:
        raise ValidationError("This mentoring has already ended.")
    mentorship.status = MentorshipStatus.ENDED
    mentorship.ended_on = timezone.localdate()
    mentorship.ended_by = by
    mentorship.save(update_fields=["status", "ended_on", "ended_by"])
    permissions.sync_record_access(user=mentorship.mentor, trainee=mentorship.mentee)
    record_audit_event("trainers.mentorship_ended", actor=by, target=mentorship)
    return mentorship


@transaction.atomic
def add_mentor_note(
    *, mentorship: Mentorship, author: User, written_on: date, text: str
) -> MentorNote:
    """The mentor keeps a dated note of an active mentoring."""
    if author.pk != mentorship.mentor_id:
        raise ValidationError("Only the mentor keeps notes.")
    if mentorship.status != MentorshipStatus.ACTIVE:
        raise ValidationError("Notes can only be added while the mentoring is active.")
    if not text.strip():
        raise ValidationError("Enter the note.")
    return MentorNote.objects.create(
        mentorship=mentorship, written_on=written_on, text=text.strip()
    )
