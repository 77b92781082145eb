"""The pages the benchmark runner measures, and who is signed in for each.

Run by bench/run_all.py in a process set up for one database; prints, as JSON, each
page's path and session cookie, or why it is not available. A page is one line in
TARGETS: its URL name (with the arguments it needs) and the person who opens it. A
page whose URL does not resolve, or whose object does not exist yet, is reported as
"not available" and skipped.

    DATABASE_URL=... DJANGO_SETTINGS_MODULE=bench.settings .venv/bin/python bench/targets.py
"""

import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# People who open the pages: the demo trainee (part way through a module), a trainer
# of the scale dataset (about 330 trainees at every size), the demo training lead and
# the demo's regional and national leads (the workforce dashboards).
PEOPLE = {
    "trainee": "trainee@academy.example",
    "trainer": "trainer00000@scale.example",
    "lead": "lead@academy.example",
    "regional": "regional@academy.example",
    "national": "national@academy.example",
}


@dataclass(frozen=True)
class Target:
    label: str
    person: str | None
    url_name: str = ""
    arguments: Callable[[], dict] = field(default=dict)
    path: Callable[[], str] | None = None


def continue_lesson() -> str:
    """The lesson the demo trainee would continue with ("Continue where you left off")."""
    from academy.models import User
    from courses.queries.learning import module_lessons, my_modules, next_lesson

    trainee = User.objects.get(email=PEOPLE["trainee"])
    in_progress, _ = my_modules(trainee)
    return next_lesson(
        module_lessons(in_progress[0].module, trainee=trainee)
    ).lesson.url


def home_page() -> str:
    return "/"


def catalogue() -> str:
    from courses.models import CataloguePage

    return CataloguePage.objects.live().get().url


def first_certificate() -> dict:
    from django.apps import apps

    certificates = apps.get_model("passport", "Certificate").objects
    return {"code": certificates.order_by("pk").values_list("verification_code", flat=True)[0]}  # fmt: skip


def lead_organisation() -> dict:
    from django.apps import apps

    lead = apps.get_model("academy", "User").objects.get(email="lead@academy.example")
    return {"pk": lead.organisation_id}


BARE = "Bare Django view"
TARGETS = [
    Target("Home page (trainee)", "trainee", path=home_page),
    Target("Home page (trainer)", "trainer", path=home_page),
    Target("Lesson page", "trainee", path=continue_lesson),
    Target("My learning", "trainee", "courses:my_learning"),
    Target("Catalogue", "trainee", path=catalogue),
    Target("Trainer dashboard", "trainer", "trainers:trainer_dashboard"),
    Target("Sign-off queue", "trainer", "assessments:sign_off_queue"),
    Target("Passport", "trainee", "passport:passport"),
    Target("Verification page", None, "verify_certificate", first_certificate),
    Target("Competence matrix", "lead", "passport:matrix", lead_organisation),
    Target("Workforce dashboard (national)", "national", "workforce:dashboard"),
    Target("Workforce dashboard (regional)", "regional", "workforce:dashboard"),
]


def session_cookie(email: str) -> str:
    """A signed-in session for `email`, as the sign-in view would leave it."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    from academy.models import User

    user = User.objects.get(email=email)
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def resolve() -> list[dict]:
    from django.urls import reverse

    # The bare view gets the trainee's session, so it pays for loading the session
    # and the signed-in user as the pages do.
    cookies = {"trainee": session_cookie(PEOPLE["trainee"])}
    bare = {"label": BARE, "path": "/bench/bare/", "cookie": cookies["trainee"]}
    resolved = [bare]
    for target in TARGETS:
        try:
            path = (
                target.path()
                if target.path
                else reverse(target.url_name, kwargs=target.arguments())
            )
        except Exception as error:  # noqa: BLE001 - any failure means "not yet built"
            resolved.append({"label": target.label, "missing": type(error).__name__})
            continue
        if target.person and target.person not in cookies:
            cookies[target.person] = session_cookie(PEOPLE[target.person])
        cookie = cookies.get(target.person, "")
        resolved.append({"label": target.label, "path": path, "cookie": cookie})
    return resolved


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    print(json.dumps(resolve()))
