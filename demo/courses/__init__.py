"""Demo e-learning: the catalogue, area pages, modules and lessons, pathways and progress.

Every page is published directly by the demo moderator. Running it twice creates nothing
new: pages are found by slug under their parent, records by their unique keys.
"""

import datetime
import io

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from academy.models import Competency, SpecialistArea, User
from courses.models import (
    AuditFinding,
    CareerPathwayPage,
    CataloguePage,
    FindingSource,
    LessonPage,
    ModuleCompetency,
    ModulePage,
    SpecialistAreaIndexPage,
)
from courses.services import complete_lesson, enrol_trainee, request_reviews_for_finding

from . import core_aseptic, specialist
from .outlines import OUTLINES, PATHWAYS

MODERATOR = "moderator@academy.example"
EDITOR = "editor@academy.example"
TRAINEE = "trainee@academy.example"


class _Publisher:
    """Adds pages under a parent and publishes them as the moderator, once."""

    def __init__(self, moderator: User):
        self.moderator = moderator
        self.created = 0

    def child(self, parent: Page, page: Page) -> Page:
        existing = type(page).objects.child_of(parent).filter(slug=page.slug).first()
        if existing is not None:
            return existing
        page.live = False
        parent.add_child(instance=page)
        page.save_revision(user=self.moderator).publish(user=self.moderator)
        self.created += 1
        return page


def _outcomes(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _step_image(number: int, caption: str):
    """A plain numbered illustration card for one demonstration step."""
    Image = get_image_model()
    title = f"Gowning sequence, step {number}"
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    card = PILImage.new("RGB", (640, 360), (0, 94, 184))
    draw = ImageDraw.Draw(card)
    draw.text((40, 40), f"Step {number}", fill="white", font=ImageFont.load_default(64))
    words, lines, line = caption.split(), [], ""
    for word in words:
        if len(line) + len(word) > 40:
            lines.append(line)
            line = ""
        line = f"{line} {word}".strip()
    lines.append(line)
    draw.multiline_text(
        (40, 150), "\n".join(lines), fill="white", font=ImageFont.load_default(28)
    )
    buffer = io.BytesIO()
    card.save(buffer, format="PNG")
    image = Image(
        title=title, file=ImageFile(buffer, name=f"gowning-step-{number}.png")
    )
    image.save()
    return image


def _gowning_demonstration() -> dict:
    steps = [
        {
            "image": _step_image(number, caption).pk,
            "alt_text": alt,
            "clip": None,
            "caption": caption,
        }
        for number, (caption, alt) in enumerate(core_aseptic.GOWNING_STEPS, start=1)
    ]
    return {"title": "Gowning for a grade B cleanroom", "steps": steps}


def _body(blocks: list[dict]) -> list[dict]:
    return [
        {"type": "demonstration", "value": _gowning_demonstration()}
        if block["type"] == "demonstration"
        else block
        for block in blocks
    ]


def _review_date(slug: str) -> datetime.date:
    # One module falls due within 30 days, so the "Due for review" report has work.
    days = 20 if slug == core_aseptic.BROTH["slug"] else 330
    return timezone.localdate() + datetime.timedelta(days=days)


def _module(
    publisher,
    area_page,
    area,
    *,
    slug,
    title,
    summary,
    outcomes,
    bands,
    minutes,
    cpd,
    public,
    competencies,
    owner,
):
    module = ModulePage(
        title=title,
        slug=slug,
        summary=summary,
        learning_outcomes=_outcomes(outcomes),
        area=area,
        band_from=bands[0],
        band_to=bands[1],
        estimated_minutes=minutes,
        cpd_hours=cpd,
        is_public=public,
        content_owner=owner,
        next_review_date=_review_date(slug),
    )
    module.covered_competencies = [
        ModuleCompetency(competency=competency, sort_order=order)
        for order, competency in enumerate(competencies)
    ]
    return publisher.child(area_page, module)


@transaction.atomic
def load() -> str:
    """Build the demo catalogue; returns a one-line summary for `load_demo`."""
    moderator = User.objects.get(email=MODERATOR)
    editor = User.objects.get(email=EDITOR)
    publisher = _Publisher(moderator)
    home = Site.objects.get(is_default_site=True).root_page.specific
    catalogue = publisher.child(
        home,
        CataloguePage(
            title="E-learning catalogue",
            slug="courses",
            introduction="Modules for every specialist area and band of the national framework for pharmacy technical services.",
        ),
    )
    competencies = {c.code: c for c in Competency.objects.filter(live=True)}
    area_pages = {}
    for area in SpecialistArea.objects.all():
        area_pages[area.code] = (
            publisher.child(
                catalogue,
                SpecialistAreaIndexPage(
                    title=area.name,
                    slug=area.slug,
                    area=area,
                    introduction=area.description,
                ),
            ),
            area,
        )

    covered = set()
    for data in [*core_aseptic.MODULES, *specialist.MODULES]:
        area_page, area = area_pages[data["area"]]
        module = _module(
            publisher,
            area_page,
            area,
            slug=data["slug"],
            title=data["title"],
            summary=data["summary"],
            outcomes=data["outcomes"],
            bands=data["bands"],
            minutes=data["minutes"],
            cpd=data["cpd"],
            public=data["public"],
            competencies=[competencies[code] for code in data["competencies"]],
            owner=editor,
        )
        covered.update(data["competencies"])
        for title, blocks in data["lessons"]:
            publisher.child(
                module,
                LessonPage(
                    title=title,
                    slug=slugify(title)[:50],
                    body=_body(blocks),
                ),
            )

    for code, (summary, outcomes) in OUTLINES.items():
        competency = competencies.get(code)
        if competency is None or code in covered:
            continue
        area_page, area = area_pages[competency.area.code]
        _module(
            publisher,
            area_page,
            area,
            slug=code.lower(),
            title=competency.title,
            summary=summary,
            outcomes=outcomes,
            bands=(competency.band_from, competency.band_to),
            minutes=30,
            cpd="0.5",
            public=False,
            competencies=[competency],
            owner=editor,
        )

    for area_code, band, titles, purpose, ksf in PATHWAYS:
        area_page, area = area_pages[area_code]
        band_label = "8a" if band == 81 else str(band)
        publisher.child(
            area_page,
            CareerPathwayPage(
                title=f"{area.name}: Band {band_label}",
                slug=f"band-{band_label}-pathway",
                band=band,
                typical_job_titles=titles,
                role_purpose=f"<p>{purpose}</p>",
                ksf_dimensions=[
                    {"type": "dimension", "value": {"dimension": name, "level": level}}
                    for name, level in ksf
                ],
            ),
        )

    _demo_trainee_progress(area_pages)
    _demo_finding(moderator)
    return f"Courses: {publisher.created} pages published; demo trainee has 1 module complete, 1 in progress."


def _demo_trainee_progress(area_pages) -> None:
    trainee = User.objects.get(email=TRAINEE)
    core_page, _ = area_pages["COR"]
    aseptic_page, _ = area_pages["ASP"]
    gmp = ModulePage.objects.child_of(core_page).get(slug=core_aseptic.GMP["slug"])
    for lesson in LessonPage.objects.live().child_of(gmp):
        complete_lesson(trainee, lesson=lesson)
    gowning = ModulePage.objects.child_of(aseptic_page).get(
        slug=core_aseptic.GOWNING["slug"]
    )
    enrol_trainee(trainee, module=gowning)
    first = LessonPage.objects.live().child_of(gowning).order_by("path").first()
    complete_lesson(trainee, lesson=first)


def _demo_finding(moderator: User) -> None:
    finding, created = AuditFinding.objects.get_or_create(
        reference="QAAPS-2025-014",
        defaults={
            "source": FindingSource.QAAPS,
            "found_on": timezone.localdate() - datetime.timedelta(days=14),
            "summary": "Two operators were seen letting the legs of the sterile coverall touch the floor while putting it on.",
        },
    )
    if created:
        finding.competencies.set(Competency.objects.filter(code="ASP-02"))
        request_reviews_for_finding(finding, actor=moderator)
