from datetime import date

import pytest

from trainers.rules import AccreditationScope, covers, is_current, may_supervise_across

TODAY = date(2026, 6, 1)
SCOPE = AccreditationScope(
    competency_ids=frozenset({7}), area_ids=frozenset({1}), band_from=3, band_to=5
)


@pytest.mark.parametrize(
    ("starts_on", "ends_on", "expected"),
    [
        (date(2026, 1, 1), None, True),
        (TODAY, None, True),
        (date(2026, 6, 2), None, False),
        (date(2026, 1, 1), TODAY, False),
        (date(2026, 1, 1), date(2026, 6, 2), True),
    ],
)
def test_is_current_from_start_until_the_day_before_the_end(
    starts_on, ends_on, expected
):
    assert is_current(starts_on=starts_on, ends_on=ends_on, today=TODAY) is expected


@pytest.mark.parametrize(
    ("competency_id", "area_id", "bands", "expected"),
    [
        (7, 9, (2, 2), True),  # named outright, whatever its area and bands
        (8, 1, (2, 3), True),  # area, bands overlap at 3
        (8, 1, (5, 7), True),  # area, bands overlap at 5
        (8, 1, (6, 7), False),  # area, bands above the range
        (8, 1, (2, 2), False),  # area, bands below the range
        (8, 2, (3, 5), False),  # another area
    ],
)
def test_accreditation_covers_named_competencies_and_areas_within_bands(
    competency_id, area_id, bands, expected
):
    assert (
        covers(
            SCOPE,
            competency_id=competency_id,
            area_id=area_id,
            band_from=bands[0],
            band_to=bands[1],
        )
        is expected
    )


@pytest.mark.parametrize(
    ("trainer", "trainee", "expected"),
    [
        ((1, "North West"), (1, "North West"), True),
        ((1, "North West"), (2, "North West"), True),
        ((1, "North West"), (3, "South East"), False),
        ((1, ""), (2, ""), False),
        ((None, "North West"), (2, "North West"), False),
    ],
)
def test_supervision_within_organisation_or_region(trainer, trainee, expected):
    assert (
        may_supervise_across(
            trainer_org_id=trainer[0],
            trainer_region=trainer[1],
            trainee_org_id=trainee[0],
            trainee_region=trainee[1],
        )
        is expected
    )
