from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.core import mail
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from academy.models import User
from demo import academy as framework_and_people
from demo import (
    apprenticeships,
    assessments,
    careers,
    courses,
    notices,
    passport,
    revalidation,
    scheduled,
    trainers,
    workforce,
)
from demo.assessments import validations, workplace
from demo.passport import sharing

# Each step builds on the ones before it: content, the network, plans and first awards,
# question banks, then records that need them all; then today's scheduled jobs, so
# nothing stored is stale; last, the notifications they all made.
STEPS = (
    courses.load,
    careers.load,
    trainers.load_network,
    passport.load_plans,
    passport.load_awards,
    assessments.load,
    passport.load_credentials,
    sharing.load,
    workplace.load,
    validations.load_validations,
    revalidation.load,
    apprenticeships.load,
    workforce.load,
    scheduled.load,
    notices.load,
)
KEEP_EMAILS_IN = "django.core.mail.backends.locmem.EmailBackend"


@contextmanager
def demo_emails_kept() -> Iterator[list]:
    """The e-mails the demo's own events send (a few dozen notifications) go to
    Django's in-memory backend while it loads, never to the terminal or a mail
    server; the list yielded holds them once the load is over. (With a broker and
    workers configured, the workers send what they are given.)"""
    kept: list = []
    before = getattr(mail, "outbox", None)
    mail.outbox = []
    try:
        with override_settings(EMAIL_BACKEND=KEEP_EMAILS_IN):
            yield kept
    finally:
        kept.extend(mail.outbox)
        if before is None:
            del mail.outbox
        else:
            mail.outbox = before


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
        with demo_emails_kept() as emails:
            self.load()
        self.stdout.write(f"{len(emails)} demo e-mails not sent.")
        self.stdout.write(
            f"\nDemo accounts (password: {framework_and_people.DEMO_PASSWORD}):"
        )
        for account in framework_and_people.ACCOUNTS:
            role = account.role or "Administrator"
            self.stdout.write(f"  {account.email:<28} {role:<15} {account.full_name}")

    def load(self) -> None:
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
