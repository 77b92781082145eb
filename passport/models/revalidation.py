"""Revalidation notices: the warnings sent before a competence expires."""

from django.db import models

from passport.models.competences import Competence, CompetenceEvent


class RevalidationNotice(models.Model):
    """The warning that a competence expires in `threshold_days` (60, 30 or 7 days),
    sent to the holder and their trainers once for each expiry date: the unique
    constraint, not the schedule, is what stops a second e-mail."""

    competence = models.ForeignKey(
        Competence, on_delete=models.PROTECT, related_name="revalidation_notices"
    )
    expires_on = models.DateField()
    threshold_days = models.PositiveSmallIntegerField()
    event = models.OneToOneField(
        CompetenceEvent, on_delete=models.PROTECT, related_name="revalidation_notice"
    )
    sent_at = models.DateTimeField()

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["competence", "expires_on", "threshold_days"],
                name="one_revalidation_notice_per_threshold",
            )
        ]

    def __str__(self) -> str:
        return f"{self.threshold_days}-day notice: {self.competence}"
