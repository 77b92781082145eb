"""Who leads a region, and the monthly summary rows the dashboards read.

The dashboards never count records per request: `services.refresh_workforce_summary`
(run nightly by beat) writes one `WorkforceSummary` row per month, measure and
organisation (and specialist area, band or competency where the measure has them).
"""

from django.conf import settings
from django.db import models

from academy.models import Band, Competency, Organisation, SpecialistArea


class RegionalLeadRole(models.Model):
    """A person appointed regional lead for one region's organisations."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="regional_lead_roles",
    )
    region = models.CharField(
        max_length=100, help_text="As on the organisations, e.g. 'North West'."
    )
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["region", "starts_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(ends_on__isnull=True),
                name="one_open_regional_lead_role_a_person",
            )
        ]

    def __str__(self) -> str:
        return f"Regional lead of {self.region}: {self.person}"


class Measure(models.TextChoices):
    STAFF = "staff", "Staff"
    TRAINEES = "trainees", "Trainees"
    COVERAGE = "coverage", "Valid competences held"
    EXPIRING = "expiring", "Competences expiring within 90 days"
    OVERDUE = "overdue", "Overdue training plan items"
    ATTEMPTS = "attempts", "Knowledge assessment attempts"
    GAPS = "gaps", "Knowledge assessment answers"
    ASSESSORS = "assessors", "Accredited assessors"
    ACCREDITATIONS_EXPIRING = (
        "accreditations",
        "Assessor accreditations expiring within 90 days",
    )
    APPRENTICES = "apprentices", "Apprentices on track"


class WorkforceSummary(models.Model):
    """One month's count of a measure for an organisation and, where the measure has
    them, a specialist area, band and competency. `count` is what is counted (passes
    of attempts, correct answers of answers, apprentices on track of apprentices); `total` its denominator, if any."""

    month = models.DateField(help_text="First day of the month summarised.")
    as_of = models.DateField(help_text="The day the month's figures were taken on.")
    measure = models.CharField(max_length=20, choices=Measure.choices)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    area = models.ForeignKey(
        SpecialistArea, on_delete=models.CASCADE, null=True, related_name="+"
    )
    band = models.PositiveSmallIntegerField(choices=Band.choices, null=True)
    competency = models.ForeignKey(
        Competency, on_delete=models.CASCADE, null=True, related_name="+"
    )
    count = models.PositiveIntegerField()
    total = models.PositiveIntegerField(null=True)
    refreshed_at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(fields=["month", "measure"], name="workforce_month_measure"),
            models.Index(fields=["organisation", "month"], name="workforce_org_month"),
            models.Index(fields=["refreshed_at"], name="workforce_refreshed_at"),
        ]

    def __str__(self) -> str:
        return f"{self.get_measure_display()} {self.month:%B %Y}: {self.count}"
