from django.core.management.base import BaseCommand, CommandError

from academy.audit_checkpoints import where
from academy.services import CheckpointRefused, write_audit_checkpoint


class Command(BaseCommand):
    help = (
        "Write a signed checkpoint of the audit chain (newest event, its hash, the "
        "number of events) outside the database, as the hourly task does."
    )

    def handle(self, *args, **options):
        try:
            name = write_audit_checkpoint()
        except CheckpointRefused as refused:
            raise CommandError(f"No checkpoint written: {refused}") from refused
        if name is None:
            self.stdout.write("No audit event yet: nothing to checkpoint.")
        else:
            self.stdout.write(f"Checkpoint {name} written to {where()}.")
