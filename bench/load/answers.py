"""How a simulated trainee answers the sheet, and what the pages must say back.

The trainee sees only the page: it guesses (the answer key never reaches the browser),
and it relies on the replies a trainee relies on. Plain standard library, shared by
the load driver (bench/load/trainee.py) and its tests.
"""

import json
import random

from bench.load.pages import Control, Form, Page

NUMBER_MODES = {"decimal", "numeric"}


def answer(form: Form, name: str, group: list[Control]) -> None:
    """Answer one question as a guessing trainee: any one radio, any checkboxes (at
    least one), a number in a number box."""
    kind = group[0].type
    if kind == "radio":
        form.choose(name, [random.choice(group).value])
    elif kind == "checkbox":
        values = [control.value for control in group]
        form.choose(name, random.sample(values, random.randint(1, len(values))))
    elif group[0].input_mode in NUMBER_MODES or kind == "number":
        form.type_in(
            name,
            random.choice([str(random.randint(1, 999)), f"{random.randint(1, 99)}.5"]),
        )
    else:
        form.type_in(name, "I am not sure")


def unanswered(sheet: Form) -> list[str]:
    """The questions the sheet would send no answer for."""
    return [name for name, values in sheet.answers().items() if not values]


def autosave_problem(body: str) -> str:
    """What is wrong with an autosave reply, as autosave.js reads it; "" when saved."""
    try:
        reply = json.loads(body)
    except ValueError:
        return "autosave: not JSON"
    if reply.get("saved") is not True:
        return "autosave: not saved"
    if reply.get("errors"):
        return f"autosave: answers refused: {reply['errors']}"[:200]
    return ""


def check_page_problem(page: Page, questions: int) -> str:
    """ "Check your answers" must list every question answered, and offer to submit."""
    if "You have not answered" in page.text or "Not answered" in page.text:
        return "check your answers: shows questions unanswered"
    changes = sum(1 for _, text in page.links if text.startswith("Change question"))
    if changes != questions:
        return f"check your answers: {changes} answers listed for {questions} questions"
    if not any(b.label == "Submit answers" for f in page.forms for b in f.buttons):
        return "check your answers: no way to submit"
    return ""


def result_problem(page: Page) -> str:
    """The result page must show the score."""
    return "" if page.score() else "result: no score shown"
