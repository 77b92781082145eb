"""Demo competences are dated by their evidence: none is achieved before the last of
its requirements was met. On the demo, the trainee's finger-dab sessions were recorded
weeks ago; passing ASP-09's knowledge assessment today achieves ASP-09 today."""

import datetime
import random

from django.utils import timezone

from academy.models import Competency, User
from assessments.knowledge.services import start_attempt, submit_attempt
from assessments.models import KnowledgeRequirementMet, ProcessValidation
from courses.models import LessonPage, ModulePage
from courses.services import complete_lesson
from demo.assessments import correct_responses
from passport.models import Competence


def evidence_dates(competence: Competence) -> list[datetime.date]:
    """The days the requirements behind a competence were met, from its evidence."""
    evidence = competence.evidence or {}
    met_on = []
    if "knowledge" in evidence:
        met = KnowledgeRequirementMet.objects.filter(
            attempt_id=evidence["knowledge"]["attempt_id"]
        ).first()
        if met is not None:
            met_on.append(timezone.localdate(met.met_at))
    if "process_validation" in evidence:
        met_on.extend(
            ProcessValidation.objects.get(pk=pk).performed_on
            for pk in evidence["process_validation"]["validation_ids"]
        )
    return met_on


def test_passing_the_last_requirement_today_achieves_the_competence_today(demo_data):
    priya = User.objects.get(email="trainee@academy.example")
    competency = Competency.objects.get(code="ASP-09", live=True)
    module = ModulePage.objects.live().get(covered_competencies__competency=competency)
    for lesson in LessonPage.objects.live().child_of(module):
        complete_lesson(priya, lesson=lesson)
    attempt = start_attempt(priya, module=module, rng=random.Random(9))
    submit_attempt(attempt, responses=correct_responses(attempt))

    competence = Competence.objects.get(holder=priya, competency=competency)
    assert competence.achieved_on == timezone.localdate()
    assert max(evidence_dates(competence)) == timezone.localdate()
    for held in Competence.objects.all():
        dates = evidence_dates(held)
        if dates:
            assert held.achieved_on >= max(dates), held
