"""The trainer and mentor network: accreditation, supervision, mentorship, lead roles,
the network directory, and the object-permission tables behind them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from academy.models import Band, Competency, Organisation, SpecialistArea


class TraineeRecord(models.Model):
    """The training record of one person: the object that trainers and mentors are
    given permission to see (and supervising trainers to assess)."""

    trainee = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="trainee_record",
    )

    class Meta:
        permissions = [
            ("view_trainee_record", "May see this trainee's plan and progress"),
            ("supervise_trainee", "Supervises this trainee as their trainer"),
        ]

    def __str__(self) -> str:
        return f"Training record of {self.trainee}"


class TraineeRecordUserPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(TraineeRecord, on_delete=models.CASCADE)


class TraineeRecordGroupPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(TraineeRecord, on_delete=models.CASCADE)


class OrganisationUserPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Organisation, on_delete=models.CASCADE)


class OrganisationGroupPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Organisation, on_delete=models.CASCADE)


class TrainingLeadRole(models.Model):
    """A person appointed training lead of an organisation, from one date to another."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="lead_roles"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="lead_roles"
    )
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["organisation__name", "-starts_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "organisation"],
                condition=Q(ends_on__isnull=True),
                name="one_open_lead_role_per_organisation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person}, training lead of {self.organisation.name}"


class Accreditation(models.Model):
    """A person's accreditation as a workplace assessor: which competencies (or whole
    specialist areas within a band range) they may sign off, and until when."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="accreditations",
    )
    competencies = models.ManyToManyField(Competency, blank=True, related_name="+")
    areas = models.ManyToManyField(
        SpecialistArea, blank=True, related_name="+", verbose_name="specialist areas"
    )
    band_from = models.PositiveSmallIntegerField(
        "lowest band", choices=Band.choices, default=Band.BAND_2
    )
    band_to = models.PositiveSmallIntegerField(
        "highest band", choices=Band.choices, default=Band.BAND_8A
    )
    starts_on = models.DateField()
    expires_on = models.DateField()
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField()

    class Meta:
        ordering = ["-expires_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_on__lt=models.F("expires_on")),
                name="accreditation_starts_before_expiry",
            ),
            models.CheckConstraint(
                condition=Q(band_from__lte=models.F("band_to")),
                name="accreditation_bands_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"Accreditation of {self.person} until {self.expires_on:%d %B %Y}"


class Supervision(models.Model):
    """A trainer assigned to supervise a trainee; a trainee may have several."""

    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="supervising"
    )
    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="supervisions"
    )
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        ordering = ["-starts_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["trainer", "trainee"],
                condition=Q(ends_on__isnull=True),
                name="one_open_supervision_per_pair",
            ),
            models.CheckConstraint(
                condition=~Q(trainer=models.F("trainee")),
                name="supervision_not_of_oneself",
            ),
        ]
        indexes = [models.Index(fields=["trainer", "ends_on"])]

    def __str__(self) -> str:
        return f"{self.trainer} supervises {self.trainee}"


class MentorshipStatus(models.TextChoices):
    REQUESTED = "requested", "Requested"
    ACTIVE = "active", "Active"
    DECLINED = "declined", "Declined"
    ENDED = "ended", "Ended"


OPEN_MENTORSHIP = (MentorshipStatus.REQUESTED, MentorshipStatus.ACTIVE)


class Mentorship(models.Model):
    """A mentee's request for a mentor, usually in another organisation, and what
    became of it."""

    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="mentoring"
    )
    mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="mentorships"
    )
    status = models.CharField(
        max_length=10,
        choices=MentorshipStatus.choices,
        default=MentorshipStatus.REQUESTED,
    )
    message = models.TextField("what you would like help with")
    requested_at = models.DateTimeField(auto_now_add=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["mentor", "mentee"],
                condition=Q(status__in=["requested", "active"]),
                name="one_open_mentorship_per_pair",
            ),
            models.CheckConstraint(
                condition=~Q(mentor=models.F("mentee")),
                name="mentorship_not_of_oneself",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mentor} mentoring {self.mentee} ({self.get_status_display()})"


class MentorNote(models.Model):
    """A dated note a mentor keeps about a mentoring conversation."""

    mentorship = models.ForeignKey(
        Mentorship, on_delete=models.CASCADE, related_name="notes"
    )
    written_on = models.DateField()
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-written_on", "-created_at"]

    def __str__(self) -> str:
        return f"Note of {self.written_on:%d %B %Y}"


class DirectoryProfile(models.Model):
    """What a person chooses to show in the network directory: work details only."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="directory_profile",
    )
    listed = models.BooleanField(
        "show me in the network directory",
        default=False,
        help_text="Other signed-in staff can find your name, job title, band, "
        "organisation, region and what you write below.",
    )
    expertise = models.ManyToManyField(
        SpecialistArea, blank=True, related_name="+", verbose_name="areas of expertise"
    )
    work_summary = models.TextField(
        "about your work",
        blank=True,
        max_length=1000,
        help_text="Work details only, such as the units and processes you know. "
        "Do not include personal or contact details.",
    )
    offers_mentoring = models.BooleanField("I offer mentoring", default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["listed"])]

    def __str__(self) -> str:
        return f"Directory entry of {self.person}"
