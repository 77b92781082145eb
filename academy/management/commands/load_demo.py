from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail import hooks

from academy import demo
from academy.models import User


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
        demo.load_people()
        moderator = User.objects.get(email="moderator@academy.example")
        created = demo.load_framework(publisher=moderator)
        demo.submit_demo_competency_change(
            editor=User.objects.get(email="editor@academy.example")
        )
        self.stdout.write(f"Framework: {created} competencies created.")
        for hook in hooks.get_hooks("academy_load_demo"):
            message = hook()
            if message:
                self.stdout.write(message)
        self.stdout.write(f"\nDemo accounts (password: {demo.DEMO_PASSWORD}):")
        for account in demo.ACCOUNTS:
            role = account.role or "Administrator"
            self.stdout.write(f"  {account.email:<28} {role:<15} {account.full_name}")
