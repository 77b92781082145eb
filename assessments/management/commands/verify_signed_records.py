from django.core.management.base import BaseCommand, CommandError

from assessments.integrity.scan import verify_signed_records
from passport.models import SignatureProblem


class Command(BaseCommand):
    help = (
        "Re-verify every electronic signature against the record it signs and the "
        "audit trail; record a finding for each mismatch (suspending nothing) and "
        "exit non-zero while any finding is open."
    )

    def handle(self, *args, **options):
        report = verify_signed_records()
        for kind, count in sorted(report.checked.items()):
            self.stdout.write(f"Checked {count} signature(s) of {kind}")
        accepted = {finding.subject for finding in report.findings.accepted}
        new = {finding.subject for finding in report.findings.new}
        for mismatch in report.mismatches:
            if mismatch.subject in accepted:
                state = "resolved by an administrator"
            elif mismatch.subject in new:
                state = "NEW finding"
            else:
                state = "finding open"
            problem = SignatureProblem(mismatch.problem).label
            self.stdout.write(
                f"MISMATCH {mismatch.subject}: {mismatch.description}. {problem} "
                f"({state})"
            )
        if not report.ok:
            raise CommandError(
                f"{report.open_findings} signature finding(s) open "
                f"({len(report.findings.new)} new tonight); resolve them under "
                "Signature findings in the admin."
            )
        self.stdout.write(
            f"OK {sum(report.checked.values())} signatures, "
            f"{len(report.mismatches)} mismatch(es) all resolved"
            if report.mismatches
            else f"OK {sum(report.checked.values())} signatures"
        )
