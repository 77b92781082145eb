"""Pages of process validation: the operator's own page, and the trainer's forms."""

import pytest
from django.urls import reverse

from academy.models import AuditEvent
from assessments.models import ProcessValidation, ValidationKind
from assessments.validations.services import record_validation
from passport.models import Competence, CompetenceStatus
from tests.conftest import PASSWORD
from tests.factories.validations import ago, broth

BROTH = ValidationKind.BROTH_TRANSFER


def record_url(n, kind=BROTH):
    return reverse("assessments:record_validation", args=[n.trainee.pk, kind])


def broth_post(days_ago=30, *, passed=True, password=PASSWORD, **change):
    data = {**broth(days_ago, passed=passed), **change}
    data["passed"] = "pass" if data["passed"] else "fail"
    data["password"] = password
    return {k: ("" if v is None else v) for k, v in data.items()}


def test_trainer_records_a_failed_broth_test_which_suspends_asp08(client, validators):
    n = validators
    for days in (160, 130, 100):
        record_validation(
            operator=n.trainee,
            kind=BROTH,
            recorded_by=n.trainer,
            result=broth(days),
            password=PASSWORD,
        )
    client.force_login(n.trainer)
    response = client.post(record_url(n), broth_post(passed=False))
    assert response.status_code == 302
    assert response.url == reverse("trainers:trainee_record", args=[n.trainee.pk])
    held = Competence.objects.get(holder=n.trainee, competency__code="ASP-08")
    assert held.status == CompetenceStatus.SUSPENDED
    page = client.get(response.url).content.decode()
    assert "Process validations" in page
    assert "Suspended" in page
    assert "broth transfer validation is suspended" in page


def test_record_form_offers_every_kind_to_the_assessor(client, validators):
    client.force_login(validators.trainer)
    for kind in ValidationKind.values:
        response = client.get(record_url(validators, kind))
        assert response.status_code == 200
        assert "Your password" in response.content.decode()


def test_record_form_is_404_for_anyone_who_may_not_assess(client, validators):
    n = validators
    for outsider in (n.neighbour_trainer, n.far_trainer, n.lead, n.trainee):
        client.force_login(outsider)
        assert client.get(record_url(n)).status_code == 404
        assert client.post(record_url(n), broth_post()).status_code == 404
    client.force_login(n.trainer)
    assert client.get(record_url(n, "sterility")).status_code == 404
    other = reverse("assessments:record_validation", args=[n.stranger.pk, BROTH])
    assert client.get(other).status_code == 404
    assert not ProcessValidation.objects.exists()


# The data are made when each test runs, not when the tests are collected: a run that
# crosses midnight would otherwise post "tomorrow" on the day it names.
@pytest.mark.parametrize(
    ("make_data", "message"),
    [
        (dict, "Enter the date of the test"),
        (
            lambda: broth_post(incubation_started_on=ago(20), read_on=ago(21)),
            "The read date must be on or after the incubation start date",
        ),
        (lambda: broth_post(performed_on=ago(-1)), "The date cannot be in the future"),
        (lambda: broth_post(read_on=ago(-2)), "The date cannot be in the future"),
        (
            lambda: broth_post(password="wrong"),
            "The password you entered is not correct.",
        ),
    ],
)
def test_bad_input_shows_a_clear_message_and_stores_nothing(
    client, validators, make_data, message
):
    client.force_login(validators.trainer)
    response = client.post(record_url(validators), make_data())
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "There is a problem" in page
    assert response.context["form"].errors
    assert not ProcessValidation.objects.exists()
    assert not AuditEvent.objects.filter(
        action="assessments.validation_result_recorded"
    ).exists()


def test_wrong_password_is_audited(client, validators):
    client.force_login(validators.trainer)
    client.post(record_url(validators), broth_post(password="wrong"))
    assert AuditEvent.objects.filter(action="academy.signature_rejected").count() == 1


def test_trainer_corrects_a_result_with_a_reason(client, validators):
    n = validators
    wrong = record_validation(
        operator=n.trainee,
        kind=BROTH,
        recorded_by=n.trainer,
        result=broth(30, passed=False),
        password=PASSWORD,
    )
    url = reverse("assessments:correct_validation", args=[wrong.pk])
    client.force_login(n.trainer)
    form_page = client.get(url)
    assert form_page.status_code == 200
    assert form_page.context["form"].initial["passed"] == "fail"
    assert "Give the reason" in client.post(url, broth_post()).content.decode()
    response = client.post(url, {**broth_post(), "correction_reason": "Misread."})
    assert response.status_code == 302
    fixed = ProcessValidation.objects.get(corrects=wrong)
    assert fixed.passed
    assert fixed.correction_reason == "Misread."
    assert client.get(url).status_code == 302
    client.force_login(n.neighbour_trainer)
    assert client.get(url).status_code == 404


def test_my_validations_shows_status_unsupervised_work_and_history(
    client, validators, django_assert_max_num_queries
):
    n = validators
    for days in (160, 130, 100, 60):
        record_validation(
            operator=n.trainee,
            kind=BROTH,
            recorded_by=n.trainer,
            result=broth(days),
            password=PASSWORD,
        )
    client.force_login(n.trainee)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("assessments:my_validations"))
    page = response.content.decode()
    assert "My validations" in page
    assert "Unsupervised aseptic work" in page
    assert "There is no current gowning qualification." in page
    assert "Qualified until" in page
    assert page.count("Universal operator broth transfer kit") == 4


def test_my_validations_without_results(client, trainee):
    client.force_login(trainee)
    page = client.get(reverse("assessments:my_validations")).content.decode()
    assert "No results have been recorded for you yet." in page


def test_admin_inspects_results_but_never_edits_them(client, validators, make_user):
    n = validators
    result = record_validation(
        operator=n.trainee,
        kind=BROTH,
        recorded_by=n.trainer,
        result=broth(30),
        password=PASSWORD,
    )
    client.force_login(make_user(is_superuser=True, is_staff=True))
    assert client.get(reverse("process_validations:index")).status_code == 200
    inspect = client.get(reverse("process_validations:inspect", args=[result.pk]))
    assert inspect.status_code == 200
    assert client.get(reverse("process_validations:add")).status_code in {302, 403}
    edit = reverse("process_validations:edit", args=[result.pk])
    assert client.get(edit).status_code in {302, 403}


def test_trainee_record_panel_queries_do_not_grow_with_results(
    client, validators, django_assert_max_num_queries
):
    n = validators
    url = reverse("trainers:trainee_record", args=[n.trainee.pk])
    client.force_login(n.trainer)

    def add_results(count):
        for _ in range(count):
            record_validation(
                operator=n.trainee,
                kind=BROTH,
                recorded_by=n.trainer,
                result=broth(30),
                password=PASSWORD,
            )

    add_results(2)
    client.get(url)  # fills per-process caches; the counts compare warm requests
    with django_assert_max_num_queries(60) as small:
        assert client.get(url).status_code == 200
    add_results(8)
    with django_assert_max_num_queries(60) as large:
        page = client.get(url).content.decode()
    assert len(large) == len(small)
    assert page.count("Correct<span") == 10


@pytest.mark.parametrize(
    ("kind", "data", "outcome"),
    [
        (
            ValidationKind.GOWNING,
            {"visual_passed": "pass", "left_glove_cfu": 0, "gown_cfu": 0},
            "pass",
        ),
        (
            ValidationKind.GOWNING,
            {"visual_passed": "pass", "left_glove_cfu": 2, "gown_cfu": 0},
            "fail",
        ),
        (ValidationKind.FINGER_DAB, {"left_glove_cfu": 0}, "within limit"),
        (ValidationKind.FINGER_DAB, {"left_glove_cfu": 4}, "excursion"),
    ],
)
def test_trainer_records_gowning_and_finger_dabs(
    client, validators, kind, data, outcome
):
    client.force_login(validators.trainer)
    post = {
        "performed_on": ago(10).isoformat(),
        "read_on": ago(5).isoformat(),
        "read_by": "Jo Wright",
        "right_glove_cfu": 0,
        "password": PASSWORD,
        **data,
    }
    response = client.post(record_url(validators, kind), post, follow=True)
    assert f"recorded for {validators.trainee.full_name}: {outcome}." in (
        response.content.decode()
    )
    assert ProcessValidation.objects.get().kind == kind


def test_trainer_dashboard_shows_unsupervised_work_in_fixed_queries(
    client, validators, django_assert_max_num_queries
):
    n = validators
    record_validation(
        operator=n.trainee,
        kind=BROTH,
        recorded_by=n.trainer,
        result=broth(30),
        password=PASSWORD,
    )
    client.force_login(n.trainer)
    url = reverse("trainers:trainer_dashboard")
    client.get(url)  # fills per-process caches; the counts compare warm requests
    with django_assert_max_num_queries(40) as small:
        page = client.get(url).content.decode()
    assert "Unsupervised aseptic work" in page
    assert "There is no current broth transfer validation." in page
    for days in (60, 90):
        record_validation(
            operator=n.trainee,
            kind=BROTH,
            recorded_by=n.trainer,
            result=broth(days),
            password=PASSWORD,
        )
    with django_assert_max_num_queries(40) as large:
        client.get(url)
    assert len(large) == len(small)


def test_guessing_the_signing_password_on_a_result_signs_the_trainer_out(
    client, validators
):
    """The fifth wrong password blocks signing and signs the trainer out; signed in
    again, the right password is refused on the form with the reason."""
    client.force_login(validators.trainer)
    for _ in range(4):
        client.post(record_url(validators), broth_post(password="guess"))

    fifth = client.post(record_url(validators), broth_post(password="guess"))

    assert fifth.status_code == 302
    assert fifth.url == reverse("sign_in")
    validators.trainer.refresh_from_db()
    client.force_login(validators.trainer)
    refused = client.post(record_url(validators), broth_post())
    assert "Signing is blocked for your account" in refused.content.decode()
    assert not ProcessValidation.objects.exists()
