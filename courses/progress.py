"""A trainee's standing on a module, in the words and tag colours every page uses.

A pure rule over plain values: the module page, the catalogue, My learning and the
pathways all show a module's status through it, so they cannot disagree.
"""

from dataclasses import dataclass


class ModuleStatus:
    """The words a trainee reads for their standing on a module."""

    COMING_SOON = "Coming soon"
    NEEDS_REVIEW = "Updated: review required"
    COMPLETED = "Completed"
    ASSESSMENT_TO_DO = "Lessons complete \N{EN DASH} assessment to do"
    IN_PROGRESS = "In progress"
    NOT_STARTED = "Not started"


# NHS.UK tag colour of each status: text carries the meaning, colour only repeats it.
TAG_COLOURS = {
    ModuleStatus.COMING_SOON: "white",
    ModuleStatus.NEEDS_REVIEW: "orange",
    ModuleStatus.COMPLETED: "green",
    ModuleStatus.ASSESSMENT_TO_DO: "yellow",
    ModuleStatus.IN_PROGRESS: "blue",
    ModuleStatus.NOT_STARTED: "grey",
}


@dataclass(frozen=True)
class ModuleStanding:
    status: str

    @property
    def tag_colour(self) -> str:
        return TAG_COLOURS[self.status]


def is_outline(lessons_total: int) -> bool:
    """A module without a published lesson is an outline: its lessons are being written."""
    return lessons_total == 0


def lessons_complete(*, lessons_total: int, lessons_done: int) -> bool:
    """Every published lesson of the module has been completed at least once."""
    return lessons_total > 0 and lessons_done >= lessons_total


def module_standing(
    *,
    lessons_total: int,
    lessons_done: int,
    needs_review: bool = False,
    has_assessment: bool = False,
    assessment_passed: bool = False,
) -> ModuleStanding:
    """A module is complete when every lesson is done and, where it has a knowledge
    assessment, that assessment is passed: until then it reads `ASSESSMENT_TO_DO`.
    A lesson changed in practice since it was completed comes
    first; a module with no lessons is "Coming soon"."""
    if is_outline(lessons_total):
        return ModuleStanding(ModuleStatus.COMING_SOON)
    if needs_review:
        return ModuleStanding(ModuleStatus.NEEDS_REVIEW)
    if lessons_complete(lessons_total=lessons_total, lessons_done=lessons_done):
        if has_assessment and not assessment_passed:
            return ModuleStanding(ModuleStatus.ASSESSMENT_TO_DO)
        return ModuleStanding(ModuleStatus.COMPLETED)
    if lessons_done > 0:
        return ModuleStanding(ModuleStatus.IN_PROGRESS)
    return ModuleStanding(ModuleStatus.NOT_STARTED)
