from django.core.management.base import BaseCommand, CommandError

from academy.services import audit_chain_report


class Command(BaseCommand):
    help = "Check every audit event's hash and its link to the event before it."

    def handle(self, *args, **options):
        report = audit_chain_report()
        if not report.ok:
            raise CommandError(
                f"BROKEN at event {report.broken_event_id}: {report.reason} "
                f"({report.checked} events before it verified)"
            )
        self.stdout.write(f"OK {report.checked} events")
