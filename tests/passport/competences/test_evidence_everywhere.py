"""Evidence in plain words on every surface: the passport page and its PDF, a shared
passport and the certificate PDF say what a competence rests on in sentences, from
the real records behind it, with no database ids, stored kinds or revisions."""

import io
import random
import re
from datetime import timedelta

import pypdfium2
import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.knowledge.services import start_attempt, submit_attempt
from assessments.models import ValidationKind
from assessments.validations.services import record_validation
from assessments.workplace.evidence import add_evidence
from assessments.workplace.services.request import (
    request_sign_off,
    start_workplace_assessment,
)
from assessments.workplace.services.sign_off import sign_off_assessment
from passport.certificates.services import certificate_path, render_certificate_pdf
from passport.competences.evidence import day, days
from passport.competences.queries import evidence_records
from passport.models import Competence
from tests.assessments.conftest import (  # noqa: F401 - fixtures
    assessment_settings,
    bank,
    competency,
    module,
    ready_trainee,
    right_answers,
    workplace,
)
from tests.conftest import PASSWORD
from tests.factories.validations import broth, validators  # noqa: F401 - fixture
from tests.factories.workplace import pdf_upload

pytestmark = pytest.mark.django_db

# What system text looked like: "attempt 3", "signature 3", "module revision 52",
# "Validation ids: 1, 2, 3", "broth_transfer".
SYSTEM_TEXT = re.compile(
    r"\b(attempt|signature|revision|assessment|validation)s?:? \d"
    r"|\bids?\b|broth_transfer|[a-z]_[a-z]",
    re.IGNORECASE,
)


@pytest.fixture(autouse=True)
def private_storage(settings, tmp_path):
    settings.PRIVATE_STORAGE_ROOT = tmp_path / "private"


def _knowledge(request):
    knowledge_only = request.getfixturevalue("competency")
    knowledge_only.requires_workplace_assessment = False
    knowledge_only.requires_process_validation = False
    knowledge_only.save()
    trainee = request.getfixturevalue("ready_trainee")
    request.getfixturevalue("assessment_settings")
    attempt = start_attempt(
        trainee, module=request.getfixturevalue("module"), rng=random.Random(4)
    )
    submit_attempt(attempt, responses=right_answers(attempt))
    today = day(timezone.localdate())
    return trainee, f"Knowledge assessment passed on {today} (score 100%)"


def _workplace(request):
    w = request.getfixturevalue("workplace")
    assessment = start_workplace_assessment(trainee=w.trainee, competency=w.competency)
    add_evidence(assessment=assessment, uploaded_by=w.trainee, upload=pdf_upload())
    request_sign_off(assessment=assessment, assessor=w.trainer, reflection="Done.")
    sign_off_assessment(
        assessment=assessment,
        assessor=w.trainer,
        results={c.position: ("met", "Seen.") for c in assessment.criteria.all()},
        outcome="competent",
        action_plan="",
        password=PASSWORD,
    )
    today = day(timezone.localdate())
    return w.trainee, (
        f"Workplace assessment signed by {w.trainer.full_name} on {today}"
    )


def _broth_transfer(request):
    n = request.getfixturevalue("validators")
    for days_ago in (160, 130, 100):
        record_validation(
            operator=n.trainee,
            kind=ValidationKind.BROTH_TRANSFER,
            recorded_by=n.trainer,
            result=broth(days_ago),
            password=PASSWORD,
        )
    today = timezone.localdate()
    span = days(today - timedelta(days=160), today - timedelta(days=100))
    return n.trainee, f"Broth transfer: 3 consecutive passes, {span}, read by Jo Wright"


HOLDERS = {
    "knowledge": _knowledge,
    "workplace": _workplace,
    "broth-transfer": _broth_transfer,
}


@pytest.fixture(params=HOLDERS)
def holder_and_sentence(request):
    return HOLDERS[request.param](request)


def _pdf_text(content: bytes) -> str:
    document = pypdfium2.PdfDocument(io.BytesIO(content))
    text = " ".join(page.get_textpage().get_text_range() for page in document)
    document.close()
    return " ".join(text.split())  # a table cell may wrap its words


def _page_text(html: str) -> str:
    main = html[html.index("<main") : html.index("</main>")]
    text = re.sub(r"<[^>]+>", " ", main)
    return " ".join(text.replace("&#x27;", "'").split())


def test_the_evidence_behind_an_award_reads_in_a_sentence_on_every_surface(
    client, holder_and_sentence
):
    """The holder's own surfaces and the certificate say what the award rests on;
    a share link shows status and dates only, as the sharing page promises."""
    holder, sentence = holder_and_sentence
    competence = Competence.objects.get(holder=holder)
    assert competence.evidence  # the award stored ids; the surfaces show words
    client.force_login(holder)

    passport = _page_text(client.get(reverse("passport:passport")).content.decode())
    passport_pdf = _pdf_text(client.get(reverse("passport:download")).content)
    created = client.post(
        reverse("passport:sharing"),
        {"expires_on": (timezone.localdate() + timedelta(days=30)).isoformat()},
    )
    token = re.search(r"/passport/shared/([\w-]+)/", created.content.decode())[1]
    client.logout()
    shared = _page_text(
        client.get(reverse("passport:shared_passport", args=[token])).content.decode()
    )
    certificate = render_certificate_pdf(
        certificate_id=competence.events.get().certificate.pk
    )
    certificate_pdf = _pdf_text(certificate_path(certificate).read_bytes())

    for surface, text in {
        "passport page": passport,
        "passport PDF": passport_pdf,
        "certificate PDF": certificate_pdf,
    }.items():
        assert sentence in text, surface
        assert not SYSTEM_TEXT.search(text), (surface, SYSTEM_TEXT.search(text))
    assert competence.competency.code in shared
    assert sentence not in shared
    assert not SYSTEM_TEXT.search(shared), SYSTEM_TEXT.search(shared)


def test_the_records_behind_many_competences_are_read_in_a_fixed_number_of_queries(
    request, django_assert_max_num_queries
):
    holders = [build(request)[0] for build in HOLDERS.values()]
    evidences = list(
        Competence.objects.filter(holder__in=holders).values_list("evidence", flat=True)
    )
    assert len(evidences) == 3
    # The signatures here, then the attempts and the validation results through
    # the hook.
    with django_assert_max_num_queries(3):
        records = evidence_records(evidences)
    assert len(records.attempts) == len(records.signatures) == 1
    assert len(records.validations) == 3
