"""Who may see and act on whose training: the one module that grants, revokes and
checks object permissions (django-guardian), and the querysets behind lists.

Single-object checks use guardian's direct-foreign-key permission tables. Lists use
relational queries on supervisions and mentorships, which the permissions benchmark
(bench/permissions.py, docs/performance.md) showed to be faster than
`get_objects_for_user` at scale.
"""

from datetime import date

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from guardian.core import ObjectPermissionChecker
from guardian.shortcuts import assign_perm, get_objects_for_user, remove_perm

from academy.models import Competency, Organisation, User
from trainers.models import (
    Accreditation,
    Mentorship,
    MentorshipStatus,
    Supervision,
    TraineeRecord,
)
from trainers.rules import AccreditationScope, covers

VIEW_RECORD = "view_trainee_record"
SUPERVISE = "supervise_trainee"
MANAGE_ORGANISATION = "manage_organisation"


def _today() -> date:
    return timezone.localdate()


def current_supervisions(*, today: date | None = None) -> QuerySet[Supervision]:
    """Supervisions that have started and not ended."""
    today = today or _today()
    return Supervision.objects.filter(starts_on__lte=today).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gt=today)
    )


def current_accreditations(*, today: date | None = None) -> QuerySet[Accreditation]:
    """Accreditations that have started and not expired: expiry needs no task."""
    today = today or _today()
    return Accreditation.objects.filter(starts_on__lte=today, expires_on__gt=today)


# Grants and revocations: called by services when relationships start and end.


def sync_record_access(*, user: User, trainee: User) -> None:
    """Give `user` exactly the access to the trainee's record that their current
    supervisions and active mentorships justify: a trainer may view and supervise,
    a mentor may view; with neither, access is removed at once."""
    record, _ = TraineeRecord.objects.get_or_create(trainee=trainee)
    supervises = current_supervisions().filter(trainer=user, trainee=trainee).exists()
    mentors = Mentorship.objects.filter(
        mentor=user, mentee=trainee, status=MentorshipStatus.ACTIVE
    ).exists()
    for codename, allowed in (
        (SUPERVISE, supervises),
        (VIEW_RECORD, supervises or mentors),
    ):
        if allowed:
            assign_perm(codename, user, record)
        else:
            remove_perm(codename, user, record)


def grant_organisation_management(*, user: User, organisation: Organisation) -> None:
    """A training lead manages the supervision, accreditation and plans of their
    organisation's staff."""
    assign_perm(MANAGE_ORGANISATION, user, organisation)


def revoke_organisation_management(*, user: User, organisation: Organisation) -> None:
    remove_perm(MANAGE_ORGANISATION, user, organisation)


# Checks used by views.


def _has_record_perm(user: User, trainee: User, codename: str) -> bool:
    record = TraineeRecord.objects.filter(trainee=trainee).first()
    return record is not None and ObjectPermissionChecker(user).has_perm(
        codename, record
    )


def can_manage_organisation(user: User, organisation: Organisation | None) -> bool:
    """Only a current training lead of the organisation manages it."""
    if organisation is None or not user.is_authenticated or not user.is_active:
        return False
    return ObjectPermissionChecker(user).has_perm(MANAGE_ORGANISATION, organisation)


def can_view_trainee_record(user: User, trainee: User) -> bool:
    """A person sees their own record; their current trainers and mentors, and the
    training lead of their organisation, see it too. Nobody else."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.pk == trainee.pk:
        return True
    return _has_record_perm(user, trainee, VIEW_RECORD) or can_manage_organisation(
        user, trainee.organisation
    )


def can_plan_training(user: User, trainee: User) -> bool:
    """A supervising trainer or the trainee's training lead assigns training plans;
    never the trainee themselves."""
    if not user.is_authenticated or user.pk == trainee.pk:
        return False
    return _has_record_perm(user, trainee, SUPERVISE) or can_manage_organisation(
        user, trainee.organisation
    )


def can_assign_trainer(user: User, trainee: User) -> bool:
    """Only the trainee's training lead assigns their trainers, never the trainee."""
    return user.pk != trainee.pk and can_manage_organisation(user, trainee.organisation)


def can_grant_accreditation(user: User, person: User) -> bool:
    """Only the person's training lead accredits them, never the person themselves."""
    return user.pk != person.pk and can_manage_organisation(user, person.organisation)


def can_recognise_competence(user: User, person: User) -> bool:
    """Only the person's training lead recognises a competence they hold from another
    Academy deployment, never the person themselves."""
    return user.pk != person.pk and can_manage_organisation(user, person.organisation)


def accreditation_scope(accreditation: Accreditation) -> AccreditationScope:
    return AccreditationScope(
        competency_ids=frozenset(c.pk for c in accreditation.competencies.all()),
        area_ids=frozenset(a.pk for a in accreditation.areas.all()),
        band_from=accreditation.band_from,
        band_to=accreditation.band_to,
    )


def can_assess(
    user: User, trainee: User, competency: Competency, *, today: date | None = None
) -> bool:
    """A workplace assessor signs off a trainee only while supervising them, only
    within a current accreditation that covers the competency, and never themselves."""
    if not user.is_authenticated or not user.is_active or user.pk == trainee.pk:
        return False
    if (
        not current_supervisions(today=today)
        .filter(trainer=user, trainee=trainee)
        .exists()
    ):
        return False
    accreditations = current_accreditations(today=today).filter(person=user)
    return any(
        covers(
            accreditation_scope(accreditation),
            competency_id=competency.pk,
            area_id=competency.area_id,
            band_from=competency.band_from,
            band_to=competency.band_to,
        )
        for accreditation in accreditations.prefetch_related("competencies", "areas")
    )


# Querysets behind lists.


def trainees_for_trainer(user: User, *, today: date | None = None) -> QuerySet[User]:
    """The people this trainer currently supervises."""
    supervised = current_supervisions(today=today).filter(trainer=user)
    return User.objects.filter(pk__in=supervised.values("trainee")).select_related(
        "organisation"
    )


def trainers_of(trainee: User, *, today: date | None = None) -> QuerySet[User]:
    """The trainers currently supervising this trainee."""
    supervising = current_supervisions(today=today).filter(trainee=trainee)
    return User.objects.filter(pk__in=supervising.values("trainer")).select_related(
        "organisation"
    )


def mentees_of(user: User) -> QuerySet[User]:
    """The people this mentor is actively mentoring."""
    active = Mentorship.objects.filter(mentor=user, status=MentorshipStatus.ACTIVE)
    return User.objects.filter(pk__in=active.values("mentee")).select_related(
        "organisation"
    )


def organisations_led_by(user: User) -> QuerySet[Organisation]:
    """The organisations this person manages as training lead."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return get_objects_for_user(
        user,
        f"academy.{MANAGE_ORGANISATION}",
        klass=Organisation,
        use_groups=False,
        with_superuser=False,
        accept_global_perms=False,
    )


def assessors_for(competency: Competency, *, today: date | None = None) -> QuerySet:
    """Ids of people holding a current accreditation covering the competency (named
    outright, or its area within an overlapping band range)."""
    return (
        current_accreditations(today=today)
        .filter(
            Q(competencies=competency)
            | Q(
                areas=competency.area_id,
                band_from__lte=competency.band_to,
                band_to__gte=competency.band_from,
            )
        )
        .values("person")
    )


def competencies_assessable_by(
    user: User, *, today: date | None = None
) -> QuerySet[Competency]:
    """The competencies this person's current accreditations cover (named outright, or
    their area within an overlapping band range)."""
    accreditations = current_accreditations(today=today).filter(person=user)
    named = accreditations.values("competencies")
    return Competency.objects.filter(
        Q(pk__in=named)
        | Q(
            Exists(
                accreditations.filter(
                    areas=OuterRef("area"),
                    band_from__lte=OuterRef("band_to"),
                    band_to__gte=OuterRef("band_from"),
                )
            )
        )
    )


def can_countersign(
    user: User,
    *,
    trainee: User,
    competency: Competency,
    first_signer: User,
    today: date | None = None,
) -> bool:
    """A countersignature is a second accredited assessor's, from the trainee's own
    organisation: never the first signer's, never the trainee's own, and only within a
    current accreditation."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.pk in (trainee.pk, first_signer.pk):
        return False
    if user.organisation_id is None or user.organisation_id != trainee.organisation_id:
        return False
    return (
        competencies_assessable_by(user, today=today).filter(pk=competency.pk).exists()
    )


def can_moderate_competences(user: User) -> bool:
    """TSET moderators and administrators see every competence and certificate, and
    may suspend or revoke a competence; nobody else does through the admin."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name="TSET moderator").exists()
