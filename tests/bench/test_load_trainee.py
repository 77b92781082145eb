"""The load test's simulated trainee, walked through one real attempt: it reads each
page's forms as a browser does, answers every question with the values the page
offers, goes through "Check your answers", confirms and reads the score the database
holds; the load test's check translates what it sent into the saved answers."""

from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse

from assessments.models import Attempt, AttemptStatus
from bench.load.answers import (
    answer,
    autosave_problem,
    check_page_problem,
    result_problem,
    unanswered,
)
from bench.load.pages import Form, read
from bench.load.verify import as_saved

pytestmark = pytest.mark.django_db
FORM = "application/x-www-form-urlencoded"


@pytest.fixture
def browser(ready_trainee):
    """A client that, like a browser, must send the CSRF token the page carries."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(ready_trainee)
    return client


def _post(client, url, form: Form, submitter=None):
    return client.post(form.action or url, urlencode(form.fields(submitter)), FORM)


def _open_sheet(browser, module):
    module_url = reverse("assessments:module_assessment", args=[module.pk])
    page = read(browser.get(module_url).content.decode(), url=module_url)
    start = page.form_with_button("Start the assessment")
    started = _post(browser, module_url, start, start.button("Start the assessment"))
    assert started.status_code == 302
    sheet_url = started.url
    page = read(browser.get(sheet_url).content.decode(), url=sheet_url)
    return sheet_url, page.form_with("data-autosave-url")


def test_the_trainee_answers_every_question_checks_confirms_and_reads_its_score(
    browser, module, assessment_settings
):
    sheet_url, sheet = _open_sheet(browser, module)
    attempt = Attempt.objects.get()
    questions = sheet.questions()
    drawn = attempt.snapshot["questions"]
    assert len(questions) == len(drawn) == 4
    # The page carries the attempt's own option values, never the options' ids.
    ids = {str(option["id"]) for question in drawn for option in question["options"]}
    offered = {c.value for group in questions.values() for c in group if c.value}
    assert not offered & ids
    for name, group in questions.items():
        answer(sheet, name, group)
        url = sheet.attributes["data-autosave-url"]
        saved = browser.post(url, urlencode(sheet.fields()), FORM)
        assert saved.status_code == 200
        assert autosave_problem(saved.content.decode()) == ""
    assert unanswered(sheet) == []
    sent = sheet.answers()
    attempt.refresh_from_db()
    assert attempt.responses == as_saved(sent, drawn)
    assert len(attempt.responses) == 4

    checked = _post(browser, sheet_url, sheet, sheet.button("Check your answers"))
    assert checked.status_code == 302
    check_url = checked.url
    page = read(browser.get(check_url).content.decode(), url=check_url)
    assert check_page_problem(page, len(questions)) == ""
    confirm = page.form_with_button("Submit answers")
    confirmed = _post(browser, check_url, confirm, confirm.button("Submit answers"))
    assert confirmed.status_code == 302
    result = read(browser.get(confirmed.url).content.decode(), url=confirmed.url)
    assert result_problem(result) == ""

    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.SUBMITTED
    assert attempt.responses == as_saved(sent, drawn)
    assert result.score() == (attempt.score, attempt.max_score)


def test_check_your_answers_with_a_question_left_is_a_problem(
    browser, module, assessment_settings
):
    sheet_url, sheet = _open_sheet(browser, module)
    questions = sheet.questions()
    first = next(iter(questions))
    answer(sheet, first, questions[first])
    assert len(unanswered(sheet)) == 3
    checked = _post(browser, sheet_url, sheet, sheet.button("Check your answers"))
    page = read(browser.get(checked.url).content.decode(), url=checked.url)
    assert "unanswered" in check_page_problem(page, len(questions))


def test_a_page_is_read_as_a_browser_reads_it():
    html = """
    <form method="post" action="/sign-out/"><input type="hidden" name="csrf" value="t">
      <button type="submit">Sign out</button></form>
    <form method="post" data-autosave-url="/save/">
      <input type="hidden" name="csrf" value="a&amp;b">
      <input type="radio" name="q-1" value="x1" checked><input type="radio" name="q-1"
        value="x2">
      <input type="checkbox" name="q-2" value="y1"><input type="checkbox" name="q-2"
        value="y2" checked disabled>
      <input type="text" name="q-3" inputmode="decimal" value="">
      <button type="submit" name="action" value="save">Save</button>
      <button type="submit" name="action" value="check">Check <b>your</b> answers</button>
    </form>
    <a href="/next/">Change<span> question 1</span></a>
    <p>Score 3 out of 8 (38%)</p>
    """
    page = read(html, url="/sheet/")
    sheet = page.form_with("data-autosave-url")
    assert sheet.action == "/sheet/"  # no action: it posts back to the page
    assert page.form_with_button("Sign out").action == "/sign-out/"
    # Checked choices only, disabled controls never, and the button pressed.
    assert sheet.fields(sheet.button("Check your answers")) == [
        ("csrf", "a&b"),
        ("q-1", "x1"),
        ("q-3", ""),
        ("action", "check"),
    ]
    assert list(sheet.questions()) == ["q-1", "q-2", "q-3"]
    sheet.choose("q-1", ["x2"])
    sheet.type_in("q-3", "2.5")
    assert sheet.answers() == {"q-1": ["x2"], "q-2": [], "q-3": ["2.5"]}
    assert page.link("Change question 1") == "/next/"
    assert page.score() == (3, 8)
