"""What the career pages show: the same for everyone, signed in or not."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import QuerySet

from academy.models import Band, Competency
from careers.models import CareerAreaPage, CareerRole, CareersIndexPage
from courses.models import CareerPathwayPage, SpecialistAreaIndexPage


@dataclass
class RoleCard:
    """One role of an area as the page and the poster show it."""

    role: CareerRole
    competencies: list[Competency] = field(default_factory=list)
    pathway: CareerPathwayPage | None = None

    @property
    def band_label(self) -> str:
        return Band(self.role.band).label


def live_area_pages(index: CareersIndexPage) -> QuerySet[CareerAreaPage]:
    """The published area pages under the careers index, in the framework's order."""
    return (
        CareerAreaPage.objects.live()
        .child_of(index)
        .select_related("area")
        .order_by("area__sort_order", "title")
    )


def careers_index() -> CareersIndexPage | None:
    """The published careers index, if there is one."""
    return CareersIndexPage.objects.live().first()


def typical_competencies(
    competencies: list[Competency], *, area_id: int, band: int
) -> list[Competency]:
    """The live competencies of the area whose band range includes the band."""
    return [
        competency
        for competency in competencies
        if competency.area_id == area_id and band in competency.bands
    ]


def role_cards(
    page: CareerAreaPage, *, area_index: SpecialistAreaIndexPage | None
) -> list[RoleCard]:
    """The page's roles by band, lowest first, each with the framework's competencies
    for its area and band and, where one is published, its career pathway page.

    `area_index` is the area's catalogue page (`area_index_page`). Reads the roles
    from the page itself, so an editor's preview shows the draft."""
    roles = sorted(page.roles.all(), key=lambda role: (role.band, role.sort_order or 0))
    if not roles or page.area_id is None:
        return [RoleCard(role=role) for role in roles]
    competencies = list(
        Competency.objects.filter(live=True, area_id=page.area_id).order_by("code")
    )
    pathways = {}
    if area_index is not None:
        pathways = {
            pathway.band: pathway
            for pathway in CareerPathwayPage.objects.live().child_of(area_index)
        }
    return [
        RoleCard(
            role=role,
            competencies=typical_competencies(
                competencies, area_id=page.area_id, band=role.band
            ),
            pathway=pathways.get(role.band),
        )
        for role in roles
    ]


def area_index_page(page: CareerAreaPage) -> SpecialistAreaIndexPage | None:
    """The area's page of the e-learning catalogue, if it is published."""
    return SpecialistAreaIndexPage.objects.live().filter(area_id=page.area_id).first()


def absolute_page_url(page: CareerAreaPage) -> str:
    """The page's address as printed and encoded on its poster: on the Academy's
    public address, whatever host the request that asked for the poster came in on."""
    url = page.get_url()
    if url.startswith(("http://", "https://")):
        return url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
