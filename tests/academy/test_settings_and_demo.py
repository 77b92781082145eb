import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from jwcrypto import jwk

from academy.models import Competency, Organisation, User

ROOT = Path(__file__).resolve().parents[2]
STRONG_KEY = "k" * 20 + "Q7#x!pL0w9$zR2^vN5&mB8*cT1(yH4)jF6_dS3+aG"
AUDIT_KEY = "production-like-audit-key-" + "a" * 32


def manage(*args, **env):
    environment = {
        key: value for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }  # fmt: skip
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", DJANGO_SETTINGS_MODULE="academy.settings.production")

    assert result.returncode != 0
    assert "SECRET_KEY environment variable is required" in result.stderr


def test_production_passes_the_deployment_checklist_without_warnings():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING",
        DJANGO_SETTINGS_MODULE="academy.settings.production",
        SECRET_KEY=STRONG_KEY, ALLOWED_HOSTS="academy.example.nhs.uk",
        PASSPORT_SIGNING_KEY=jwk.JWK.generate(kty="OKP", crv="Ed25519").export_private(),
        ACADEMY_AUDIT_KEY=AUDIT_KEY,
    )  # fmt: skip

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("cache_url", "engine"),
    [
        ("", "django.contrib.sessions.backends.db"),
        ("redis://127.0.0.1:6379/15", "django.contrib.sessions.backends.cached_db"),
    ],
)
def test_production_reads_sessions_from_the_cache_only_when_it_is_shared(
    cache_url, engine
):
    result = manage(
        "shell", "-c", "from django.conf import settings; print(settings.SESSION_ENGINE)",
        DJANGO_SETTINGS_MODULE="academy.settings.production",
        SECRET_KEY=STRONG_KEY, CACHE_URL=cache_url,
        PASSPORT_SIGNING_KEY=jwk.JWK.generate(kty="OKP", crv="Ed25519").export_private(),
        ACADEMY_AUDIT_KEY=AUDIT_KEY,
    )  # fmt: skip

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == engine


@pytest.mark.django_db
def test_load_demo_refuses_when_debug_is_off(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG off"):
        call_command("load_demo")
    assert not User.objects.exists()


@pytest.mark.django_db
def test_load_demo_creates_the_framework_places_and_accounts_once(demo_data, capsys):
    assert Competency.objects.filter(live=True).count() == 30
    # Northshire, Eastfield and Southvale, and Westmoor for the regional dashboards.
    assert Organisation.objects.count() == 4
    assert Organisation.objects.values("region").distinct().count() == 2
    trainee = User.objects.get(email="trainee@academy.example")
    assert trainee.check_password("academy-demo")
    assert trainee.band == 3
    assert trainee.organisation.unit_type == "mhra"
    assert User.objects.get(email="admin@academy.example").is_superuser
    assert Competency.objects.get(code="ASP-08").revalidation_rule.initial_passes == 3

    counts = (
        User.objects.count(),
        Competency.objects.count(),
        Organisation.objects.count(),
    )
    call_command("load_demo", force=True)
    assert (
        User.objects.count(),
        Competency.objects.count(),
        Organisation.objects.count(),
    ) == counts
    assert "trainee@academy.example" in capsys.readouterr().out


@pytest.mark.django_db
def test_demo_leaves_a_competency_change_waiting_for_moderators(demo_data):
    competency = Competency.objects.get(code="COR-02")

    assert competency.workflow_in_progress
    assert competency.has_unpublished_changes
