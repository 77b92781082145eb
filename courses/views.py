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
from courses.lessons.queries import lesson_marks, lesson_outline, rendered_lesson_body
from courses.models import CataloguePage, LessonPage, ModulePage
from courses.models.pages import serves
from courses.queries import (
    LessonLine,
    catalogue_modules,
    catalogue_url,
    covered_competencies,
    module_approval,
    module_cards,
    module_lessons,
    my_modules,
    next_lesson,
)
from courses.services import complete_lesson, enrol_trainee

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
        },
    )


@serves
def serve_module(request: HttpRequest, *, module: ModulePage) -> HttpResponse:
    """A module; opening it enrols a signed-in trainee."""
    if request.user.is_authenticated:
        enrol_trainee(request.user, module=module)
    lines = module_lessons(module, trainee=request.user)
    card = module_cards([module], trainee=request.user)[0]
    assessment = None
    if request.user.is_authenticated:
        # The first app that knows of an assessment for the module says where it is.
        for module_assessment in hooks.get_hooks("module_assessment_link"):
            assessment = module_assessment(
                request, module=module, complete=card.complete
            )
            if assessment:
                break
    return TemplateResponse(
        request,
        module.get_template(request),
        {
            **module.get_context(request),
            "lines": lines,
            "card": card,
            "continue_line": next_lesson(lines),
            "approval": module_approval(module),
            "competencies": covered_competencies(module),
            "assessment": assessment,
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
    return TemplateResponse(
        request,
        lesson.get_template(request),
        {
            **lesson.get_context(request),
            "crumbs": outline.crumbs(request),
            "body": rendered_lesson_body(lesson, request=request),
            "module": outline.module,
            "line": lines[position],
            "number": position + 1,
            "total": len(lines),
            "previous_line": lines[position - 1] if position else None,
            "next_line": lines[position + 1] if position + 1 < len(lines) else None,
        },
    )


@require_POST
@login_required
def complete_lesson_view(request: HttpRequest, lesson_id: int) -> HttpResponse:
    """Mark a published lesson complete (idempotent); anything else is not found."""
    lesson = LessonPage.objects.live().filter(pk=lesson_id).first()
    if lesson is None:
        raise Http404("No such published lesson")
    complete_lesson(request.user, lesson=lesson)
    messages.success(request, f"You have completed the lesson: {lesson.title}.")
    module = ModulePage.objects.get(path=lesson.path[: -lesson.steplen])
    following = (
        LessonPage.objects.live()
        .child_of(module)
        .filter(path__gt=lesson.path)
        .order_by("path")
        .first()
    )
    return redirect((following or module).get_url(request))


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
