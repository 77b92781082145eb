"""Each event tells the right person once, in the centre and by one e-mail, with a
link to the page where they act."""

import datetime
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from assessments.models import CriterionResult, Outcome
from assessments.validations.services import record_validation
from assessments.workplace.evidence import add_evidence
from assessments.workplace.services.countersign import countersign_assessment
from assessments.workplace.services.request import (
    request_sign_off,
    start_workplace_assessment,
)
from assessments.workplace.services.sign_off import sign_off_assessment
from courses.services import remind_moderators_of_due_reviews
from notifications.kinds import Kind
from notifications.models import Notification
from passport.competences.revalidation import (
    expire_competences,
    mark_expiring_competences,
)
from passport.competences.services import (
    award_competence,
    revoke_competence,
    suspend_competence,
)
from passport.models import TrainingPlanItem
from passport.plans.services import (
    assign_training_plan,
    notify_overdue_plan_items,
    notify_plan_items_due_soon,
)
from passport.tasks import send_due_soon_plan_notices
from tests.conftest import PASSWORD
from tests.factories.academy import CompetencyFactory
from tests.factories.courses import make_area_page, make_catalogue, make_module
from tests.factories.passport import TrainingPlanItemFactory
from tests.factories.trainers import AccreditationFactory, DirectoryProfileFactory
from tests.factories.validations import broth
from tests.factories.workplace import pdf_upload
from tests.notifications.conftest import outbox_to
from trainers.services import accept_mentorship, assign_trainer, request_mentorship

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def told(person, kind) -> Notification:
    """The one notification of this kind the person has, and its one e-mail."""
    [notification] = Notification.objects.filter(recipient=person, kind=kind)
    assert [m.subject for m in outbox_to(person)].count(notification.title) == 1
    return notification


def requested(w):
    assessment = start_workplace_assessment(trainee=w.trainee, competency=w.competency)
    add_evidence(assessment=assessment, uploaded_by=w.trainee, upload=pdf_upload())
    return request_sign_off(
        assessment=assessment, assessor=w.trainer, reflection="I did it carefully."
    )


def sign(assessment, assessor, outcome=Outcome.COMPETENT, action_plan=""):
    return sign_off_assessment(
        assessment=assessment,
        assessor=assessor,
        results={
            c.position: (CriterionResult.MET, "Seen.")
            for c in assessment.criteria.all()
        },
        outcome=outcome,
        action_plan=action_plan,
        password=PASSWORD,
    )


def test_a_sign_off_request_tells_the_assessor(workplace, sent):
    assessment = sent(requested, workplace)

    notification = told(workplace.trainer, Kind.SIGN_OFF_REQUESTED)
    assert workplace.trainee.full_name in notification.title
    assert notification.link == reverse(
        "assessments:workplace_sign", args=[assessment.pk]
    )
    assert not Notification.objects.filter(recipient=workplace.trainee).exists()


def test_a_competent_sign_off_tells_the_trainee_and_awards(workplace, sent):
    assessment = requested(workplace)
    sent(sign, assessment, workplace.trainer)

    signed = told(workplace.trainee, Kind.SIGN_OFF_SIGNED)
    assert signed.link == reverse(
        "assessments:workplace_assessment", args=[assessment.pk]
    )
    awarded = told(workplace.trainee, Kind.COMPETENCE_AWARDED)
    assert awarded.link == reverse("passport:passport")
    assert "certificate is ready" in awarded.title
    assert "Certificate TSA-" in awarded.body
    assert len(outbox_to(workplace.trainee)) == 2


def test_not_yet_competent_returns_it_to_the_trainee_with_the_action_plan(
    workplace, sent
):
    assessment = requested(workplace)
    sent(
        sign,
        assessment,
        workplace.trainer,
        outcome=Outcome.NOT_YET_COMPETENT,
        action_plan="Practise the aseptic non-touch technique.",
    )

    returned = told(workplace.trainee, Kind.SIGN_OFF_RETURNED)
    assert "Not yet competent" in returned.title
    assert "Practise the aseptic non-touch technique." in returned.body
    assert (
        "Practise the aseptic non-touch technique."
        in outbox_to(workplace.trainee)[0].body
    )
    assert not Notification.objects.filter(kind=Kind.COMPETENCE_AWARDED).exists()


def test_a_competent_outcome_needing_countersignature_tells_the_countersigners(
    workplace, make_user, sent
):
    type(workplace.template).objects.filter(pk=workplace.template.pk).update(
        countersign_required=True
    )
    second = make_user("Trainer", organisation=workplace.organisation)
    AccreditationFactory(person=second, areas=[workplace.competency.area])
    elsewhere = make_user("Trainer")  # accredited, but of another organisation
    AccreditationFactory(person=elsewhere, areas=[workplace.competency.area])
    assessment = requested(workplace)

    signed = sent(sign, assessment, workplace.trainer)

    needed = told(second, Kind.COUNTERSIGN_NEEDED)
    assert needed.link == reverse(
        "assessments:workplace_countersign", args=[assessment.pk]
    )
    assert not Notification.objects.filter(
        kind=Kind.COUNTERSIGN_NEEDED, recipient__in=[workplace.trainer, elsewhere]
    ).exists()
    assert "countersigns" in told(workplace.trainee, Kind.SIGN_OFF_SIGNED).body

    sent(
        countersign_assessment,
        assessment=signed,
        countersigner=second,
        password=PASSWORD,
    )
    assert (
        Notification.objects.filter(
            recipient=workplace.trainee, kind=Kind.SIGN_OFF_SIGNED
        ).count()
        == 2
    )
    told(workplace.trainee, Kind.COMPETENCE_AWARDED)


def test_a_failed_validation_tells_the_operator(validators, sent):
    sent(
        record_validation,
        operator=validators.trainee,
        kind="broth_transfer",
        recorded_by=validators.trainer,
        result=broth(20, passed=False),
        password=PASSWORD,
    )

    failed = told(validators.trainee, Kind.VALIDATION_FAILED)
    assert "did not pass" in failed.title
    assert failed.link == reverse("assessments:my_validations")


@pytest.fixture
def held(network):
    assign_trainer(
        trainer=network.trainer, trainee=network.trainee, assigned_by=network.lead
    )
    competency = CompetencyFactory(revalidation_kind="every", revalidation_months=12)
    return award_competence(
        holder=network.trainee,
        competency=competency,
        achieved_on=TODAY(),
        evidence={},
        awarded_by=None,
    ).competence


def test_an_award_tells_the_holder_their_certificate_is_ready(network, sent):
    event = sent(
        award_competence,
        holder=network.trainee,
        competency=network.competency,
        achieved_on=TODAY(),
        evidence={},
        awarded_by=None,
    )

    awarded = told(network.trainee, Kind.COMPETENCE_AWARDED)
    assert event.certificate.number in awarded.body
    assert network.competency.code in awarded.title


@pytest.mark.parametrize(
    ("change", "kind"),
    [
        (suspend_competence, Kind.COMPETENCE_SUSPENDED),
        (revoke_competence, Kind.COMPETENCE_REVOKED),
    ],
)
def test_a_suspension_or_revocation_tells_holder_and_trainers(
    held, network, make_user, sent, change, kind
):
    moderator = make_user("TSET moderator")
    sent(
        change,
        competence=held,
        signed_by=moderator,
        role="TSET moderator",
        reason="Inspection finding 12.",
        password=PASSWORD,
    )

    holder = told(network.trainee, kind)
    assert holder.body == "Reason: Inspection finding 12."
    assert holder.link == reverse("passport:passport")
    trainer = told(network.trainer, kind)
    assert trainer.link == reverse("trainers:trainee_record", args=[network.trainee.pk])
    assert not Notification.objects.filter(recipient=moderator).exists()


def test_expiry_warnings_at_each_threshold_and_the_expiry_tell_holder_and_trainer(
    held, network, sent
):
    for days in (60, 30, 7, 7):
        sent(mark_expiring_competences, today=held.expires_on - timedelta(days=days))
    sent(expire_competences, today=held.expires_on + timedelta(days=1))

    for person in (network.trainee, network.trainer):
        assert (
            Notification.objects.filter(
                recipient=person, kind=Kind.COMPETENCE_EXPIRING
            ).count()
            == 3
        )
        told(person, Kind.COMPETENCE_EXPIRED)
    assert len(outbox_to(network.trainee)) == 4


def test_an_assigned_plan_tells_the_trainee(network, sent):
    CompetencyFactory(area=network.aseptic, code="ASP-90", band_from=3, band_to=3)
    sent(
        assign_training_plan,
        trainee=network.trainee,
        assigned_by=network.lead,
        due_on=TODAY() + timedelta(days=90),
        area=network.aseptic,
        band=3,
    )

    assigned = told(network.trainee, Kind.PLAN_ITEM_ASSIGNED)
    assert network.lead.full_name in assigned.title
    assert "ASP-90" in assigned.body
    assert assigned.link == reverse("passport:my_plan")


def test_an_item_due_within_a_week_is_notified_once_per_due_date(network, sent):
    item = TrainingPlanItemFactory(
        plan__trainee=network.trainee, due_on=TODAY() + timedelta(days=3)
    )
    TrainingPlanItemFactory(
        plan=item.plan, due_on=TODAY() + timedelta(days=20)
    )  # not yet
    TrainingPlanItemFactory(
        plan=item.plan, due_on=TODAY() + timedelta(days=2), completed_at=timezone.now()
    )

    assert sent(lambda: send_due_soon_plan_notices.delay().get()) == 1
    assert sent(notify_plan_items_due_soon) == 0
    due = told(network.trainee, Kind.PLAN_ITEM_DUE_SOON)
    assert "is due in 3 days" in due.title

    TrainingPlanItem.objects.filter(pk=item.pk).update(
        due_on=TODAY() + timedelta(days=5)
    )
    assert notify_plan_items_due_soon() == 1


def test_overdue_items_tell_trainee_and_trainer_with_their_links(network, sent):
    assign_trainer(
        trainer=network.trainer, trainee=network.trainee, assigned_by=network.lead
    )
    TrainingPlanItemFactory(
        plan__trainee=network.trainee, due_on=TODAY() - timedelta(days=1)
    )

    assert sent(notify_overdue_plan_items) == 1

    assert told(network.trainee, Kind.PLAN_ITEM_OVERDUE).link == reverse(
        "passport:my_plan"
    )
    assert told(network.trainer, Kind.PLAN_ITEM_OVERDUE).link == reverse(
        "trainers:trainee_record", args=[network.trainee.pk]
    )


def test_mentoring_request_tells_the_mentor_and_acceptance_the_mentee(network, sent):
    DirectoryProfileFactory(person=network.mentor)
    mentorship = sent(
        request_mentorship,
        mentee=network.trainee,
        mentor=network.mentor,
        message="Help with radiopharmacy.",
    )
    request = told(network.mentor, Kind.MENTORING_REQUESTED)
    assert request.body == "Help with radiopharmacy."
    assert request.link == reverse("trainers:mentorship", args=[mentorship.pk])

    sent(accept_mentorship, mentorship=mentorship, by=network.mentor)
    accepted = told(network.trainee, Kind.MENTORING_ACCEPTED)
    assert network.mentor.full_name in accepted.title


def test_content_review_due_tells_each_moderator_and_the_owner_separately(
    site_root, make_user, sent
):
    moderators = [make_user("TSET moderator") for _ in range(2)]
    owner = make_user("TSET editor")
    module = make_module(
        make_area_page(make_catalogue(site_root)),
        lessons=0,
        next_review_date=TODAY() + datetime.timedelta(days=10),
    )
    type(module).objects.filter(pk=module.pk).update(content_owner=owner)

    assert sent(remind_moderators_of_due_reviews) == 1
    assert sent(remind_moderators_of_due_reviews) == 0

    for person in [*moderators, owner]:
        notification = told(person, Kind.CONTENT_REVIEW_DUE)
        assert notification.link == reverse("wagtailadmin_pages:edit", args=[module.pk])
    assert len(mail.outbox) == 3
    assert all(len(message.to) == 1 for message in mail.outbox)


def test_an_inactive_account_is_told_nothing(network, sent):
    network.mentor.is_active = False
    network.mentor.save()
    DirectoryProfileFactory(person=network.mentor)
    sent(
        request_mentorship,
        mentee=network.trainee,
        mentor=network.mentor,
        message="Help.",
    )
    assert not Notification.objects.exists()
    assert not mail.outbox
