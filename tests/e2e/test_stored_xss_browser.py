"""Stored XSS in a real browser: with a script payload in every text field people fill
(tests/security/stored_xss.py), the key pages of each role open no dialog, hold no
element the payload would have opened, and make the Content Security Policy refuse
nothing (a refusal would mean markup got through, with only the policy stopping it).

The page-by-page escaping checks of every route for every role are Django client
tests in tests/security/test_stored_xss.py; this is the browser's word on the pages
where stored text is shown most.
"""

import pytest
from django.urls import reverse

from academy.models import User
from tests.security.conftest import DEMO_EMAILS
from tests.security.stored_xss import poison_the_demo

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

INJECTED = """() => document.querySelectorAll(
  'img[src="x"], [onerror], [onload], [onclick], script:not([src])'
).length"""


def _key_pages(people, poisoned) -> dict[str, list[str]]:
    priya = people["trainee"]
    pages = poisoned.pages
    return {
        "anonymous": [
            "/",
            "/courses/",
            pages["passport:shared_passport@live"],
        ],
        "trainee": [
            reverse("passport:passport"),
            reverse("passport:sharing"),
            reverse("assessments:workplace"),
            pages["assessments:workplace_assessment@correction"],
            pages["assessments:attempt@in-progress"],
            pages["assessments:result@submitted"],
            reverse("assessments:my_validations"),
            reverse("trainers:mentoring"),
            reverse("trainers:directory"),
        ],
        "trainer": [
            reverse("assessments:sign_off_queue"),
            pages["assessments:workplace_sign@requested"],
            pages["assessments:workplace_correct@signed"],
            pages["assessments:correct_validation@poisoned"],
            reverse("trainers:trainee_record", kwargs={"pk": priya.pk}),
            reverse("trainers:trainer_dashboard"),
        ],
        "lead": [
            reverse("passport:matrix", kwargs={"pk": priya.organisation_id}),
            reverse("trainers:organisation", kwargs={"pk": priya.organisation_id}),
        ],
        "lead2": [reverse("passport:recognised_competences")],
    }


def test_stored_payloads_never_run_in_the_browser(browser, demo_server):
    people = {role: User.objects.get(email=e) for role, e in DEMO_EMAILS.items()}
    people["anonymous"] = None
    poisoned = poison_the_demo(people)
    problems, visited = [], 0
    for role, urls in _key_pages(people, poisoned).items():
        context = browser.new_context()
        page = context.new_page()
        page.set_default_timeout(15_000)
        dialogs, refusals = [], []

        def on_dialog(dialog, seen=dialogs):
            seen.append(dialog.message)
            dialog.dismiss()

        def on_console(message, seen=refusals):
            if "Content Security Policy" in message.text:
                seen.append(message.text)

        page.on("dialog", on_dialog)
        page.on("console", on_console)
        if people[role] is not None:
            page.goto(f"{demo_server.url}/account/sign-in/")
            page.get_by_label("E-mail address").fill(DEMO_EMAILS[role])
            page.get_by_label("Password").fill("academy-demo")
            page.get_by_role("button", name="Sign in").click()
            page.get_by_role("button", name="Sign out").wait_for()
        for url in urls:
            response = page.goto(demo_server.url + url)
            assert response.status == 200, f"{role} {url}: {response.status}"
            visited += 1
            shown = page.content()
            if not poisoned.payloads.labels_in(shown):
                problems.append(f"{role} {url}: no stored payload on the page")
            if page.evaluate(INJECTED):
                problems.append(f"{role} {url}: an element the payload opened")
        problems += [f"{role}: dialog {message!r}" for message in dialogs]
        problems += [f"{role}: CSP refused {text!r}" for text in refusals]
        context.close()
    assert visited >= 20
    assert not problems, "\n".join(problems)
