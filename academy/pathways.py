"""Which competencies a role requires: the career pathway of a specialist area and band."""

from django.db.models import QuerySet

from academy.models import Competency, SpecialistArea

CORE_AREA_CODE = "COR"


def competencies_for_role(*, area: SpecialistArea, band: int) -> QuerySet[Competency]:
    """Live competencies of the area, and of Core, whose band range includes the band."""
    return (
        Competency.objects.filter(live=True, band_from__lte=band, band_to__gte=band)
        .filter(area__code__in={area.code, CORE_AREA_CODE})
        .select_related("area")
        .order_by("area__sort_order", "code")
    )
