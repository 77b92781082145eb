"""A simulated trainee for locust: signs in once, then takes the load module's knowledge
assessment again and again, as a browser without JavaScript plus the autosave would.

Started by bench/load_assessments.py; not a module to import (locust patches the
standard library with gevent). It reads LOAD_SETUP (JSON: the sign-in, module and
start URLs, e-mail addresses, password) and, when it stops, writes LOAD_RECORDS
(JSON): every request (name, status, milliseconds, start, error) and, for every
attempt, each set of answers posted with what the server said, so that the runner can
check the database.

Every trainee signs in first; when all have, each takes attempts for LOAD_SECONDS (the
first one starting within ten pauses) and then finishes the attempt under way. Each attempt: open the module's assessment page,
start (POST), open the answer sheet, answer the questions one by one (an autosave POST
of the whole sheet after each, as assessments/static/assessments/autosave.js does; now
and then an earlier answer is changed), submit, and read the result. Before each
answer the trainee thinks for LOAD_THINK_SECONDS on average (0.5 to 1.5 times it).
"""

import itertools
import json
import os
import random
import re
import time
from pathlib import Path
from urllib.parse import urlencode

import gevent
from gevent.event import Event
from locust import FastHttpUser, constant, events, task
from locust.exception import StopUser

SETUP = json.loads(Path(os.environ["LOAD_SETUP"]).read_text())
RECORDS = Path(os.environ["LOAD_RECORDS"])
THINK = float(os.environ.get("LOAD_THINK_SECONDS", "5"))
SECONDS = float(os.environ.get("LOAD_SECONDS", "300"))
TRAINEES = min(int(os.environ.get("LOAD_USERS", "200")), len(SETUP["emails"]))
FORM = {"Content-Type": "application/x-www-form-urlencoded"}

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
INPUT = re.compile(r"<input\b[^>]*>")
ATTRIBUTE = re.compile(r'\b(name|type|value)="([^"]*)"')
ATTEMPT_URL = re.compile(r"^/assessments/attempts/(\d+)/$")

accounts = itertools.count()
requests: list[list] = []
attempts: list[dict] = []
driver_errors: list[str] = []
# The measured window opens when every trainee has signed in (PBKDF2 costs about a
# second of CPU per sign-in here, so 200 of them take minutes) and closes SECONDS later.
everyone_signed_in = Event()
window: dict[str, float] = {}
progress = {"signed_in": 0, "finished": 0}


@events.request.add_listener
def record_request(name, response, response_time, start_time, exception, **kwargs):
    status = getattr(response, "status_code", 0) or 0
    error = (
        "" if exception is None else f"{type(exception).__name__}: {exception}"[:200]
    )
    requests.append([name, status, round(response_time, 2), start_time, error])


@events.user_error.add_listener
def record_error(user_instance, exception, tb, **kwargs):
    driver_errors.append(f"{type(exception).__name__}: {exception}"[:200])


@events.test_stop.add_listener
def write_records(**kwargs):
    RECORDS.write_text(
        json.dumps(
            {
                "window": window,
                "requests": requests,
                "attempts": attempts,
                "driver_errors": driver_errors,
            }
        )
    )


def csrf_token(html: str) -> str:
    found = CSRF.search(html)
    if found is None:
        raise ValueError("no CSRF token on the page")
    return found.group(1)


def sheet_questions(html: str) -> dict[str, dict]:
    """The answer sheet's questions by id: their kind and the option ids offered."""
    questions: dict[str, dict] = {}
    for tag in INPUT.findall(html):
        attributes = dict(ATTRIBUTE.findall(tag))
        name = attributes.get("name", "")
        if not name.startswith("q-"):
            continue
        question = questions.setdefault(
            name[2:], {"type": attributes["type"], "options": []}
        )
        if attributes["type"] in {"radio", "checkbox"}:
            question["options"].append(int(attributes["value"]))
    return questions


def guess(question: dict):
    """An answer as the server stores it: sorted option ids, or the number typed."""
    if question["type"] == "text":
        return random.choice(
            [str(random.randint(100, 999)), f"{random.randint(10, 99)}.5"]
        )
    if question["type"] == "radio":
        return [random.choice(question["options"])]
    count = random.randint(1, len(question["options"]))
    return sorted(random.sample(question["options"], count))


def form_fields(token: str, answers: dict) -> list[tuple[str, str]]:
    fields = [("csrfmiddlewaretoken", token)]
    for question_id, value in answers.items():
        values = value if isinstance(value, list) else [value]
        fields.extend((f"q-{question_id}", str(v)) for v in values)
    return fields


class Trainee(FastHttpUser):
    wait_time = constant(0)
    # A request unanswered after five minutes counts as failed; sign-ins queue for
    # minutes while 200 PBKDF2 hashes are checked on two cores.
    network_timeout = 300.0
    connection_timeout = 60.0

    def on_start(self):
        number = next(accounts)
        if number >= TRAINEES:
            raise StopUser
        self.email = SETUP["emails"][number]
        try:
            page = self.expect("GET", SETUP["sign_in_url"], "sign-in page", 200)
            fields = {
                "csrfmiddlewaretoken": csrf_token(page),
                "username": self.email,
                "password": SETUP["password"],
            }
            self.expect(
                "POST", SETUP["sign_in_url"], "sign in", 302, data=urlencode(fields)
            )
        except RuntimeError:
            self.finish()  # recorded as a failed request; the run fails
        finally:
            progress["signed_in"] += 1
            if progress["signed_in"] == TRAINEES:
                window["start"] = time.time()
                window["end"] = window["start"] + SECONDS
                everyone_signed_in.set()
        everyone_signed_in.wait()
        # Not all at the same instant: first attempts start over the first ten pauses,
        # as they would when a class sits down, rather than 200 at once.
        gevent.sleep(random.uniform(0, 10 * THINK))

    def finish(self):
        """Stop this trainee; the last one to stop ends the run."""
        progress["finished"] += 1
        if progress["finished"] == TRAINEES:
            gevent.spawn_later(0.1, self.environment.runner.quit)
        raise StopUser

    def think(self, scale: float = 1.0):
        gevent.sleep(random.uniform(0.5, 1.5) * THINK * scale)

    def expect(self, method, path, name, status, **kwargs) -> str:
        """The response body; a failure (and a stop of this attempt) on any other status."""
        self.last_status, self.last_location = 0, ""
        with self.client.request(
            method,
            path,
            name=name,
            allow_redirects=False,
            catch_response=True,
            headers=FORM if method == "POST" else None,
            **kwargs,
        ) as response:
            self.last_status = response.status_code
            self.last_location = response.headers.get("Location", "") or ""
            if response.status_code != status:
                response.failure(f"expected {status}, got {response.status_code}")
                raise RuntimeError(f"{name}: {response.status_code}")
            return response.text or ""

    @task
    def take_assessment(self):
        if time.time() >= window["end"]:
            self.finish()
        try:
            self._take_assessment()
        except (RuntimeError, ValueError):
            self.think()  # the failure is recorded; start again after a pause

    def _take_assessment(self):
        """One attempt; RuntimeError or ValueError when the server answered wrongly."""
        token = csrf_token(self.expect("GET", SETUP["module_url"], "module page", 200))
        self.think(0.5)
        data = urlencode({"csrfmiddlewaretoken": token})
        self.expect("POST", SETUP["start_url"], "start attempt", 302, data=data)
        opened = ATTEMPT_URL.match(self.last_location)
        if opened is None:
            raise RuntimeError(f"start attempt: sent to {self.last_location}")
        sheet_url = self.last_location
        page = self.expect("GET", sheet_url, "answer sheet", 200)
        token, questions = csrf_token(page), sheet_questions(page)
        record = {
            "attempt": int(opened.group(1)),
            "email": self.email,
            "questions": sorted(questions),
            "posts": [],
        }
        attempts.append(record)
        answers: dict = {}
        for question_id, question in questions.items():
            self.think()
            answers[question_id] = guess(question)
            if len(answers) > 1 and random.random() < 0.1:
                changed = random.choice(list(answers))
                answers[changed] = guess(questions[changed])
            self.post_answers(record, f"{sheet_url}autosave/", token, answers)
        self.think()
        self.post_answers(record, sheet_url, token, answers, submit=True)
        result = self.expect("GET", f"{sheet_url}result/", "result", 200)
        if " out of " not in result:
            raise RuntimeError("result: no score shown")
        self.think(2)

    def post_answers(self, record, url, token, answers, *, submit=False):
        """Post the whole sheet; the record says what was sent and what the server said."""
        post = {"kind": "submit" if submit else "autosave", "answers": dict(answers)}
        record["posts"].append(post)  # before sending: it may be cut off in flight
        fields = form_fields(token, answers)
        if submit:
            fields.append(("action", "submit"))
            try:
                self.expect("POST", url, "submit", 302, data=urlencode(fields))
                if self.last_location == f"{url}check/":
                    # "Check your answers": the submission is confirmed there.
                    confirm = urlencode([("csrfmiddlewaretoken", token)])
                    self.expect(
                        "POST", self.last_location, "confirm", 302, data=confirm
                    )
            finally:
                post["status"] = self.last_status
            post["saved"] = self.last_location == f"{url}result/"
            if not post["saved"]:
                raise RuntimeError(f"submit: sent to {self.last_location}")
            return
        try:
            body = self.expect("POST", url, "autosave", 200, data=urlencode(fields))
        finally:
            post["status"] = self.last_status
        post["saved"] = json.loads(body).get("saved") is True
        if not post["saved"]:
            raise RuntimeError("autosave: not saved")
