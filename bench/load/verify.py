"""After a load run: check the database against what the simulated trainees sent, and
summarise the requests (rate and latency percentiles per kind of request).

Runs in a process set up for the load test's database (bench/load_assessments.py).
"""

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from academy.audit_actions import stored_names
from academy.models import AuditEvent
from assessments.knowledge.forms import field_name, option_value
from assessments.knowledge.scoring import mark_attempt
from assessments.models import Attempt, AttemptAnswer, AttemptStatus

# The kinds of request, in the order a trainee makes them.
REQUEST_KINDS = [
    "sign-in page",
    "sign in",
    "module page",
    "start attempt",
    "answer sheet",
    "autosave",
    "submit",
    "check answers",
    "confirm",
    "result",
]
PERCENTILES = (50, 95, 99)


@dataclass
class Findings:
    """What the database holds compared with what the trainees were told was saved."""

    attempts: int = 0
    submitted: int = 0
    # Closed attempts holding an answer to every question drawn, and the marks all
    # closed attempts scored (none at all would suggest the options were mixed up).
    fully_answered: int = 0
    marks_scored: int = 0
    # Results the trainees read whose score is the one the database holds.
    results_read: int = 0
    answers_checked: int = 0
    autosaves_acknowledged: int = 0
    attempts_in_run: int = 0
    problems: list[str] = field(default_factory=list)


def _acknowledged(post: dict) -> bool:
    expected = 302 if post["kind"] == "submit" else 200
    return post.get("status") == expected and post.get("saved") is True


def as_saved(sent: dict[str, list[str]], questions: list[dict]) -> dict:
    """The responses a sheet as posted should be saved as: the ids of the options
    whose values were sent (-1 for a value the attempt never offered), or the number
    typed; questions left blank are absent."""
    responses: dict = {}
    for question in questions:
        values = [v for v in sent.get(field_name(question["id"]), []) if v != ""]
        if not values:
            continue
        if question["kind"] == "numeric":
            responses[str(question["id"])] = values[0].strip()
            continue
        ids = {option_value(option): option["id"] for option in question["options"]}
        responses[str(question["id"])] = sorted({ids.get(v, -1) for v in values})
    return responses


def expected_responses(posts: list[dict], questions: list[dict]) -> list[dict]:
    """The answers the attempt may hold: the last acknowledged sheet, or one sent after
    it whose answer never came back (cut off when the run stopped) or was an error."""
    last = max((n for n, post in enumerate(posts) if _acknowledged(post)), default=-1)
    candidates = [as_saved(posts[last]["answers"], questions) if last >= 0 else {}]
    candidates.extend(as_saved(p["answers"], questions) for p in posts[last + 1 :])
    return candidates


def _check_result_read(attempt: Attempt, shown) -> list[str]:
    """The score the trainee read on the result page is the attempt's."""
    if shown is None or list(shown) == [attempt.score, attempt.max_score]:
        return []
    return [
        f"attempt {attempt.pk}: result page showed {shown[0]} out of {shown[1]}, "
        f"the database holds {attempt.score} out of {attempt.max_score}"
    ]


def _check_marking(
    attempt: Attempt, rows: list[AttemptAnswer], marked: int
) -> list[str]:
    """A closed attempt is marked exactly once, from the answers it holds."""
    problems = []
    questions = attempt.snapshot["questions"]
    if marked != 1:
        problems.append(
            f"attempt {attempt.pk}: marked {marked} times in the audit trail"
        )
    if attempt.score is None or attempt.submitted_at is None:
        problems.append(f"attempt {attempt.pk}: closed without a score")
        return problems
    if sorted(row.question_id for row in rows) != sorted(q["id"] for q in questions):
        problems.append(
            f"attempt {attempt.pk}: {len(rows)} marked answers for {len(questions)} questions"
        )
    for row in rows:
        if row.response != attempt.responses.get(str(row.question_id)):
            problems.append(
                f"attempt {attempt.pk}: question {row.question_id} marked "
                f"{row.response!r}, saved {attempt.responses.get(str(row.question_id))!r}"
            )
    result = mark_attempt(questions, attempt.responses, pass_mark=attempt.pass_mark)
    if (result.score, result.max_score) != (attempt.score, attempt.max_score):
        problems.append(
            f"attempt {attempt.pk}: score {attempt.score}/{attempt.max_score}, "
            f"marking again gives {result.score}/{result.max_score}"
        )
    return problems


def _marked_counts(attempt_ids) -> Counter:
    return Counter(
        AuditEvent.objects.filter(
            action__in=stored_names("assessments.knowledge_attempt_marked"),
            object_type="assessments.attempt",
            object_id__in=[str(pk) for pk in attempt_ids],
        ).values_list("object_id", flat=True)
    )


def check_attempts(
    records: list[dict], *, emails: list[str], started_after
) -> Findings:
    """Every answer the server acknowledged is in the attempt exactly as sent, and every
    closed attempt of the run was marked exactly once."""
    findings = Findings()
    posts: dict[int, list[dict]] = defaultdict(list)
    owner: dict[int, str] = {}
    confirmed: set[int] = set()
    shown: dict[int, list[int]] = {}
    for record in records:  # a resumed attempt has several records, in order
        posts[record["attempt"]].extend(record["posts"])
        owner[record["attempt"]] = record["email"]
        if record.get("confirmed"):
            confirmed.add(record["attempt"])
        if record.get("score_shown") is not None:
            shown[record["attempt"]] = record["score_shown"]
    in_run = Attempt.objects.filter(trainee__email__in=emails).filter(
        started_at__gte=started_after
    )
    ids = set(posts) | set(in_run.values_list("pk", flat=True))
    attempts = Attempt.objects.filter(pk__in=ids).select_related("trainee")
    rows: dict[int, list[AttemptAnswer]] = defaultdict(list)
    for row in AttemptAnswer.objects.filter(attempt_id__in=ids):
        rows[row.attempt_id].append(row)
    marked = _marked_counts(ids)
    found = {attempt.pk: attempt for attempt in attempts}
    findings.attempts = len(posts)
    findings.attempts_in_run = len(ids)
    for pk in sorted(ids):
        attempt = found.get(pk)
        if attempt is None:
            findings.problems.append(f"attempt {pk}: not in the database")
            continue
        if pk in owner and attempt.trainee.email != owner[pk]:
            findings.problems.append(
                f"attempt {pk}: belongs to {attempt.trainee.email}"
            )
        questions = attempt.snapshot["questions"]
        if attempt.status != AttemptStatus.IN_PROGRESS:
            findings.submitted += 1
            findings.problems.extend(_check_marking(attempt, rows[pk], marked[str(pk)]))
            findings.fully_answered += len(attempt.responses) == len(questions)
            findings.marks_scored += attempt.score or 0
            if pk in shown:
                result_problems = _check_result_read(attempt, shown[pk])
                findings.results_read += not result_problems
                findings.problems.extend(result_problems)
        elif rows[pk] or marked[str(pk)]:
            findings.problems.append(f"attempt {pk}: open but has marks")
        if pk not in posts:
            continue  # started as the run stopped; the trainee never saw it
        sent = posts[pk]
        findings.autosaves_acknowledged += sum(
            1 for post in sent if post["kind"] == "autosave" and _acknowledged(post)
        )
        if pk in confirmed and attempt.status != AttemptStatus.SUBMITTED:
            findings.problems.append(
                f"attempt {pk}: submission confirmed, status {attempt.status}"
            )
        candidates = expected_responses(sent, questions)
        if attempt.responses in candidates:
            findings.answers_checked += len(attempt.responses)
        else:
            findings.problems.append(
                f"attempt {pk}: holds {attempt.responses!r}, "
                f"last acknowledged {candidates[0]!r}"
            )
    return findings


def percentile(ordered: list[float], percent: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    return ordered[max(0, math.ceil(percent / 100 * len(ordered)) - 1)]


SIGN_IN_KINDS = {"sign-in page", "sign in"}


def _row(label: str, group: list[list]) -> dict:
    """Count, rate over the group's own span, percentiles, 5xx and failures."""
    times = sorted(r[2] for r in group)
    span = max(r[3] + r[2] / 1000 for r in group) - min(r[3] for r in group)
    return {
        "request": label,
        "count": len(group),
        "seconds": round(span, 1),
        "rps": round(len(group) / max(span, 0.001), 1),
        **{f"p{p}_ms": round(percentile(times, p), 1) for p in PERCENTILES},
        "max_ms": round(times[-1], 1),
        "5xx": sum(1 for r in group if r[1] >= 500),
        "failed": sum(1 for r in group if r[4]),
    }


def request_summary(requests: list[list]) -> dict:
    """Per kind of request, for the assessment requests together, and for all.

    `requests` holds [name, status, milliseconds, started (epoch seconds), error].
    """
    if not requests:
        return {"rows": [], "errors": []}
    by_kind: dict[str, list[list]] = defaultdict(list)
    for request in requests:
        by_kind[request[0]].append(request)
    kinds = [k for k in REQUEST_KINDS if k in by_kind] + sorted(
        set(by_kind) - set(REQUEST_KINDS)
    )
    rows = [_row(kind, by_kind[kind]) for kind in kinds]
    assessment = [r for r in requests if r[0] not in SIGN_IN_KINDS]
    if assessment:
        rows.append(_row("Assessment requests", assessment))
    rows.append(_row("All requests", requests))
    errors = Counter(f"{r[0]}: {r[4]}" for r in requests if r[4])
    return {"rows": rows, "errors": errors.most_common(10)}


def markdown(summary: dict, findings: Findings, *, heading: str) -> str:
    lines = [
        heading,
        "",
        "| Request | Count | Requests/s | p50 ms | p95 ms | p99 ms | Max ms | 5xx | Failed |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in summary["rows"]:
        name = row["request"]
        if name in {"Assessment requests", "All requests"}:
            name = f"**{name}**"
        lines.append(
            f"| {name} | {row['count']:,} | {row['rps']} | {row['p50_ms']} "
            f"| {row['p95_ms']} | {row['p99_ms']} | {row['max_ms']} "
            f"| {row['5xx']} | {row['failed']} |"
        )
    lines += [
        "",
        "Requests/s: over the span from the first such request to the end of the "
        f"last. Database check: {findings.attempts:,} attempts "
        f"answered ({findings.attempts_in_run:,} started in the run, "
        f"{findings.submitted:,} closed and marked, {findings.fully_answered:,} "
        f"with every question answered, {findings.marks_scored:,} marks scored; "
        f"{findings.results_read:,} results read with the score held); "
        f"{findings.autosaves_acknowledged:,} acknowledged autosaves; "
        f"{findings.answers_checked:,} saved answers compared with what was sent; "
        f"{len(findings.problems)} problems.",
    ]
    for error, count in summary["errors"]:
        lines.append(f"- {count} x {error}")
    for problem in findings.problems[:20]:
        lines.append(f"- {problem}")
    return "\n".join(lines) + "\n"
