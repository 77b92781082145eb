"""Scale step: marked knowledge assessment attempts, 20 a trainee."""

from datetime import timedelta

from django.utils import timezone

from assessments.models import Attempt, AttemptStatus, FeedbackPolicy

from .bulk import insert_rows
from .learning import trainee_windows
from .plan import ScalePlan

PASS_MARK = 80
QUESTIONS = 10


def create_attempts(plan: ScalePlan) -> int:
    """Submitted attempts at the modules each trainee has worked on, in rounds: the
    first attempt at a module falls short of the pass mark, later ones pass."""
    now = timezone.now()
    fields = (
        "trainee_id", "module_id", "number", "status", "snapshot", "responses",
        "pass_mark", "feedback_policy", "started_at", "deadline", "submitted_at",
        "score", "max_score", "percent", "passed",
    )  # fmt: skip

    def attempts():
        for position, trainee, window in trainee_windows(plan):
            modules = list(dict.fromkeys(module for _, module, _ in window))
            if not modules:
                continue
            for made in range(plan.attempts_per_trainee):
                number = made // len(modules) + 1
                score = 6 if number == 1 else 9
                started = now - timedelta(days=(position + made) % 365, hours=made)
                yield (
                    trainee, modules[made % len(modules)], number,
                    AttemptStatus.SUBMITTED, {"questions": []}, {}, PASS_MARK,
                    FeedbackPolicy.AFTER_EACH_ATTEMPT, started,
                    started + timedelta(minutes=30), started + timedelta(minutes=12),
                    score, QUESTIONS, 100 * score / QUESTIONS,
                    score * 10 >= PASS_MARK,
                )  # fmt: skip

    return insert_rows(Attempt, fields=fields, rows=attempts())
