"""What assessment adds to a trainee's record (the trainer's, mentor's and training
lead's view of a trainee) through `trainee_record_panels`: the trainee's knowledge
assessment results and their workplace assessments, each a link to the record."""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from wagtail.admin.ui.components import Component

from academy.models import User
from assessments.models import Attempt
from assessments.workplace.queries import my_workplace_assessments

# The record shows this many workplace assessments, newest first, and says how many
# more there are.
WORKPLACE_SHOWN = 20


@dataclass(frozen=True)
class KnowledgeResult:
    """A trainee's standing on one module's knowledge assessment: the latest marked
    attempt, whether any attempt passed, and how many were marked."""

    module_title: str
    attempts: int
    passed: bool
    latest_percent: Decimal | None
    latest_passed: bool
    latest_at: datetime


def knowledge_results_of(trainee: User) -> list[KnowledgeResult]:
    """Each module whose knowledge assessment the trainee has submitted, by module
    title, with their latest result; one query, and no questions or answers read."""
    by_module: dict[int, list[Attempt]] = {}
    for attempt in (
        Attempt.objects.filter(trainee=trainee, submitted_at__isnull=False)
        .select_related("module")
        .only(
            "module__title",
            "number",
            "percent",
            "passed",
            "submitted_at",
            "module_id",
            "trainee_id",
        )
        .order_by("module__title", "module_id", "-number")
    ):
        by_module.setdefault(attempt.module_id, []).append(attempt)
    results = []
    for attempts in by_module.values():
        latest = attempts[0]
        results.append(
            KnowledgeResult(
                module_title=latest.module.title,
                attempts=len(attempts),
                passed=any(attempt.passed for attempt in attempts),
                latest_percent=latest.percent,
                latest_passed=bool(latest.passed),
                latest_at=latest.submitted_at,
            )
        )
    return results


class KnowledgeResultsPanel(Component):
    order = 30
    template_name = "assessments/panels/trainee_knowledge.html"

    def __init__(self, trainee: User):
        self.trainee = trainee

    def get_context_data(self, parent_context=None):
        return {
            "trainee": self.trainee,
            "results": knowledge_results_of(self.trainee),
        }


class WorkplaceAssessmentsPanel(Component):
    order = 40
    template_name = "assessments/panels/trainee_workplace.html"

    def __init__(self, trainee: User):
        self.trainee = trainee

    def get_context_data(self, parent_context=None):
        assessments = my_workplace_assessments(self.trainee).order_by(
            "-created_at", "-id"
        )
        shown = list(assessments[:WORKPLACE_SHOWN])
        total = len(shown) if len(shown) < WORKPLACE_SHOWN else assessments.count()
        return {
            "trainee": self.trainee,
            "assessments": shown,
            "more": total - len(shown),
        }
