from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail import hooks

from academy.models import AuditEvent
from tests.factories.trainers import DirectoryProfileFactory
from trainers import services
from trainers.models import MentorshipStatus

TODAY = timezone.localdate


def test_assign_trainer_records_supervision_and_audit(network):
    supervision = services.assign_trainer(
        trainer=network.trainer, trainee=network.trainee, assigned_by=network.lead
    )
    assert supervision.starts_on == TODAY()
    assert AuditEvent.objects.filter(action="trainers.supervision_started").exists()


@pytest.mark.parametrize(
    ("trainer", "assigned_by", "message"),
    [
        ("far_trainer", "lead", "organisation or region"),
        ("stranger", "lead", "trainer role"),
        ("trainer", "far_lead", "training lead"),
        ("trainer", "trainee", "training lead"),
        ("trainee", "lead", "own trainer"),
    ],
)
def test_assign_trainer_refuses(network, trainer, assigned_by, message):
    with pytest.raises(ValidationError, match=message):
        services.assign_trainer(
            trainer=getattr(network, trainer),
            trainee=network.trainee,
            assigned_by=getattr(network, assigned_by),
        )


def test_assign_trainer_refuses_duplicates_and_future_starts(network):
    n = network
    with pytest.raises(ValidationError, match="today or in the past"):
        services.assign_trainer(
            trainer=n.trainer,
            trainee=n.trainee,
            assigned_by=n.lead,
            starts_on=TODAY() + timedelta(days=1),
        )
    services.assign_trainer(trainer=n.trainer, trainee=n.trainee, assigned_by=n.lead)
    with pytest.raises(ValidationError, match="already supervises"):
        services.assign_trainer(
            trainer=n.trainer, trainee=n.trainee, assigned_by=n.lead
        )


def grant(network, **overrides):
    fields = {
        "person": network.trainer,
        "granted_by": network.lead,
        "areas": [network.aseptic],
        "band_from": 2,
        "band_to": 6,
        "starts_on": TODAY(),
        "expires_on": TODAY() + timedelta(days=365),
        "reason": "Completed the assessor course.",
    }
    return services.grant_accreditation(**{**fields, **overrides})


def test_grant_accreditation_by_lead_with_reason(network):
    accreditation = grant(network)
    assert list(accreditation.areas.all()) == [network.aseptic]
    event = AuditEvent.objects.get(action="trainers.accreditation_granted")
    assert event.details["reason"] == "Completed the assessor course."


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"reason": "  "}, "reason"),
        ({"areas": []}, "at least one"),
        ({"expires_on": TODAY()}, "after the start"),
        ({"band_from": 7, "band_to": 5}, "highest band"),
    ],
)
def test_grant_accreditation_refuses_incomplete_grants(network, overrides, message):
    with pytest.raises(ValidationError, match=message):
        grant(network, **overrides)


def test_grant_accreditation_refuses_other_organisations_and_oneself(network):
    with pytest.raises(ValidationError, match="training lead"):
        grant(network, granted_by=network.far_lead)
    with pytest.raises(ValidationError, match="training lead"):
        grant(network, person=network.lead)


def test_accreditation_prerequisites_come_from_one_hook(network):
    def needs_edu_01(person):
        return ["Needs a current EDU-01 competence."]

    with (
        hooks.register_temporarily("accreditation_prerequisites", needs_edu_01),
        pytest.raises(ValidationError, match="EDU-01"),
    ):
        grant(network)
    assert grant(network).pk


def test_mentorship_request_accept_notes_and_end(network):
    n = network
    DirectoryProfileFactory(person=n.mentor)
    mentorship = services.request_mentorship(
        mentee=n.trainee, mentor=n.mentor, message="Hi"
    )
    with pytest.raises(ValidationError, match="already have"):
        services.request_mentorship(mentee=n.trainee, mentor=n.mentor, message="Again")
    with pytest.raises(ValidationError, match="Only the mentor"):
        services.accept_mentorship(mentorship=mentorship, by=n.trainee)
    with pytest.raises(ValidationError, match="while the mentoring is active"):
        services.add_mentor_note(
            mentorship=mentorship, author=n.mentor, written_on=TODAY(), text="x"
        )
    services.accept_mentorship(mentorship=mentorship, by=n.mentor)
    assert mentorship.status == MentorshipStatus.ACTIVE
    with pytest.raises(ValidationError, match="already been answered"):
        services.decline_mentorship(mentorship=mentorship, by=n.mentor)
    note = services.add_mentor_note(
        mentorship=mentorship, author=n.mentor, written_on=TODAY(), text="Met today."
    )
    assert note.written_on == TODAY()
    with pytest.raises(ValidationError, match="Only the mentor keeps notes"):
        services.add_mentor_note(
            mentorship=mentorship, author=n.trainee, written_on=TODAY(), text="x"
        )
    with pytest.raises(ValidationError, match="mentor or the mentee"):
        services.end_mentorship(mentorship=mentorship, by=n.stranger)
    services.end_mentorship(mentorship=mentorship, by=n.mentor)
    assert mentorship.ended_on == TODAY()
    # A new request is possible once the old one has ended.
    assert services.request_mentorship(
        mentee=n.trainee, mentor=n.mentor, message="Again"
    )


def test_mentorship_only_with_people_offering_it(network):
    DirectoryProfileFactory(person=network.mentor, offers_mentoring=False)
    with pytest.raises(ValidationError, match="not offering"):
        services.request_mentorship(
            mentee=network.trainee, mentor=network.mentor, message="Hi"
        )
    with pytest.raises(ValidationError, match="yourself"):
        services.request_mentorship(
            mentee=network.mentor, mentor=network.mentor, message="Hi"
        )


def test_declined_request_gives_no_access(network):
    DirectoryProfileFactory(person=network.mentor)
    mentorship = services.request_mentorship(
        mentee=network.trainee, mentor=network.mentor, message="Hi"
    )
    services.decline_mentorship(mentorship=mentorship, by=network.mentor)
    assert mentorship.status == MentorshipStatus.DECLINED
