import ast
import re
from pathlib import Path

import pytest
from django.utils import timezone

from academy.audit_actions import (
    AUDIT_ACTIONS,
    LEGACY_NAMES,
    action_meaning,
    canonical_action,
    stored_names,
)
from academy.models import AuditEvent
from academy.services import record_audit_event
from tests.academy.test_architecture import ORDER

REPO = Path(__file__).resolve().parents[2]
APPS = ("academy", "courses", "trainers", "passport", "assessments", "demo", "bench")

# `<app>.<noun>_<verb>`: the verb is a past participle, last but for a particle
# of a phrasal verb ("signed_in").
SHAPE = re.compile(
    r"^(?P<app>[a-z]+)\.(?P<noun>[a-z]+(?:_[a-z]+)*?)_(?P<verb>[a-z]+)"
    r"(?:_(?P<particle>in|out))?$"
)
# Past participles that do not end in -ed; add one here only when it is one.
IRREGULAR_PAST = {
    "met",
    "sent",
    "withdrawn",
    "begun",
    "given",
    "taken",
    "made",
    "written",
}
# Every app of ours but the demo, which writes through the others' services.
OUR_APPS = set(ORDER) - {"demo"}

# Every name the code stored before the registry; they stay in the chain for ever.
NAMES_STORED_BEFORE = [
    "signed_in",
    "signed_out",
    "sign_in_failed",
    "roles_changed",
    "published",
    "signed",
    "signature_rejected",
    "courses.enrolled",
    "courses.lesson_completed",
    "courses.module_completed",
    "courses.training_impacting_change",
    "courses.finding_recorded",
    "courses.review_request_cleared",
    "trainers.lead_appointed",
    "trainers.lead_role_ended",
    "trainers.accreditation_granted",
    "trainers.supervision_started",
    "trainers.supervision_ended",
    "trainers.mentorship_requested",
    "trainers.mentorship_active",
    "trainers.mentorship_declined",
    "trainers.mentorship_ended",
    "assessments.attempt_started",
    "assessments.attempt_marked",
    "assessments.knowledge_requirement_met",
    "workplace_assessment_started",
    "workplace_evidence_added",
    "workplace_evidence_viewed",
    "workplace_sign_off_requested",
    "workplace_criterion_recorded",
    "workplace_countersigned",
    "workplace_correction_started",
    "validation_recorded",
    "validation_corrected",
    "validation_suspended",
    "competence_awarded",
    "competence_renewed",
    "competence_suspended",
    "competence_revoked",
    "competence_expiring",
    "competence_expired",
    "competence_recognised",
    "competence_matrix_exported",
    "certificate_rendered",
    "certificate_downloaded",
    "passport_downloaded",
    "share_link_created",
    "share_link_revoked",
    "api_token_issued",
    "api_token_withdrawn",
    "passport.plan_assigned",
]


def well_formed(name: str) -> bool:
    match = SHAPE.match(name)
    if match is None or match["app"] not in OUR_APPS:
        return False
    verb = match["verb"]
    return verb in IRREGULAR_PAST or (verb.endswith("ed") and len(verb) > 3)


@pytest.mark.parametrize(
    "name",
    [
        "signed_in",
        "courses.enrolled",
        "passport.competence_expiring",
        "trainers.mentorship_active",
        "passport.plan_assign",
        "insights.report_exported",
        "Academy.user_signed_in",
        "academy.user-signed-in",
        "academy.red",
        "academy.user_sign_in",
        "academy.signed_in",
    ],
)
def test_the_shape_check_refuses_bad_names(name):
    assert not well_formed(name)


def test_every_registered_name_is_app_noun_past_tense_verb():
    bad = [name for name in AUDIT_ACTIONS if not well_formed(name)]
    assert bad == []


def test_every_name_fits_the_stored_column_and_has_a_one_line_meaning():
    limit = AuditEvent._meta.get_field("action").max_length
    for name, meaning in AUDIT_ACTIONS.items():
        assert len(name) <= limit, name
        assert meaning.strip(), name
        assert "\n" not in meaning, name
        assert meaning.endswith("."), name


def test_every_legacy_name_maps_to_a_registered_name_and_is_not_itself_registered():
    for old, new in LEGACY_NAMES.items():
        assert new in AUDIT_ACTIONS, old
        assert old not in AUDIT_ACTIONS, old


@pytest.mark.parametrize("stored", NAMES_STORED_BEFORE)
def test_every_name_stored_before_has_a_registered_canonical_name(stored):
    assert canonical_action(stored) in AUDIT_ACTIONS
    assert action_meaning(stored) == AUDIT_ACTIONS[canonical_action(stored)]
    assert stored in stored_names(canonical_action(stored))


def test_canonical_names_pass_through_and_stored_names_group_old_with_new():
    assert canonical_action("academy.user_signed_in") == "academy.user_signed_in"
    assert canonical_action("workplace_countersigned") == (
        "assessments.workplace_assessment_countersigned"
    )
    assert stored_names("passport.competence_expiry_flagged") == (
        "passport.competence_expiry_flagged",
        "competence_expiring",
    )
    assert stored_names("trainers.supervision_started") == (
        "trainers.supervision_started",
    )
    assert action_meaning("no.such_thing_happened") == ""


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name", ["something_happened", "signed_in", "courses.enrolled", ""]
)
def test_record_audit_event_refuses_an_unregistered_name(name):
    with pytest.raises(ValueError, match="not a registered audit action"):
        record_audit_event(name, actor_name="(system)")
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_record_audit_event_accepts_a_registered_name():
    event = record_audit_event("academy.sign_in_failed", actor_name="(not signed in)")
    assert event.action == "academy.sign_in_failed"


def _string_literals(node: ast.expr) -> list[str] | None:
    """The names a first argument can take, or None if they cannot be read."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _string_literals(node.body), _string_literals(node.orelse)
        return None if body is None or orelse is None else body + orelse
    return None


def _audit_calls():
    for app in APPS:
        for path in sorted((REPO / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                func = node.func
                name = getattr(func, "id", None) or getattr(func, "attr", None)
                if name == "record_audit_event" and node.args:
                    yield path, node.lineno, node.args[0]
                # Helpers that pass the name on take it as `audit_action=`.
                for keyword in node.keywords:
                    if keyword.arg == "audit_action":
                        yield path, node.lineno, keyword.value


def test_every_literal_name_in_the_source_is_registered_and_names_its_app():
    calls = list(_audit_calls())
    assert len(calls) > 40  # the scan found the call sites
    problems = []
    for path, line, arg in calls:
        where = f"{path.relative_to(REPO)}:{line}"
        app = path.relative_to(REPO).parts[0]
        if isinstance(arg, ast.JoinedStr | ast.BinOp) or (
            isinstance(arg, ast.Call) and getattr(arg.func, "attr", "") == "format"
        ):
            problems.append(f"{where}: name built at run time")
            continue
        for name in _string_literals(arg) or []:
            if name not in AUDIT_ACTIONS:
                problems.append(f"{where}: {name!r} is not registered")
            elif app in OUR_APPS and not name.startswith(f"{app}."):
                problems.append(f"{where}: {name!r} is not an action of {app}")
    assert problems == []


def _stored_before(action: str, n: int) -> AuditEvent:
    """An event as older code stored it (the chain is not checked here)."""
    return AuditEvent.objects.create(
        occurred_at=timezone.now(),
        actor_name="(system)",
        action=action,
        object_repr=f"old event {n}",
        previous_hash=f"{n:064x}",
        hash=f"{n + 100:064x}",
    )


def test_the_admin_trail_groups_old_and_new_names_under_the_registered_name(
    client, make_user
):
    admin = make_user(is_superuser=True, is_staff=True)
    _stored_before("signed_in", 1)
    _stored_before("published", 2)
    record_audit_event("academy.user_signed_in", actor=admin)
    client.force_login(admin)

    listing = client.get("/admin/audit_trail/", {"action": "academy.user_signed_in"})

    assert listing.status_code == 200
    content = listing.content.decode()
    assert "old event 1" in content
    assert "old event 2" not in content
    signed_in = AuditEvent.objects.filter(
        action__in=["signed_in", "academy.user_signed_in"]
    )
    assert content.count("A person signed in to the Academy.") == signed_in.count()
    assert ">signed_in<" not in content
