"""The load test's data: one published module with a small fixed bank, and trainees
who have completed its lesson, so each may start the knowledge assessment at once.

Runs in a process set up for the load test's database (bench/load_assessments.py).
Running it again reuses what is there and only adds trainees that are missing. The
trainees' e-mail addresses are on a reserved domain, so they are easy to tell apart.
Every trainee has the same password, hashed once with the server's hasher (hashing it
200 times would take minutes on the shared machine).
"""

import datetime
from decimal import Decimal

from django.contrib.auth.hashers import get_hasher, make_password
from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Site

from academy.models import (
    Band,
    Competency,
    Organisation,
    SpecialistArea,
    UnitType,
    User,
)
from assessments.models import (
    AssessmentSettings,
    FeedbackPolicy,
    Question,
    QuestionOption,
)
from courses.models import (
    CataloguePage,
    LessonPage,
    LessonProgress,
    ModulePage,
    SpecialistAreaIndexPage,
)
from courses.services import complete_lesson

EMAIL_DOMAIN = "load.example"
PASSWORD = "load-test-only-Wq8r"  # noqa: S105 - a benchmark account, local only
MODULE_SLUG = "load-test-knowledge-assessment"
COMPETENCY_CODE = "LOAD-01"
QUESTIONS_PER_TOPIC = 2

# Four topics, two questions drawn from each: eight questions per attempt, two of them
# numeric. The simulated trainees guess (the key never reaches the browser), so they
# practically always fail; the cool-down is nil and attempts are unlimited, so each
# trainee can start again straight away for the whole run.
BANK = [
    *(
        {
            "topic": "Rules",
            "kind": "single",
            "stem": f"Which of these is the rule for situation {n}?",
            "options": [
                ("The rule", True),
                ("Not the rule", False),
                ("Nor this", False),
            ],
        }
        for n in range(1, 5)
    ),
    *(
        {
            "topic": "Practice",
            "kind": "multiple",
            "stem": f"Which steps belong to procedure {n}? Select all that apply.",
            "options": [
                ("Step A", True),
                ("Step B", True),
                ("Step C", False),
                ("Step D", False),
            ],
        }
        for n in range(1, 4)
    ),
    *(
        {
            "topic": "Facts",
            "kind": "true_false",
            "stem": f"Statement {n} about cleanroom grades is true.",
            "options": [("True", n % 2 == 1), ("False", n % 2 == 0)],
        }
        for n in range(1, 4)
    ),
    *(
        {
            "topic": "Calculations",
            "kind": "numeric",
            "stem": f"What volume holds {n * 150} mg at 60 mg/mL?",
            "options": [],
            "answer": Decimal(n * 150) / 60,
            "unit": "mL",
        }
        for n in range(1, 4)
    ),
]


def load_trainees():
    return User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").order_by("email")


def _publish(parent: Page, page: Page) -> Page:
    page.live = False
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _area_page() -> SpecialistAreaIndexPage:
    """The demo's first area index page, or a catalogue and area made for the test."""
    existing = SpecialistAreaIndexPage.objects.live().order_by("path").first()
    if existing is not None:
        return existing
    catalogue = CataloguePage.objects.first() or _publish(
        Site.objects.get(is_default_site=True).root_page.specific,
        CataloguePage(title="Catalogue", slug="courses"),
    )
    area = SpecialistArea.objects.order_by("sort_order").first()
    if area is None:
        area = SpecialistArea.objects.create(code="CORE", name="Core", slug="core")
    return _publish(
        catalogue,
        SpecialistAreaIndexPage(title=area.name, slug=area.slug, area=area),
    )


def _question(module: ModulePage, competency: Competency, data: dict) -> None:
    question = Question(
        module=module,
        competency=competency,
        topic=data["topic"],
        kind=data["kind"],
        stem=data["stem"],
        numeric_answer=data.get("answer"),
        tolerance=Decimal("0.05") if data["kind"] == "numeric" else Decimal(0),
        unit=data.get("unit", ""),
        feedback="See the lesson.",
        live=False,
    )
    question.options = [
        QuestionOption(text=text, is_correct=correct, sort_order=order)
        for order, (text, correct) in enumerate(data["options"])
    ]
    question.save()
    question.save_revision().publish()


@transaction.atomic
def load_module() -> ModulePage:
    """The module the simulated trainees are assessed on, made the first time."""
    existing = ModulePage.objects.live().filter(slug=MODULE_SLUG).first()
    if existing is not None:
        return existing
    area_page = _area_page()
    competency, _ = Competency.objects.get_or_create(
        code=COMPETENCY_CODE,
        defaults={
            "title": "Load test competency",
            "area": area_page.area,
            "band_from": Band.BAND_2,
            "band_to": Band.BAND_5,
            "requires_knowledge": True,
            "live": True,
        },
    )
    module = _publish(
        area_page,
        ModulePage(
            title="Load test: knowledge assessment",
            slug=MODULE_SLUG,
            summary="A module made by the load test.",
            learning_outcomes="<ul><li>Answer the questions</li></ul>",
            area=area_page.area,
            band_from=Band.BAND_2,
            band_to=Band.BAND_5,
            estimated_minutes=10,
            next_review_date=timezone.localdate() + datetime.timedelta(days=365),
        ),
    )
    _publish(
        module,
        LessonPage(
            title="The only lesson",
            slug="the-only-lesson",
            body=[{"type": "richtext", "value": "<p>Read this first.</p>"}],
        ),
    )
    for data in BANK:
        _question(module, competency, data)
    AssessmentSettings.objects.create(
        module=module,
        questions_per_attempt=QUESTIONS_PER_TOPIC * 4,
        questions_per_topic=QUESTIONS_PER_TOPIC,
        shuffle_options=True,
        pass_mark=80,
        time_limit_minutes=60,
        max_attempts=None,
        cooldown_minutes=0,
        feedback_policy=FeedbackPolicy.AFTER_EACH_ATTEMPT,
    )
    return module


@transaction.atomic
def load_trainees_ready(count: int, *, module: ModulePage) -> list[str]:
    """`count` trainees who may start the module's assessment; their e-mail addresses."""
    organisation, _ = Organisation.objects.get_or_create(
        ods_code="LOAD1",
        defaults={
            "name": "Load Test NHS Trust",
            "unit_type": UnitType.SECTION_10,
            "region": "North West",
        },
    )
    existing = set(load_trainees().values_list("email", flat=True))
    wanted = [f"trainee{n:04d}@{EMAIL_DOMAIN}" for n in range(count)]
    password = make_password(PASSWORD)
    # A database seeded under other settings: the server must know the hasher.
    load_trainees().exclude(password__startswith=f"{get_hasher().algorithm}$").update(
        password=password
    )
    created = User.objects.bulk_create(
        User(
            email=email,
            full_name=f"Load Trainee {number}",
            job_title="Pharmacy technician",
            band=Band.BAND_3,
            organisation=organisation,
            password=password,
        )
        for number, email in enumerate(wanted)
        if email not in existing
    )
    trainee_group = Group.objects.get(name="Trainee")
    trainee_group.user_set.add(*created)
    lesson = LessonPage.objects.live().child_of(module).get()
    done = set(
        LessonProgress.objects.filter(lesson=lesson).values_list(
            "trainee_id", flat=True
        )
    )
    for trainee in User.objects.filter(email__in=wanted).exclude(pk__in=done):
        complete_lesson(trainee, lesson=lesson)
    return wanted


def seed(count: int) -> dict:
    """What the simulated trainees need: where to go and who they are."""
    module = load_module()
    return {
        "sign_in_url": reverse("sign_in"),
        "module_url": reverse("assessments:module_assessment", args=[module.pk]),
        "emails": load_trainees_ready(count, module=module),
        "password": PASSWORD,
    }
