import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Workflow

from academy.models import AuditEvent, Band, Competency, RevalidationKind
from academy.pathways import competencies_for_role
from tests.factories.academy import CompetencyFactory, SpecialistAreaFactory

pytestmark = pytest.mark.django_db


def test_bands_are_a_fixed_ordered_set():
    assert [band.label for band in Band] == [
        "Band 2", "Band 3", "Band 4", "Band 5", "Band 6", "Band 7",
        "Band 8a", "Band 8b", "Band 8c",
    ]  # fmt: skip
    assert sorted(Band.values) == Band.values
    assert Band.between(5, Band.BAND_8A) == [5, 6, 7, 81]


def test_competency_reports_its_bands_and_rule():
    competency = CompetencyFactory.build(
        band_from=2, band_to=6,
        revalidation_kind=RevalidationKind.INITIAL_THEN_EVERY,
        revalidation_months=6, initial_passes=3,
    )  # fmt: skip

    assert competency.band_range_label == "Band 2 to 6"
    assert competency.revalidation_rule.initial_passes == 3
    assert competency.bands == [2, 3, 4, 5, 6]


@pytest.mark.parametrize(
    ("fields", "field_in_error"),
    [
        ({"band_from": 6, "band_to": 3}, "band_to"),
        ({"requires_workplace_assessment": False}, "requires_knowledge"),
        ({"revalidation_kind": RevalidationKind.EVERY}, "revalidation_kind"),
        (
            {
                "revalidation_kind": RevalidationKind.INITIAL_THEN_EVERY,
                "revalidation_months": 6,
            },
            "revalidation_kind",
        ),
    ],
)
def test_inconsistent_competencies_are_refused_with_a_message(fields, field_in_error):
    competency = CompetencyFactory.build(area=SpecialistAreaFactory(), **fields)

    with pytest.raises(ValidationError) as error:
        competency.full_clean()

    assert field_in_error in error.value.message_dict


def test_a_role_requires_its_areas_and_core_competencies_for_its_band():
    aseptic = SpecialistAreaFactory(code="ASP", name="Aseptic", slug="asp")
    core = SpecialistAreaFactory(code="COR", name="Core", slug="core")
    qc = SpecialistAreaFactory(code="QC", name="QC", slug="qc")
    wanted = CompetencyFactory(code="ASP-90", area=aseptic, band_from=2, band_to=4)
    core_one = CompetencyFactory(code="COR-90", area=core, band_from=2, band_to=5)
    CompetencyFactory(code="ASP-91", area=aseptic, band_from=5, band_to=6)
    CompetencyFactory(code="QC-90", area=qc, band_from=2, band_to=6)
    CompetencyFactory(code="ASP-92", area=aseptic, band_from=2, band_to=4, live=False)

    assert list(competencies_for_role(area=aseptic, band=3)) == [
        core_one,
        wanted,
    ] or list(competencies_for_role(area=aseptic, band=3)) == [wanted, core_one]
    assert {c.code for c in competencies_for_role(area=aseptic, band=3)} == {
        "ASP-90", "COR-90",
    }  # fmt: skip


def edit_as(client, user, competency, description):
    client.force_login(user)
    return client.post(
        f"/admin/snippets/academy/competency/edit/{competency.pk}/",
        {
            "code": competency.code,
            "area": competency.area_id,
            "title": competency.title,
            "band_from": competency.band_from,
            "band_to": competency.band_to,
            "description": description,
            "requires_workplace_assessment": "on",
            "revalidation_kind": "none",
            "action-submit": "Submit to TSET review",
        },
    )


def test_competency_changes_go_through_tset_review(client, make_user):
    editor, moderator = make_user("TSET editor"), make_user("TSET moderator")
    competency = CompetencyFactory(area=SpecialistAreaFactory(), description="Old text")
    competency.save_revision(user=moderator).publish(user=moderator)

    response = edit_as(client, editor, competency, "New text")

    assert response.status_code == 302
    competency.refresh_from_db()
    assert competency.description == "Old text"  # the live version is unchanged
    assert competency.workflow_in_progress
    assert competency.current_workflow_state.workflow == Workflow.objects.get(
        name="TSET review"
    )

    client.force_login(moderator)
    task_state = competency.current_workflow_task_state
    approve = client.post(
        f"/admin/snippets/academy/competency/workflow/action/{competency.pk}/approve/"
        f"{task_state.pk}/",
        {"comment": "Checked against Annex 1"},
    )

    assert approve.status_code in {200, 302}
    competency.refresh_from_db()
    assert competency.description == "New text"
    assert not competency.has_unpublished_changes
    published = AuditEvent.objects.filter(
        action="academy.content_published",
        object_type="academy.competency",
        object_id=str(competency.pk),
    ).last()
    assert published.actor == moderator


def test_editors_cannot_publish_competencies(make_user):
    editor, moderator = make_user("TSET editor"), make_user("TSET moderator")

    assert editor.has_perm("academy.change_competency")
    assert not editor.has_perm("academy.publish_competency")
    assert moderator.has_perm("academy.publish_competency")


def test_editor_publish_attempt_changes_nothing(client, make_user):
    editor, moderator = make_user("TSET editor"), make_user("TSET moderator")
    competency = CompetencyFactory(area=SpecialistAreaFactory(), description="Old text")
    competency.save_revision(user=moderator).publish(user=moderator)
    client.force_login(editor)

    client.post(
        f"/admin/snippets/academy/competency/edit/{competency.pk}/",
        {
            "code": competency.code, "area": competency.area_id,
            "title": competency.title, "band_from": 2, "band_to": 5,
            "description": "Sneaky", "requires_workplace_assessment": "on",
            "revalidation_kind": "none", "action-publish": "Publish",
        },
    )  # fmt: skip

    assert Competency.objects.get(pk=competency.pk).description == "Old text"
