"""Admin smoke tests: question banks, settings, records and the TSET reports."""

import csv
import io
import random

import pytest
from django.urls import reverse

from assessments.knowledge.services import start_attempt, submit_attempt
from assessments.models import Question
from tests.assessments.conftest import right_answers
from tests.factories.academy import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(make_user):
    return make_user("TSET editor")


@pytest.fixture
def marked(ready_trainee, module, assessment_settings):
    attempt = start_attempt(ready_trainee, module=module, rng=random.Random(1))
    return submit_attempt(attempt, responses=right_answers(attempt))


@pytest.mark.parametrize(
    "url_name",
    [
        "wagtailsnippets_assessments_question:list",
        "wagtailsnippets_assessments_question:add",
        "wagtailsnippets_assessments_assessmentsettings:list",
        "wagtailsnippets_assessments_assessmentsettings:add",
        "assessments_item_analysis",
        "assessments_knowledge_gaps",
    ],
)
def test_editor_can_open_each_admin_view(client, editor, marked, url_name):
    client.force_login(editor)
    assert client.get(reverse(url_name)).status_code == 200


def test_editor_edits_a_question_and_it_goes_to_review(client, editor, bank):
    client.force_login(editor)
    question = bank[0]
    page = client.get(
        reverse("wagtailsnippets_assessments_question:edit", args=[question.pk])
    )
    assert page.status_code == 200
    assert b"Submit to TSET review" in page.content or b"Submit to" in page.content
    assert not editor.has_perm("assessments.publish_question")


def test_moderator_may_publish_questions(make_user):
    moderator = make_user("TSET moderator")
    assert moderator.has_perm("assessments.publish_question")
    assert moderator.has_perm("assessments.change_question")


def test_records_are_view_only(client, make_user, marked):
    client.force_login(make_user(is_superuser=True, is_staff=True))
    inspect = client.get(reverse("assessment_attempts:inspect", args=[marked.pk]))
    assert inspect.status_code == 200
    assert client.get(reverse("assessment_attempts:add")).status_code in {302, 403, 404}


@pytest.mark.parametrize("role", ["TSET editor", "TSET moderator"])
def test_editors_and_moderators_see_aggregates_not_trainees_attempts(
    client, make_user, marked, role
):
    """They author content: item analysis and knowledge gaps, never a person's
    attempts or the knowledge requirements a person has met."""
    client.force_login(make_user(role))
    for url in (
        reverse("assessment_attempts:index"),
        reverse("assessment_attempts:inspect", args=[marked.pk]),
        reverse("knowledge_requirements_met:index"),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url == reverse("wagtailadmin_home"), url
    assert client.get(reverse("assessments_item_analysis")).status_code == 200


def test_trainee_cannot_open_reports(client, ready_trainee):
    client.force_login(ready_trainee)
    response = client.get(reverse("assessments_item_analysis"))
    assert response.status_code in {302, 403}


def test_item_analysis_shows_statistics(client, editor, marked, module):
    client.force_login(editor)
    page = client.get(reverse("assessments_item_analysis"), {"module": module.pk})
    body = page.content.decode()
    assert module.title in body
    assert "1.00" in body  # every question answered correctly once


def test_knowledge_gaps_filters_and_exports_safe_csv(
    client, editor, marked, competency
):
    competency.title = "=HYPERLINK(evil)"
    competency.save()
    client.force_login(editor)
    page = client.get(reverse("assessments_knowledge_gaps"))
    assert competency.code in page.content.decode()
    response = client.get(reverse("assessments_knowledge_gaps"), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "Competency"
    assert rows[1][1] == "'=HYPERLINK(evil)"
    assert rows[1][4] == "100"
    other = OrganisationFactory()
    filtered = client.get(
        reverse("assessments_knowledge_gaps"), {"organisation": other.pk}
    )
    assert "No marked attempts match" in filtered.content.decode()
    by_band = client.get(reverse("assessments_knowledge_gaps"), {"band": 3})
    assert competency.code in by_band.content.decode()


def test_question_str_is_short(bank):
    question = Question.objects.get(pk=bank[0].pk)
    question.stem = "x" * 200
    assert len(str(question)) == 80


def _question_form(user, module, competency, *, kind, options):
    data = {
        "module": module.pk,
        "competency": competency.pk,
        "topic": "Rules",
        "kind": kind,
        "stem": "Which?",
        "tolerance": "0",
        "feedback": "Because.",
        "options-TOTAL_FORMS": str(len(options)),
        "options-INITIAL_FORMS": "0",
        "options-MIN_NUM_FORMS": "0",
        "options-MAX_NUM_FORMS": "1000",
    }
    for index, (text, correct) in enumerate(options):
        data[f"options-{index}-text"] = text
        data[f"options-{index}-ORDER"] = str(index + 1)
        if correct:
            data[f"options-{index}-is_correct"] = "on"
    form_class = Question.get_edit_handler().get_form_class()
    return form_class(data, instance=Question(), for_user=user)


@pytest.mark.parametrize(
    ("kind", "options", "error"),
    [
        ("single", [("A", False), ("B", False)], "exactly one option"),
        ("single", [("A", True), ("B", True)], "exactly one option"),
        ("true_false", [("True", True)], "at least two"),
        ("multiple", [("A", False), ("B", False)], "at least one option"),
        ("single", [("A", True), ("B", False)], None),
        ("multiple", [("A", True), ("B", True), ("C", False)], None),
    ],
)
def test_question_form_checks_the_answer_key(
    editor, module, competency, kind, options, error
):
    form = _question_form(editor, module, competency, kind=kind, options=options)
    if error is None:
        assert form.is_valid(), form.errors
    else:
        assert not form.is_valid()
        assert error in str(form.non_field_errors())


def test_numeric_question_needs_an_answer(editor, module, competency):
    form = _question_form(editor, module, competency, kind="numeric", options=[])
    assert not form.is_valid()
    assert "numeric_answer" in form.errors
