"""A simulated trainee for locust: signs in once, then takes the load module's knowledge
assessment again and again, as a browser without JavaScript plus the autosave would.

Started by bench/load_assessments.py; not a module to import (locust patches the
standard library with gevent). It reads LOAD_SETUP (JSON: the sign-in and module URLs,
e-mail addresses, password) and, when it stops, writes LOAD_RECORDS (JSON): every
request (name, status, milliseconds, start, error) and, for every attempt, each answer
sheet posted (the form's fields as sent) with what the server said, whether the
submission was confirmed and the score the result page showed, so that the runner can
check the database.

The trainee knows nothing the page does not show: it reads each page's forms as a
browser does (bench/load/pages.py) and sends back their fields with the values the HTML
carries (option values are the attempt's own, never database ids), and it never sees
the answer key, so it guesses.

Every trainee signs in first; when all have, each takes attempts for LOAD_SECONDS (the
first one starting within ten pauses) and then finishes the attempt under way. Each
attempt: open the module's assessment page, start (its form; or continue an attempt
left open), open the answer sheet, answer every question one by one (a random option
for each group of radios, a random non-empty set of checkboxes, a number typed in each
number box), with an autosave POST of the whole sheet after each, as
assessments/static/assessments/autosave.js does (now and then an earlier answer is
changed); then "Check your answers", which must list every answer, confirm there, and
read the score on the result page. Before each answer the trainee thinks for
LOAD_THINK_SECONDS on average (0.5 to 1.5 times it).
"""

import itertools
import json
import os
import random
import re
import time
from pathlib import Path
from urllib.parse import urlencode, urljoin

import gevent
from gevent.event import Event
from locust import FastHttpUser, constant, events, task
from locust.exception import StopUser

from bench.load.answers import (
    answer,
    autosave_problem,
    check_page_problem,
    result_problem,
    unanswered,
)
from bench.load.pages import Form, Page, read

SETUP = json.loads(Path(os.environ["LOAD_SETUP"]).read_text())
RECORDS = Path(os.environ["LOAD_RECORDS"])
THINK = float(os.environ.get("LOAD_THINK_SECONDS", "5"))
SECONDS = float(os.environ.get("LOAD_SECONDS", "300"))
TRAINEES = min(int(os.environ.get("LOAD_USERS", "200")), len(SETUP["emails"]))
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
# The address bar names the attempt; the runner checks the database by it.
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
            url = SETUP["sign_in_url"]
            page = self.open("GET", url, "sign-in page", 200)
            form = page.form_with_button("Sign in")
            for control in form.controls:
                if control.name == "username":
                    control.value = self.email
                elif control.name == "password":
                    control.value = SETUP["password"]
            self.send(form, "sign in", 302, url=url, submitter=form.button("Sign in"))
        except RuntimeError:
            self.finish()  # recorded as a failed request; the run fails
        except ValueError as error:
            driver_errors.append(f"{self.email}: {error}"[:200])
            self.finish()
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

    def expect(self, method, path, name, status, *, check=None, **kwargs) -> str:
        """The response body; a failure (and a stop of this attempt) on any other
        status, or when `check(body)` says what is wrong with it."""
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
            location = response.headers.get("Location", "") or ""
            self.last_location = urljoin(path, location) if location else ""
            if response.status_code != status:
                response.failure(f"expected {status}, got {response.status_code}")
                raise RuntimeError(f"{name}: {response.status_code}")
            body = response.text or ""
            problem = check(body) if check is not None else ""
            if problem:
                response.failure(problem)
                raise RuntimeError(problem)
            return body

    def open(self, method, path, name, status, *, check=None, **kwargs) -> Page:
        """The page as a browser reads it; `check(page)` as for `expect`."""
        parsed: list[Page] = []

        def read_and_check(body: str) -> str:
            parsed.append(read(body, url=path))
            return check(parsed[0]) if check is not None else ""

        self.expect(method, path, name, status, check=read_and_check, **kwargs)
        return parsed[0]

    def send(self, form: Form, name, status, *, url, submitter=None, **kwargs) -> str:
        """Submit `form` as a browser would (POST forms only, here)."""
        if form.method != "post":
            raise ValueError(f"{name}: a {form.method} form")
        data = urlencode(form.fields(submitter))
        return self.expect(
            "POST", urljoin(url, form.action), name, status, data=data, **kwargs
        )

    @task
    def take_assessment(self):
        if time.time() >= window["end"]:
            self.finish()
        try:
            self._take_assessment()
        except RuntimeError:
            self.think()  # the failed request is recorded; start again after a pause
        except ValueError as error:
            # A page without what a trainee needs (a button, the questions): the run
            # fails on it, as on a failed request.
            driver_errors.append(f"{self.email}: {error}"[:200])
            self.think()

    def _take_assessment(self):
        """One attempt; RuntimeError or ValueError when the server answered wrongly."""
        module_url = SETUP["module_url"]
        page = self.open("GET", module_url, "module page", 200)
        self.think(0.5)
        # An attempt left open (a request that failed) is continued, as on the page.
        sheet_url = page.link("Continue your attempt")
        if sheet_url is None:
            start = page.form_with_button("Start the assessment")
            self.send(start, "start attempt", 302, url=module_url)
            sheet_url = self.last_location
        sheet_url = urljoin(module_url, sheet_url)
        opened = ATTEMPT_URL.match(sheet_url)
        if opened is None:
            raise RuntimeError(f"start attempt: sent to {sheet_url}")
        page = self.open("GET", sheet_url, "answer sheet", 200)
        sheet = page.form_with("data-autosave-url")
        autosave_url = urljoin(sheet_url, sheet.attributes["data-autosave-url"])
        questions = sheet.questions()
        if not questions:
            raise ValueError("answer sheet: no questions")
        record = {
            "attempt": int(opened.group(1)),
            "email": self.email,
            "questions": list(questions),
            "posts": [],
            "confirmed": False,
            "score_shown": None,
        }
        attempts.append(record)
        answered: list[str] = []
        for name, group in questions.items():
            self.think()
            answer(sheet, name, group)
            answered.append(name)
            if len(answered) > 1 and random.random() < 0.1:
                changed = random.choice(answered)
                answer(sheet, changed, questions[changed])
            self.autosave(record, sheet, autosave_url)
        if unanswered(sheet):
            raise ValueError(f"answer sheet: left {unanswered(sheet)} unanswered")
        self.think()
        self.submit(record, sheet, sheet_url, len(questions))
        self.think(2)

    def autosave(self, record: dict, sheet: Form, url: str) -> None:
        """Post the whole sheet without a button, as the script does on each change."""
        post = {"kind": "autosave", "answers": sheet.answers()}
        record["posts"].append(post)  # before sending: it may be cut off in flight
        data = urlencode(sheet.fields())
        try:
            self.expect("POST", url, "autosave", 200, data=data, check=autosave_problem)
            post["saved"] = True
        finally:
            post["status"] = self.last_status

    def submit(self, record: dict, sheet: Form, sheet_url: str, questions: int):
        """Go to "Check your answers" with the sheet, confirm there, read the result."""
        post = {"kind": "submit", "answers": sheet.answers()}
        record["posts"].append(post)
        try:
            self.send(
                sheet,
                "submit",
                302,
                url=sheet_url,
                submitter=sheet.button("Check your answers"),
            )
        finally:
            post["status"] = self.last_status
        check_url = self.last_location
        page = self.open(
            "GET",
            check_url,
            "check answers",
            200,
            check=lambda page: check_page_problem(page, questions),
        )
        post["saved"] = True  # the check page lists every answer sent
        confirm = page.form_with_button("Submit answers")
        self.send(
            confirm,
            "confirm",
            302,
            url=check_url,
            submitter=confirm.button("Submit answers"),
        )
        record["confirmed"] = True
        result = self.open(
            "GET",
            self.last_location,
            "result",
            200,
            check=result_problem,
        )
        record["score_shown"] = list(result.score())
