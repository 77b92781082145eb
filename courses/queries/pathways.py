"""Reads of the career pathway pages: the pathways of an area, and each competency a
role requires with the modules that teach it."""

from dataclasses import dataclass, field

from django.db.models import QuerySet

from academy.models import Competency, SpecialistArea
from academy.pathways import competencies_for_role
from courses.models import CareerPathwayPage, ModuleCompetency, SpecialistAreaIndexPage
from courses.queries.cards import ModuleCard, module_cards


@dataclass
class PathwayRow:
    competency: Competency
    cards: list[ModuleCard] = field(default_factory=list)
    # The signed-in person's standing in the competency, from `pathway_competency_status`.
    status: str = ""


def pathways_in(area_page: SpecialistAreaIndexPage) -> QuerySet[CareerPathwayPage]:
    return CareerPathwayPage.objects.live().child_of(area_page).order_by("band")


def pathway_rows(*, area: SpecialistArea, band: int, trainee) -> list[PathwayRow]:
    """Each competency the role requires, with the live modules that teach it."""
    rows = {
        competency.pk: PathwayRow(competency=competency)
        for competency in competencies_for_role(area=area, band=band)
    }
    links = list(
        ModuleCompetency.objects.filter(
            competency_id__in=rows, module__live=True
        ).select_related("module")
    )
    modules = {link.module.pk: link.module for link in links}
    cards = {
        card.module.pk: card for card in module_cards(modules.values(), trainee=trainee)
    }
    for link in links:
        rows[link.competency_id].cards.append(cards[link.module_id])
    return list(rows.values())
