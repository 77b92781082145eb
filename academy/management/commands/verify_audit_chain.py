from django.core.management.base import BaseCommand, CommandError

from academy.services import CHECKPOINTS_CHECKED, audit_trail_report


class Command(BaseCommand):
    help = (
        "Check every audit event's hash (HMAC under the audit key) and its link to "
        "the event before it, then the chain against its latest signed checkpoints: "
        "names truncation, recomputation and bad checkpoint signatures, and exits 1."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--checkpoints",
            type=int,
            default=CHECKPOINTS_CHECKED,
            help="How many of the latest checkpoints to check "
            f"(default {CHECKPOINTS_CHECKED}).",
        )

    def handle(self, *args, **options):
        report = audit_trail_report(checkpoints=max(options["checkpoints"], 1))
        problems = report.problems()
        if problems:
            raise CommandError(
                "\n".join(
                    [
                        *problems,
                        f"The audit trail failed its check: {len(problems)} "
                        "problem(s) above.",
                    ]
                )
            )
        for line in report.summary():
            self.stdout.write(line)
