from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from academy.models import User
from demo import academy as framework_and_people
from demo import assessments, courses, notices, passport, trainers
from demo.assessments import validations, workplace
from demo.passport import sharing

# Each step builds on the ones before it: content, the network, plans and first awards,
# question banks, then records that need them all; last, the notifications they made.
STEPS = (
    courses.load,
    trainers.load_network,
    passport.load_plans,
    passport.load_awards,
    assessments.load,
    passport.load_credentials,
    sharing.load,
    workplace.load,
    validations.load_validations,
    notices.load,
)


class Command(BaseCommand):
    help = "Load the demo framework, organisations, accounts and content (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load demo accounts even though DEBUG is off (never on a real service).",
        )

    def handle(self, *args, force: bool = False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refusing to load demo accounts with DEBUG off: they have a published "
                "password. Use --force only on a throwaway environment."
            )
        framework_and_people.load_people()
        moderator = User.objects.get(email="moderator@academy.example")
        created = framework_and_people.load_framework(publisher=moderator)
        framework_and_people.submit_demo_competency_change(
            editor=User.objects.get(email="editor@academy.example")
        )
        self.stdout.write(f"Framework: {created} competencies created.")
        for step in STEPS:
            message = step()
            if message:
                self.stdout.write(message)
        self.stdout.write(
            f"\nDemo accounts (password: {framework_and_people.DEMO_PASSWORD}):"
        )
        for account in framework_and_people.ACCOUNTS:
            role = account.role or "Administrator"
            self.stdout.write(f"  {account.email:<28} {role:<15} {account.full_name}")
