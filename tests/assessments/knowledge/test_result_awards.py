"""The result of a pass names any competence it awarded and links to its certificate;
otherwise it says plainly what the pass counts towards, and what is still needed."""

import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.knowledge.queries import what_the_pass_counts_towards
from assessments.knowledge.services import start_attempt, submit_attempt
from courses.models import ModuleCompetency
from passport.models import Certificate, Competence
from tests.assessments.conftest import right_answers
from tests.factories.academy import CompetencyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, ready_trainee):
    client.force_login(ready_trainee)
    return client


def _pass(trainee, module):
    attempt = start_attempt(trainee, module=module, rng=random.Random(4))
    return submit_attempt(attempt, responses=right_answers(attempt))


def _knowledge_only(competency):
    competency.requires_knowledge = True
    competency.requires_workplace_assessment = False
    competency.requires_process_validation = False
    competency.save()
    return competency


def test_a_pass_that_awards_names_the_competence_and_links_its_certificate(
    signed_in, ready_trainee, module, competency, assessment_settings
):
    _knowledge_only(competency)
    attempt = _pass(ready_trainee, module)
    certificate = Certificate.objects.get(event__competence__holder=ready_trainee)

    body = signed_in.get(reverse("assessments:result", args=[attempt.pk])).text

    assert "Competence awarded" in body
    assert f"{competency.code} {competency.title}" in body
    download = reverse("passport:download_certificate", args=[certificate.number])
    assert f'href="{download}"' in body
    assert "What your pass counts towards" not in body
    assert "counts towards the knowledge requirement" not in body
    # The link is the trainee's own certificate, as a PDF.
    pdf = signed_in.get(download)
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"


def test_a_pass_that_awards_nothing_says_what_it_counts_towards(
    signed_in, ready_trainee, module, competency, assessment_settings
):
    competency.requires_knowledge = True
    competency.requires_workplace_assessment = True
    competency.requires_process_validation = True
    competency.save()
    attempt = _pass(ready_trainee, module)
    assert not Competence.objects.filter(holder=ready_trainee).exists()

    body = signed_in.get(reverse("assessments:result", args=[attempt.pk])).text

    assert "Competence awarded" not in body
    assert "What your pass counts towards" in body
    assert (
        "Your pass meets the knowledge requirement of "
        f"<strong>{competency.code} {competency.title}</strong>. To be awarded it, "
        "you also need a workplace assessment signed off as competent and a passed "
        "process validation."
    ) in body
    assert "download" not in body.lower()


def test_a_pass_of_a_module_without_competencies_says_it_awards_nothing(
    signed_in, ready_trainee, module, assessment_settings
):
    ModuleCompetency.objects.filter(module=module).delete()
    attempt = _pass(ready_trainee, module)
    body = signed_in.get(reverse("assessments:result", args=[attempt.pk])).text
    assert "the pass awards no competence by itself" in body


def test_a_pass_counts_towards_no_competency_that_needs_no_knowledge_assessment(
    signed_in, ready_trainee, module, competency, assessment_settings
):
    competency.requires_knowledge = False
    competency.save()
    attempt = _pass(ready_trainee, module)
    assert what_the_pass_counts_towards(attempt) == []
    body = signed_in.get(reverse("assessments:result", args=[attempt.pk])).text
    assert "What your pass counts towards" not in body
    assert "the pass awards no competence by itself" in body


def test_a_fail_names_no_award(
    signed_in, ready_trainee, module, competency, assessment_settings
):
    _knowledge_only(competency)
    attempt = submit_attempt(start_attempt(ready_trainee, module=module), responses={})
    assert what_the_pass_counts_towards(attempt) == []
    body = signed_in.get(reverse("assessments:result", args=[attempt.pk])).text
    assert "Competence awarded" not in body
    assert "What your pass counts towards" not in body


def test_an_award_from_other_evidence_is_not_credited_to_the_pass(
    ready_trainee, module, competency, assessment_settings
):
    """A certificate the trainee already held, awarded on other evidence, is not the
    certificate of this pass."""
    from passport.competences.services import award_competence

    competency.requires_knowledge = True
    competency.requires_workplace_assessment = True
    competency.save()
    award_competence(
        holder=ready_trainee,
        competency=competency,
        achieved_on=ready_trainee.date_joined.date(),
        evidence={"recorded_as": "Earlier award"},
        awarded_by=None,
    )
    attempt = _pass(ready_trainee, module)
    (line,) = what_the_pass_counts_towards(attempt)
    assert line.competency == competency
    assert line.certificate is None
    assert line.still_needed == ["a workplace assessment signed off as competent"]


def test_the_result_of_a_pass_does_not_grow_with_competences_awarded(
    signed_in, ready_trainee, site_root, module, competency, assessment_settings
):
    _knowledge_only(competency)
    for _ in range(4):
        ModuleCompetency.objects.create(
            module=module,
            competency=CompetencyFactory(
                requires_knowledge=True, requires_workplace_assessment=False
            ),
        )
    attempt = _pass(ready_trainee, module)
    assert Certificate.objects.filter(event__competence__holder=ready_trainee).count()
    url = reverse("assessments:result", args=[attempt.pk])
    signed_in.get(url)
    with CaptureQueriesContext(connection) as five:
        body = signed_in.get(url).text
    assert body.count("Download your certificate") == 5

    other_module_result = _single_award_result(signed_in, ready_trainee, site_root)
    with CaptureQueriesContext(connection) as one:
        signed_in.get(other_module_result)
    assert len(five) == len(one)


def _single_award_result(client, trainee, site_root) -> str:
    """The result page of a pass of another module that awards one competence."""
    from courses.models import LessonPage
    from courses.services import complete_lesson
    from tests.factories.assessments import make_bank, make_settings
    from tests.factories.courses import make_area_page, make_catalogue, make_module

    competency = CompetencyFactory(
        requires_knowledge=True, requires_workplace_assessment=False
    )
    area_page = make_area_page(make_catalogue(site_root))
    module = make_module(area_page, lessons=1, competencies=[competency])
    make_bank(module, competency=competency)
    make_settings(module)
    for lesson in LessonPage.objects.live().child_of(module):
        complete_lesson(trainee, lesson=lesson)
    url = reverse("assessments:result", args=[_pass(trainee, module).pk])
    client.get(url)
    return url
