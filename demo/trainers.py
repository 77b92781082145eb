"""Demo network: the training lead of RBS, the demo trainer supervising both demo
trainees (one in another organisation of the same region) with accreditation for
aseptic preparation, and the demo mentor (another region) mentoring the demo trainee."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from academy.models import Band, Organisation, SpecialistArea, User
from trainers import services
from trainers.models import Accreditation, Mentorship, MentorshipStatus, Supervision


def _person(email: str) -> User:
    return User.objects.select_related("organisation").get(email=email)


@transaction.atomic
def load_network() -> str:
    """Create the demo network once; running it again changes nothing."""
    lead = _person("lead@academy.example")
    trainer = _person("trainer@academy.example")
    mentor = _person("mentor@academy.example")
    admin = _person("admin@academy.example")
    trainees = [_person("trainee@academy.example"), _person("trainee2@academy.example")]
    aseptic = SpecialistArea.objects.get(code="ASP")
    quality = SpecialistArea.objects.filter(code__in=["QA", "QC"])
    today = timezone.localdate()

    services.appoint_training_lead(
        person=lead, organisation=Organisation.objects.get(ods_code="RBS")
    )
    created = []
    if not Accreditation.objects.filter(person=trainer).exists():
        services.grant_accreditation(
            person=trainer,
            granted_by=lead,
            areas=[aseptic],
            band_from=Band.BAND_2,
            band_to=Band.BAND_6,
            starts_on=today - timedelta(days=200),
            expires_on=today + timedelta(days=900),
            reason="Demo: completed the regional workplace assessor course.",
        )
        created.append("accreditation")
    for trainee in trainees:
        if not Supervision.objects.filter(trainer=trainer, trainee=trainee).exists():
            # The lead of RBS assigns within RBS; the administrator across organisations.
            assigner = (
                lead if trainee.organisation_id == lead.organisation_id else admin
            )
            services.assign_trainer(
                trainer=trainer,
                trainee=trainee,
                assigned_by=assigner,
                starts_on=today - timedelta(days=90),
            )
            created.append(f"supervision of {trainee}")
    services.update_directory_profile(
        person=trainer,
        listed=True,
        offers_mentoring=False,
        work_summary="Aseptic services at Northshire: CIVAS, parenteral nutrition and "
        "cytotoxic reconstitution in isolators. Workplace assessor for aseptic "
        "competencies.",
        expertise=[aseptic],
    )
    services.update_directory_profile(
        person=mentor,
        listed=True,
        offers_mentoring=True,
        work_summary="Quality assurance of Section 10 aseptic units: deviations, "
        "change control, self-inspection and preparing for QAAPS audits.",
        expertise=[aseptic, *quality],
    )
    if not Mentorship.objects.filter(mentor=mentor, mentee=trainees[0]).exists():
        mentorship = services.request_mentorship(
            mentee=trainees[0],
            mentor=mentor,
            message="I would like help preparing for my first broth transfer "
            "validation and understanding how QA reviews deviations.",
        )
        services.accept_mentorship(mentorship=mentorship, by=mentor)
        services.add_mentor_note(
            mentorship=mentorship,
            author=mentor,
            written_on=today,
            text="First call: agreed to review a deviation report together next month.",
        )
        created.append("mentorship")
    active = Mentorship.objects.filter(status=MentorshipStatus.ACTIVE).count()
    return (
        f"Network: {len(created)} created ({', '.join(created) or 'nothing new'}); "
        f"{active} active mentorship(s)."
    )
