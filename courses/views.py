"""Pages of the e-learning: catalogue, module, lesson, lesson completion and My learning."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST
from wagtail import hooks

from courses.forms import CatalogueFilterForm
from courses.lessons.queries import (
    lesson_marks,
    lesson_outline,
    practice_change_summary,
    rendered_lesson_body,
)
from courses.models import CataloguePage, LessonPage, ModulePage
from courses.models.pages import serves
from courses.queries.cards import module_cards
from courses.queries.catalogue import (
    catalogue_modules,
    catalogue_url,
    covered_competencies,
    module_approval,
)
from courses.queries.learning import LessonLine, module_lessons, my_modules, next_lesson
from courses.services import ModuleComingSoon, complete_lesson, enrol_trainee

CATALOGUE_PAGE_SIZE = 20


@serves
def serve_catalogue(request: HttpRequest, *, page: CataloguePage) -> HttpResponse:
    """The catalogue: server-side filters, search and pages of 20 modules, so it
    works without JavaScript."""
    form = CatalogueFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    modules = catalogue_modules(
        area=filters.get("area"),
        band=filters.get("band"),
        query=(filters.get("q") or "").strip(),
    )
    listed = Paginator(modules, CATALOGUE_PAGE_SIZE).get_page(request.GET.get("page"))
    other_parameters = request.GET.copy()
    other_parameters.pop("page", None)
    return TemplateResponse(
        request,
        page.get_template(request),
        {
            **page.get_context(request),
            "form": form,
            "filtered": bool(filters and any(filters.values())),
            "cards": module_cards(listed.object_list, trainee=request.user),
            "page_obj": listed,
            "query": other_parameters.urlencode(),
            "catalogue_links": catalogue_links(request),
        },
    )


def catalogue_links(request: HttpRequest) -> list[dict]:
    """Links other apps put beside the catalogue (`catalogue_links` hook): each hook
    returns a dict with `text`, `url` and `description`, or None."""
    return [
        link
        for catalogue_link in hooks.get_hooks("catalogue_links")
        if (link := catalogue_link(request))
    ]


def assessment_link(request: HttpRequest, *, module, lessons_complete: bool):
    """Where the module's knowledge assessment is, if it has one: the first app that
    knows of an assessment for the module says (`module_assessment_link` hook)."""
    if not request.user.is_authenticated:
        return None
    for module_assessment in hooks.get_hooks("module_assessment_link"):
        assessment = module_assessment(
            request, module=module, complete=lessons_complete
        )
        if assessment:
            return assessment
    return None


@serves
def serve_module(request: HttpRequest, *, module: ModulePage) -> HttpResponse:
    """A module; opening it enrols a signed-in trainee, unless it is an outline."""
    coming_soon = ""
    if request.user.is_authenticated:
        try:
            enrol_trainee(request.user, module=module)
        except ModuleComingSoon as refusal:
            coming_soon = str(refusal)
    lines = module_lessons(module, trainee=request.user)
    card = module_cards([module], trainee=request.user)[0]
    return TemplateResponse(
        request,
        module.get_template(request),
        {
            **module.get_context(request),
            "lines": lines,
            "card": card,
            "coming_soon": coming_soon,
            "continue_line": next_lesson(lines),
            "approval": module_approval(module),
            "competencies": covered_competencies(module),
            "assessment": assessment_link(
                request, module=module, lessons_complete=card.lessons_complete
            ),
        },
    )


@serves
def serve_lesson(request: HttpRequest, *, lesson: LessonPage) -> HttpResponse:
    """A lesson, with the trainee's progress through its module; sign-in unless public."""
    outline = lesson_outline(lesson)
    if not (outline.module_is_public or request.user.is_authenticated):
        return redirect_to_login(request.get_full_path())
    marks = lesson_marks(request.user, module_id=outline.module.pk)
    lines = [
        LessonLine(
            lesson=page,
            done=page.pk in marks.done,
            needs_review=page.pk in marks.needs_review,
        )
        for page in outline.lessons
    ]
    position = next(
        (i for i, line in enumerate(lines) if line.lesson.pk == lesson.pk), None
    )
    if position is None:  # a preview of a lesson that is not published yet
        position = sum(1 for line in lines if line.lesson.path < lesson.path)
        lines.insert(
            position, LessonLine(lesson=lesson, done=False, needs_review=False)
        )
    next_line = lines[position + 1] if position + 1 < len(lines) else None
    all_done = all(line.done and not line.needs_review for line in lines)
    return TemplateResponse(
        request,
        lesson.get_template(request),
        {
            **lesson.get_context(request),
            "crumbs": outline.crumbs(request),
            "body": rendered_lesson_body(lesson, request=request),
            "module": outline.module,
            "line": lines[position],
            # Read only for a trainee who must read the lesson again.
            "change_summary": practice_change_summary(lesson.pk)
            if lines[position].needs_review
            else "",
            "number": position + 1,
            "total": len(lines),
            "all_done": all_done,
            "previous_line": lines[position - 1] if position else None,
            "next_line": next_line,
            # The last lesson leads on to the module's assessment, never back to itself.
            "assessment": None
            if next_line
            else assessment_link(
                request, module=outline.module, lessons_complete=all_done
            ),
        },
    )


def where_next(lines: list[LessonLine], *, after: LessonPage) -> LessonLine | None:
    """The lesson to go on to after completing one: the next not yet done (or changed
    since), else the first such lesson before it; None when every lesson is done."""
    position = next(
        (i for i, line in enumerate(lines) if line.lesson.pk == after.pk), -1
    )
    ordered = lines[position + 1 :] + lines[: max(position, 0)]
    return next((line for line in ordered if not line.done or line.needs_review), None)


@require_POST
@login_required
def complete_lesson_view(request: HttpRequest, lesson_id: int) -> HttpResponse:
    """Mark a published lesson complete (idempotent) and go on: to the next lesson to
    do, or, with every lesson done, to the module's assessment (else the module)."""
    lesson = LessonPage.objects.live().filter(pk=lesson_id).first()
    if lesson is None:
        raise Http404("No such published lesson")
    complete_lesson(request.user, lesson=lesson)
    module = ModulePage.objects.get(path=lesson.path[: -lesson.steplen])
    following = where_next(module_lessons(module, trainee=request.user), after=lesson)
    if following is not None:
        messages.success(request, f"You have completed the lesson: {lesson.title}.")
        return redirect(following.lesson.get_url(request))
    assessment = assessment_link(request, module=module, lessons_complete=True)
    if assessment and not assessment.get("passed"):
        messages.success(
            request,
            f"You have completed every lesson of {module.title}. "
            "You can now take its knowledge assessment.",
        )
        return redirect(assessment["url"])
    messages.success(request, f"You have completed every lesson of {module.title}.")
    return redirect(module.get_url(request))


@login_required
def my_learning(request: HttpRequest) -> HttpResponse:
    in_progress, completed = my_modules(request.user)
    return render(
        request,
        "courses/my_learning.html",
        {
            "in_progress": in_progress,
            "completed": completed,
            "catalogue_url": catalogue_url(),
        },
    )
