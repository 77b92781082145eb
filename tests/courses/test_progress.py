"""The one rule of a trainee's standing on a module: its words and tag colours."""

import itertools

import pytest

from courses.progress import (
    TAG_COLOURS,
    ModuleStatus,
    is_outline,
    lessons_complete,
    module_standing,
)


def standing(**values) -> str:
    return module_standing(**values).status


def test_a_module_with_no_lessons_is_coming_soon_whatever_else_is_true():
    for needs_review, has, passed in itertools.product([False, True], repeat=3):
        assert (
            standing(
                lessons_total=0,
                lessons_done=0,
                needs_review=needs_review,
                has_assessment=has,
                assessment_passed=passed,
            )
            == ModuleStatus.COMING_SOON
        )
    assert is_outline(0)
    assert not is_outline(1)


@pytest.mark.parametrize(
    ("done", "has_assessment", "passed", "expected"),
    [
        (0, False, False, ModuleStatus.NOT_STARTED),
        (0, True, False, ModuleStatus.NOT_STARTED),
        (1, True, False, ModuleStatus.IN_PROGRESS),
        (2, False, False, ModuleStatus.IN_PROGRESS),
        (3, False, False, ModuleStatus.COMPLETED),
        (3, True, False, ModuleStatus.ASSESSMENT_TO_DO),
        (3, True, True, ModuleStatus.COMPLETED),
        # More done than live (a lesson since unpublished) is still complete.
        (4, True, False, ModuleStatus.ASSESSMENT_TO_DO),
    ],
)
def test_completed_only_once_the_assessment_is_passed(
    done, has_assessment, passed, expected
):
    assert (
        standing(
            lessons_total=3,
            lessons_done=done,
            has_assessment=has_assessment,
            assessment_passed=passed,
        )
        == expected
    )


def test_the_words_while_the_assessment_is_to_do():
    assert ModuleStatus.ASSESSMENT_TO_DO == (
        "Lessons complete \N{EN DASH} assessment to do"
    )


@pytest.mark.parametrize("done", [0, 1, 3])
@pytest.mark.parametrize("passed", [False, True])
def test_a_lesson_changed_in_practice_asks_for_review_first(done, passed):
    assert (
        standing(
            lessons_total=3,
            lessons_done=done,
            needs_review=True,
            has_assessment=True,
            assessment_passed=passed,
        )
        == ModuleStatus.NEEDS_REVIEW
    )


def test_lessons_complete_needs_at_least_one_lesson():
    assert not lessons_complete(lessons_total=0, lessons_done=0)
    assert not lessons_complete(lessons_total=2, lessons_done=1)
    assert lessons_complete(lessons_total=2, lessons_done=2)


def test_every_status_has_a_tag_colour_and_none_shares_one():
    statuses = [value for name, value in vars(ModuleStatus).items() if name.isupper()]
    assert set(TAG_COLOURS) == set(statuses)
    assert len(set(TAG_COLOURS.values())) == len(statuses)
    assert module_standing(lessons_total=0, lessons_done=0).tag_colour == "white"
