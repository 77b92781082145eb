"""Scale step: supervisions and the object permissions they grant, 10 a trainee."""

from datetime import timedelta

from django.contrib.auth.models import Permission
from django.utils import timezone

from trainers.models import Supervision, TraineeRecord, TraineeRecordUserPermission
from trainers.permissions import SUPERVISE, VIEW_RECORD

from .bulk import insert_rows
from .people import scale_trainees, scale_trainers
from .plan import ScalePlan


def create_supervision(plan: ScalePlan) -> int:
    """Each trainee's record, supervised by consecutive trainers; every supervising
    trainer holds the rows that `trainers.permissions.sync_record_access` would
    grant: view and supervise on the trainee's record. Returns the permissions."""
    today = timezone.localdate()
    trainers = list(scale_trainers().values_list("pk", flat=True))
    trainees = list(scale_trainees().values_list("pk", flat=True))
    insert_rows(TraineeRecord, fields=("trainee_id",), rows=((pk,) for pk in trainees))
    records = dict(
        TraineeRecord.objects.filter(trainee__in=trainees).values_list(
            "trainee_id", "pk"
        )
    )
    pairs = [
        (trainers[(position * plan.supervisions_per_trainee + step) % len(trainers)],
         trainee)
        for position, trainee in enumerate(trainees)
        for step in range(plan.supervisions_per_trainee)
    ]  # fmt: skip
    insert_rows(
        Supervision,
        fields=("trainer_id", "trainee_id", "starts_on", "assigned_by_id"),
        rows=(
            (trainer, trainee, today - timedelta(days=trainee % 700), trainer)
            for trainer, trainee in pairs
        ),
    )
    permissions = list(
        Permission.objects.filter(
            content_type__app_label="trainers", codename__in=(VIEW_RECORD, SUPERVISE)
        ).values_list("pk", flat=True)
    )
    return insert_rows(
        TraineeRecordUserPermission,
        fields=("user_id", "permission_id", "content_object_id"),
        rows=(
            (trainer, permission, records[trainee])
            for trainer, trainee in pairs
            for permission in permissions
        ),
    )
