"""The permission matrix: every rule of who may see, plan, assign, accredit and assess,
including revocation when relationships end and expiry of accreditation."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from guardian.models import GroupObjectPermission, UserObjectPermission

from tests.factories.academy import CompetencyFactory, SpecialistAreaFactory
from tests.factories.trainers import AccreditationFactory, DirectoryProfileFactory
from trainers import services
from trainers.models import TraineeRecord, TraineeRecordUserPermission
from trainers.permissions import (
    can_assess,
    can_assign_trainer,
    can_grant_accreditation,
    can_manage_organisation,
    can_plan_training,
    can_view_trainee_record,
    mentees_of,
    organisations_led_by,
    trainees_for_trainer,
    trainers_of,
)

TODAY = timezone.localdate


def supervise(network, trainer=None):
    return services.assign_trainer(
        trainer=trainer or network.trainer,
        trainee=network.trainee,
        assigned_by=network.lead,
    )


def mentor(network):
    DirectoryProfileFactory(person=network.mentor)
    mentorship = services.request_mentorship(
        mentee=network.trainee, mentor=network.mentor, message="Help, please."
    )
    return mentorship


def test_record_visibility_matrix(network):
    n = network
    assert can_view_trainee_record(n.trainee, n.trainee)
    assert can_view_trainee_record(n.lead, n.trainee)
    for outsider in (
        n.trainer,
        n.neighbour_trainer,
        n.far_trainer,
        n.far_lead,
        n.mentor,
        n.stranger,
    ):
        assert not can_view_trainee_record(outsider, n.trainee), outsider
    assert not can_view_trainee_record(AnonymousUser(), n.trainee)


def test_supervision_grants_and_ending_revokes_at_once(network):
    n = network
    supervision = supervise(n)
    assert can_view_trainee_record(n.trainer, n.trainee)
    assert can_plan_training(n.trainer, n.trainee)
    assert list(trainees_for_trainer(n.trainer)) == [n.trainee]
    assert list(trainers_of(n.trainee)) == [n.trainer]
    services.end_supervision(supervision=supervision, ended_by=n.lead)
    assert not can_view_trainee_record(n.trainer, n.trainee)
    assert not can_plan_training(n.trainer, n.trainee)
    assert list(trainees_for_trainer(n.trainer)) == []
    assert not TraineeRecordUserPermission.objects.filter(user=n.trainer).exists()


def test_neighbouring_organisation_trainer_may_supervise(network):
    supervise(network, trainer=network.neighbour_trainer)
    assert can_view_trainee_record(network.neighbour_trainer, network.trainee)


def test_mentor_sees_record_only_while_active_and_never_plans(network):
    n = network
    mentorship = mentor(n)
    assert not can_view_trainee_record(n.mentor, n.trainee)  # only requested
    services.accept_mentorship(mentorship=mentorship, by=n.mentor)
    assert can_view_trainee_record(n.mentor, n.trainee)
    assert not can_plan_training(n.mentor, n.trainee)
    assert list(mentees_of(n.mentor)) == [n.trainee]
    services.end_mentorship(mentorship=mentorship, by=n.trainee)
    assert not can_view_trainee_record(n.mentor, n.trainee)
    assert list(mentees_of(n.mentor)) == []


def test_ending_mentorship_keeps_access_the_same_person_has_as_trainer(network):
    n = network
    DirectoryProfileFactory(person=n.trainer)
    supervise(n)
    mentorship = services.request_mentorship(
        mentee=n.trainee, mentor=n.trainer, message="x"
    )
    services.accept_mentorship(mentorship=mentorship, by=n.trainer)
    services.end_mentorship(mentorship=mentorship, by=n.trainer)
    assert can_view_trainee_record(n.trainer, n.trainee)
    assert can_plan_training(n.trainer, n.trainee)


def test_lead_manages_own_organisation_only_and_loses_it_when_role_ends(network):
    n = network
    assert can_manage_organisation(n.lead, n.home)
    assert not can_manage_organisation(n.lead, n.neighbour)
    assert not can_manage_organisation(n.far_lead, n.home)
    assert not can_manage_organisation(n.trainee, n.home)
    assert list(organisations_led_by(n.lead)) == [n.home]
    assert can_assign_trainer(n.lead, n.trainee)
    assert not can_assign_trainer(n.far_lead, n.trainee)
    assert can_grant_accreditation(n.lead, n.trainer)
    assert not can_grant_accreditation(n.far_lead, n.trainer)
    role = n.lead.lead_roles.get()
    services.end_training_lead_role(role=role, ended_by=n.lead)
    assert not can_manage_organisation(n.lead, n.home)
    assert not can_view_trainee_record(n.lead, n.trainee)
    assert not n.lead.groups.filter(name="Training lead").exists()


def test_nobody_assigns_themselves_a_trainer_accreditation_or_plan(network):
    n = network
    assert not can_assign_trainer(n.lead, n.lead)
    assert not can_grant_accreditation(n.lead, n.lead)
    assert not can_plan_training(n.lead, n.lead)
    assert not can_assign_trainer(n.trainee, n.trainee)
    assert not can_plan_training(n.trainee, n.trainee)


@pytest.fixture
def assessor(network):
    supervise(network)
    return AccreditationFactory(person=network.trainer, areas=[network.aseptic])


def test_can_assess_needs_supervision_current_accreditation_and_cover(
    network, assessor
):
    n = network
    assert can_assess(n.trainer, n.trainee, n.competency)
    other_area = CompetencyFactory(
        code="QC-90", area=SpecialistAreaFactory(code="QC", name="QC", slug="qc")
    )
    assert not can_assess(n.trainer, n.trainee, other_area)
    assert not can_assess(n.trainer, n.stranger, n.competency)  # not supervised
    assert not can_assess(n.neighbour_trainer, n.trainee, n.competency)
    assert not can_assess(n.trainee, n.trainee, n.competency)


def test_accreditation_expiry_stops_assessment_without_any_task(network, assessor):
    n = network
    expires = assessor.expires_on
    assert can_assess(
        n.trainer, n.trainee, n.competency, today=expires - timedelta(days=1)
    )
    assert not can_assess(n.trainer, n.trainee, n.competency, today=expires)
    assert not can_assess(
        n.trainer, n.trainee, n.competency, today=assessor.starts_on - timedelta(days=1)
    )


def test_accreditation_band_range_limits_area_cover(network):
    n = network
    supervise(n)
    AccreditationFactory(person=n.trainer, areas=[n.aseptic], band_from=5, band_to=6)
    assert not can_assess(n.trainer, n.trainee, n.competency)  # bands 2 to 4
    named = CompetencyFactory(area=n.aseptic, band_from=2, band_to=3)
    AccreditationFactory(person=n.trainer, competencies=[named])
    assert can_assess(n.trainer, n.trainee, named)


def test_ended_supervision_stops_assessment(network, assessor):
    n = network
    services.end_supervision(supervision=n.trainee.supervisions.get(), ended_by=n.lead)
    assert not can_assess(n.trainer, n.trainee, n.competency)


def test_direct_permission_rows_go_with_their_object(network):
    supervise(network)
    assert UserObjectPermission.objects.count() == 0  # nothing in the generic tables
    assert GroupObjectPermission.objects.count() == 0
    TraineeRecord.objects.filter(trainee=network.trainee).delete()
    assert not TraineeRecordUserPermission.objects.exists()


def test_inactive_people_lose_every_right(network, assessor):
    n = network
    n.trainer.is_active = False
    n.trainer.save()
    assert not can_view_trainee_record(n.trainer, n.trainee)
    assert not can_assess(n.trainer, n.trainee, n.competency)
