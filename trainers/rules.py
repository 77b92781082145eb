"""Pure rules of the network: when an accreditation is current and what it covers,
and who may supervise whom. Plain values in, plain values out."""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class AccreditationScope:
    """What an accreditation lets its holder sign off."""

    competency_ids: frozenset[int]
    area_ids: frozenset[int]
    band_from: int
    band_to: int


def is_current(*, starts_on: date, ends_on: date | None, today: date) -> bool:
    """Current from its start date up to and including the day before it ends."""
    return starts_on <= today and (ends_on is None or today < ends_on)


def covers(
    scope: AccreditationScope,
    *,
    competency_id: int,
    area_id: int,
    band_from: int,
    band_to: int,
) -> bool:
    """A named competency is covered outright; a whole specialist area covers its
    competencies whose bands overlap the accredited band range."""
    if competency_id in scope.competency_ids:
        return True
    return (
        area_id in scope.area_ids
        and band_from <= scope.band_to
        and scope.band_from <= band_to
    )


def may_supervise_across(
    *,
    trainer_org_id: int | None,
    trainer_region: str,
    trainee_org_id: int | None,
    trainee_region: str,
) -> bool:
    """A trainer supervises staff of their own organisation, or of another
    organisation in the same region or network."""
    if trainer_org_id is None or trainee_org_id is None:
        return False
    return trainer_org_id == trainee_org_id or (
        bool(trainer_region) and trainer_region == trainee_region
    )
