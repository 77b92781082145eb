"""Script payloads stored in every text field that people fill, and the checks that a
page or PDF shows them as text.

Each field gets the same payload with its own short label (`xss07`), so a test can tell
which fields a page showed: a payload that never appears anywhere proves nothing.
"""

import datetime
import random
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from academy.models import Competency, Organisation, SpecialistArea, User
from demo.academy import DEMO_PASSWORD

SCRIPT = "<script>alert(1)</script>"
IMAGE = '"><img src=x onerror=alert(1)>'
SVG = "<svg onload=alert(1)>"
TINY = "<i onclick=alert(1)>"
JAVASCRIPT_URL = "javascript:alert(1)//"
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}


@dataclass
class Payloads:
    """The payload stored in each field, by label."""

    fields: dict[str, str] = field(default_factory=dict)  # label -> "Model.field"
    values: dict[str, str] = field(default_factory=dict)  # label -> payload

    def for_field(self, model: type[models.Model], name: str) -> str:
        """The payload for one field, as long as the field allows: a URL-looking
        start, the label, a script element and an attribute break-out."""
        where = f"{model.__name__}.{name}"
        label = next(
            (lbl for lbl, known in self.fields.items() if known == where),
            f"xss{len(self.fields):02d}",
        )
        limit = getattr(model._meta.get_field(name), "max_length", None) or 10_000
        for parts in (
            (JAVASCRIPT_URL, label, SCRIPT, IMAGE),
            (label, SCRIPT, IMAGE),
            (label, IMAGE),
            (label, SVG),
            # Labelled by its escaped self: the unit next to an answer box.
            (TINY,),
        ):
            value = " ".join(parts)
            if len(value) <= limit:
                break
        else:
            raise AssertionError(f"{where} is too short for a payload")
        self.fields[label] = where
        self.values[label] = value
        return value

    def labels_in(self, html: str) -> set[str]:
        """The labels of the payloads that the page shows as text."""
        return {
            label
            for label, value in self.values.items()
            if (label in value and label in html) or escape(value) in html
        }


class _Markup(HTMLParser):
    """Collects the places where a browser would run the payload's `alert(1)`: an
    inline script, an event handler attribute, a javascript: URL, or an element the
    payload opened (its image, its svg)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.unsafe: list[str] = []
        self.script: str | None = None  # the type of the script element we are in

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            value = value or ""
            compact = re.sub(r"[\s\x00-\x1f]", "", value).lower()
            runs = name.startswith("on") or (
                name in URL_ATTRIBUTES and compact.startswith("javascript:")
            )
            if runs and "alert(" in compact:
                self.unsafe.append(f"<{tag} {name}={value!r}>")
        opened = tag in {"svg", "i"} and any(
            name.startswith("on") for name in attributes
        )
        if opened or (tag == "img" and attributes.get("src") == "x"):
            self.unsafe.append(f"<{tag}> opened by stored text")
        if tag == "script" and not attributes.get("src"):
            self.script = (attributes.get("type") or "text/javascript").lower()

    def handle_endtag(self, tag):
        if tag == "script":
            self.script = None

    def handle_data(self, data):
        if self.script is None:
            return
        if "json" in self.script or "template" in self.script:
            # Data for scripts: stored text must not close the element early.
            if re.search(r"<\s*/?\s*(script|img|svg)", data, re.I):
                self.unsafe.append(f"<script type={self.script}>{data[:60]}")
        elif "alert(" in data:
            self.unsafe.append(f"<script>{data.strip()[:60]}</script>")


def unsafe_markup(html: str) -> list[str]:
    """Markup that would run the stored payloads' script."""
    parser = _Markup()
    parser.feed(html)
    parser.close()
    return parser.unsafe


@dataclass
class PoisonedDemo:
    payloads: Payloads
    pages: dict[str, str]  # extra pages that the stored payloads need, by name
    admin_pages: list[str]


def _update_all(payloads: Payloads, model, *names: str, queryset=None):
    queryset = model.objects.all() if queryset is None else queryset
    queryset.update(**{name: payloads.for_field(model, name) for name in names})


def _poison_people(payloads: Payloads) -> None:
    _update_all(payloads, User, "full_name", "job_title", "registration_number")
    _update_all(payloads, Organisation, "name")
    for area in SpecialistArea.objects.all():
        # Names are unique: each area's starts with its code.
        area.name = f"{area.code} {payloads.for_field(SpecialistArea, 'name')}"
        area.description = payloads.for_field(SpecialistArea, "description")
        area.save(update_fields=["name", "description"])
    _update_all(
        payloads,
        Competency,
        "title",
        "description",
        "revalidation_note",
        queryset=Competency.objects.filter(live=True),
    )


def editor_rich_text(text: str, link: str) -> str:
    """What Wagtail stores when an editor types `text` and links it to `link` in the
    rich text editor (Draftail's content state through Wagtail's converter)."""
    import json

    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    state = {
        "blocks": [
            {
                "key": "a1b2c",
                "type": "unstyled",
                "text": text,
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": len(text), "key": 0}],
                "data": {},
            }
        ],
        "entityMap": {
            "0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": link}}
        },
    }
    converter = ContentstateConverter(features=["bold", "italic", "link", "ul", "ol"])
    return converter.to_database_format(json.dumps(state))


def _poison_pages(payloads: Payloads) -> None:
    from academy.models.site import HomePage
    from careers.models import CareerAreaPage, CareerRole, CareersIndexPage
    from courses.models import (
        CareerPathwayPage,
        CataloguePage,
        LessonPage,
        ModulePage,
        SpecialistAreaIndexPage,
    )

    for model in (HomePage, CataloguePage, SpecialistAreaIndexPage, LessonPage):
        _update_all(payloads, model, "title")
    _update_all(payloads, CataloguePage, "introduction")
    _update_all(payloads, SpecialistAreaIndexPage, "introduction")
    _update_all(payloads, ModulePage, "title", "summary")
    _update_all(payloads, CareerPathwayPage, "title", "typical_job_titles")
    _update_all(payloads, CareersIndexPage, "title", "introduction")
    _update_all(payloads, CareerAreaPage, "title", "introduction")
    _update_all(payloads, CareerRole, "job_title", "summary", "training_route")
    for model, name in (
        (HomePage, "introduction"),
        (ModulePage, "learning_outcomes"),
        (CareerPathwayPage, "role_purpose"),
    ):
        typed = payloads.for_field(model, name)
        model.objects.update(**{name: editor_rich_text(typed, link=JAVASCRIPT_URL)})


def _poison_questions(payloads: Payloads, priya: User) -> dict[str, str]:
    """Question banks, the attempts that froze them, and a new attempt of Priya's."""
    from assessments.knowledge.services import build_snapshot
    from assessments.models import AssessmentSettings, Attempt, Question
    from assessments.models.knowledge import QuestionOption

    _update_all(payloads, Question, "stem", "feedback", "unit", "topic")
    _update_all(payloads, QuestionOption, "text")
    frozen = {
        "stem": payloads.for_field(Question, "stem"),
        "feedback": payloads.for_field(Question, "feedback"),
        "unit": payloads.for_field(Question, "unit"),
        "topic": payloads.for_field(Question, "topic"),
    }
    option = payloads.for_field(QuestionOption, "text")
    for attempt in Attempt.objects.all():
        for question in attempt.snapshot["questions"]:
            question.update(frozen)
            for choice in question["options"]:
                choice["text"] = option
        attempt.save(update_fields=["snapshot"])
    submitted = Attempt.objects.filter(trainee=priya).order_by("pk").last()
    settings = AssessmentSettings.objects.exclude(module=submitted.module).first()
    now = timezone.now()
    in_progress = Attempt.objects.create(
        trainee=priya,
        module=settings.module,
        module_revision_id=settings.module.live_revision_id,
        number=1,
        snapshot=build_snapshot(settings, rng=random.Random(8)),
        pass_mark=settings.pass_mark,
        feedback_policy=settings.feedback_policy,
        started_at=now,
        deadline=now + datetime.timedelta(hours=1),
    )
    return {
        "assessments:attempt@in-progress": reverse(
            "assessments:attempt", kwargs={"pk": in_progress.pk}
        ),
        "assessments:check_answers@in-progress": reverse(
            "assessments:check_answers", kwargs={"pk": in_progress.pk}
        ),
        "assessments:result@submitted": reverse(
            "assessments:result", kwargs={"pk": submitted.pk}
        ),
    }


def _poison_workplace(payloads: Payloads, people: dict) -> dict[str, str]:
    """Checklists, Priya's records, her evidence's file name, and a correction of her
    signed ASP-01 that Grace signs "not yet competent" with comments and a plan."""
    from assessments.models import (
        AssessedCriterion,
        CriterionResult,
        EvidenceFile,
        Outcome,
        TemplateCriterion,
        WorkplaceAssessment,
        WorkplaceAssessmentTemplate,
    )
    from assessments.workplace.services.correction import start_correction
    from assessments.workplace.services.sign_off import sign_off_assessment

    _update_all(payloads, WorkplaceAssessmentTemplate, "introduction")
    _update_all(payloads, TemplateCriterion, "text", "guidance")
    _update_all(payloads, EvidenceFile, "original_name")
    _update_all(payloads, AssessedCriterion, "text", "guidance")
    _update_all(
        payloads, WorkplaceAssessment, "reflection", "evidence_required", "action_plan"
    )
    priya, grace = people["trainee"], people["trainer"]
    signed = WorkplaceAssessment.objects.get(
        trainee=priya, status="complete", corrects__isnull=True
    )
    correction = start_correction(
        original=signed,
        assessor=grace,
        reason=payloads.for_field(WorkplaceAssessment, "correction_reason"),
    )
    comment = payloads.for_field(AssessedCriterion, "comment")
    sign_off_assessment(
        assessment=correction,
        assessor=grace,
        results={
            criterion.position: (CriterionResult.NOT_MET, comment)
            for criterion in correction.criteria.all()
        },
        outcome=Outcome.NOT_YET_COMPETENT,
        action_plan=payloads.for_field(WorkplaceAssessment, "action_plan"),
        password=DEMO_PASSWORD,
    )
    pending = WorkplaceAssessment.objects.get(trainee=priya, status="requested")
    return {
        "assessments:workplace_assessment@correction": reverse(
            "assessments:workplace_assessment", kwargs={"pk": correction.pk}
        ),
        "assessments:workplace_assessment@signed": reverse(
            "assessments:workplace_assessment", kwargs={"pk": signed.pk}
        ),
        "assessments:workplace_sign@requested": reverse(
            "assessments:workplace_sign", kwargs={"pk": pending.pk}
        ),
        "assessments:workplace_correct@signed": reverse(
            "assessments:workplace_correct", kwargs={"pk": signed.pk}
        ),
    }


def _poison_validations(payloads: Payloads, people: dict) -> dict[str, str]:
    """A broth transfer result for Priya, recorded by Grace, and its correction."""
    from assessments.models import ProcessValidation
    from assessments.validations.services import record_validation

    performed = timezone.localdate() - datetime.timedelta(days=20)
    result = {
        "performed_on": performed,
        "incubation_started_on": performed,
        "read_on": performed + datetime.timedelta(days=14),
        "read_by": payloads.for_field(ProcessValidation, "read_by"),
        "kit": payloads.for_field(ProcessValidation, "kit"),
        "lot_number": payloads.for_field(ProcessValidation, "lot_number"),
        "manipulations": payloads.for_field(ProcessValidation, "manipulations"),
        "passed": True,
        "notes": payloads.for_field(ProcessValidation, "notes"),
    }
    first = record_validation(
        operator=people["trainee"],
        kind="broth_transfer",
        recorded_by=people["trainer"],
        result=result,
        password=DEMO_PASSWORD,
    )
    record_validation(
        operator=people["trainee"],
        kind="broth_transfer",
        recorded_by=people["trainer"],
        result=result,
        corrects=first,
        correction_reason=payloads.for_field(ProcessValidation, "correction_reason"),
        password=DEMO_PASSWORD,
    )
    return {
        "assessments:correct_validation@poisoned": reverse(
            "assessments:correct_validation", kwargs={"pk": first.pk}
        )
    }


def _recognised_at_southvale(payloads: Payloads, people: dict) -> None:
    """A competence Daniel Evans recognised for Sam Patel from another Academy: the
    issuer's name and the credential's id come from whoever issued it."""
    from passport.models import RecognisedCompetence

    RecognisedCompetence.objects.create(
        person=people["mentor"],
        competency=Competency.objects.filter(live=True).first(),
        recognised_by=people["lead2"],
        recognised_at=timezone.now(),
        issuer="https://academy.other.example",
        issuer_name=payloads.for_field(RecognisedCompetence, "issuer_name"),
        credential_id=payloads.for_field(RecognisedCompetence, "credential_id"),
        credential_jwt="not.a.jwt",
        valid_from=timezone.localdate() - datetime.timedelta(days=30),
    )


def _poison_network_and_passport(payloads: Payloads, people: dict) -> dict[str, str]:
    from passport.models import Certificate
    from passport.sharing.services import create_share_link
    from trainers.models import Accreditation, DirectoryProfile, MentorNote, Mentorship

    _update_all(payloads, Mentorship, "message")
    _update_all(payloads, MentorNote, "text")
    _update_all(payloads, DirectoryProfile, "work_summary")
    _update_all(payloads, Accreditation, "reason")
    _update_all(payloads, Certificate, "holder_name", "organisation_name")
    _recognised_at_southvale(payloads, people)
    share = create_share_link(
        holder=people["trainee"],
        expires_on=timezone.localdate() + datetime.timedelta(days=30),
    )
    shared = reverse("passport:shared_passport", kwargs={"token": share.token})
    # Whoever opens a link chooses the browser description its holder is shown.
    from passport.models import ShareLinkView

    Client().get(
        shared, HTTP_USER_AGENT=payloads.for_field(ShareLinkView, "user_agent")
    )
    return {"passport:shared_passport@live": shared}


def _poison_admin_only(payloads: Payloads, people: dict) -> list[str]:
    """Records only staff see, in the Wagtail admin, and a draft of the last of each
    kind of snippet with its poisoned text (the admin edits the latest revision)."""
    from assessments.models import Question, WorkplaceAssessmentTemplate
    from courses.models import AuditFinding, LessonPage, TrainingImpactingChange
    from courses.services import mark_training_impacting_change

    _update_all(payloads, AuditFinding, "summary")
    mark_training_impacting_change(
        lesson=LessonPage.objects.live().order_by("path").first(),
        summary=payloads.for_field(TrainingImpactingChange, "summary"),
        marked_by=people["moderator"],
    )
    for model in (Competency, Question, WorkplaceAssessmentTemplate):
        model.objects.order_by("-pk").first().save_revision(user=people["editor"])
    return admin_pages()


def admin_pages() -> list[str]:
    """Each Academy model's listing in the Wagtail admin, the edit or inspect view of
    its last record, and the Academy's own reports."""
    from django.urls import NoReverseMatch
    from wagtail.admin.viewsets import viewsets
    from wagtail.admin.viewsets.model import ModelViewSet

    from assessments.models import Attempt

    ours = {"academy", "courses", "assessments", "passport", "trainers"}
    pages = []
    for viewset in viewsets.viewsets:
        if not isinstance(viewset, ModelViewSet):
            continue
        if viewset.model._meta.app_label not in ours:
            continue
        last = viewset.model.objects.order_by("-pk").first()
        for view, args in (("index", []), ("list", []), ("edit", [last and last.pk])):
            try:
                pages.append(reverse(viewset.get_url_name(view), args=args))
            except NoReverseMatch:
                continue
        if getattr(viewset, "inspect_view_enabled", False) and last is not None:
            pages.append(reverse(viewset.get_url_name("inspect"), args=[last.pk]))
    analysed = Attempt.objects.values_list("module_id", flat=True).first()
    return [
        *sorted(set(pages)),
        reverse("assessments_item_analysis") + f"?module={analysed}",
        reverse("assessments_knowledge_gaps"),
        reverse("courses_due_for_review"),
        reverse("courses_review_requested"),
    ]


def poison_the_demo(people: dict[str, User | None]) -> PoisonedDemo:
    """Store a payload in every text field people fill, across the demo world."""
    payloads = Payloads()
    pages = {}
    _poison_people(payloads)
    _poison_pages(payloads)
    pages.update(_poison_questions(payloads, people["trainee"]))
    pages.update(_poison_workplace(payloads, people))
    pages.update(_poison_validations(payloads, people))
    pages.update(_poison_network_and_passport(payloads, people))
    return PoisonedDemo(
        payloads=payloads, pages=pages, admin_pages=_poison_admin_only(payloads, people)
    )
