"""Where a trainee is in their learning: their modules, the lessons of one, and the
lesson to continue with."""

from dataclasses import dataclass

from courses.lessons.queries import lesson_marks
from courses.models import LessonPage, ModulePage
from courses.queries.cards import ModuleCard, module_cards


@dataclass
class LessonLine:
    lesson: LessonPage
    done: bool
    needs_review: bool


def module_lessons(module: ModulePage, *, trainee) -> list[LessonLine]:
    """The module's live lessons in order, each marked done for the trainee."""
    lessons = list(
        LessonPage.objects.live().child_of(module).defer_streamfields().order_by("path")
    )
    marks = lesson_marks(trainee, module_id=module.pk)
    return [
        LessonLine(
            lesson=lesson,
            done=lesson.pk in marks.done,
            needs_review=lesson.pk in marks.needs_review,
        )
        for lesson in lessons
    ]


def next_lesson(lines: list[LessonLine]) -> LessonLine | None:
    """Where the trainee left off: the first lesson not done, or needing review."""
    for line in lines:
        if not line.done or line.needs_review:
            return line
    return None


def my_modules(trainee) -> tuple[list[ModuleCard], list[ModuleCard]]:
    """The trainee's enrolled live modules: (in progress, completed)."""
    modules = (
        ModulePage.objects.live()
        .filter(enrolments__trainee=trainee)
        .select_related("area")
        .order_by("-enrolments__enrolled_at")
    )
    cards = module_cards(modules, trainee=trainee)
    in_progress = [card for card in cards if not card.complete]
    completed = [card for card in cards if card.complete]
    return in_progress, completed


@dataclass(frozen=True)
class NextLesson:
    """Where a trainee picks up their learning: the module, and the lesson to open
    (None once every lesson is done and the module's assessment is what is left)."""

    card: ModuleCard
    lesson: LessonPage | None
    number: int
    needs_review: bool = False


def continue_learning(trainee) -> NextLesson | None:
    """The trainee's most recently enrolled module that has lessons and is not
    complete, with the lesson they left off at, in a fixed number of queries."""
    in_progress, _ = my_modules(trainee)
    card = next((card for card in in_progress if card.lessons_total), None)
    if card is None:
        return None
    lines = module_lessons(card.module, trainee=trainee)
    line = next_lesson(lines)
    if line is None:
        return NextLesson(card=card, lesson=None, number=len(lines))
    return NextLesson(
        card=card,
        lesson=line.lesson,
        number=lines.index(line) + 1,
        needs_review=line.needs_review,
    )
