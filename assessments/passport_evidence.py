"""What the records behind a competence's evidence say, for the passport to put into
plain words (`passport.competences.evidence`): when a knowledge attempt passed and
its score, who read each process validation result."""

from django.utils import timezone

from assessments.models import Attempt, ProcessValidation
from passport.competences.evidence import EvidenceRecords, KnowledgePass, ValidationRead


def evidence_records(
    *, attempt_ids: set[int], validation_ids: set[int]
) -> EvidenceRecords:
    """The passed attempts and validation results among the ids; two queries at most."""
    attempts = {}
    if attempt_ids:
        for pk, submitted_at, percent in Attempt.objects.filter(
            pk__in=attempt_ids, passed=True, submitted_at__isnull=False
        ).values_list("pk", "submitted_at", "percent"):
            attempts[pk] = KnowledgePass(
                passed_on=timezone.localdate(submitted_at), percent=percent
            )
    validations = {}
    if validation_ids:
        validations = {
            pk: ValidationRead(read_by=read_by)
            for pk, read_by in ProcessValidation.objects.filter(
                pk__in=validation_ids
            ).values_list("pk", "read_by")
        }
    return EvidenceRecords(attempts=attempts, validations=validations)
