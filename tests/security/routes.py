"""Every route of the Academy's URLconf with the objects its URL needs, for the battery.

Each route is probed with a real object of the demo world: mostly the demo trainee's
(Priya Shah's) own records, so a status table per role shows who may reach whose data.
"""

from collections.abc import Callable, Iterator

from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.models import Page

from academy.models import Competency, Organisation
from apprenticeships.models import Apprenticeship, ProgressReview
from assessments.models import (
    Attempt,
    EvidenceFile,
    ProcessValidation,
    WorkplaceAssessment,
)
from careers.models import CareerAreaPage, CareersIndexPage
from courses.models import (
    CareerPathwayPage,
    CataloguePage,
    LessonPage,
    ModulePage,
    SpecialistAreaIndexPage,
)
from notifications.models import Notification
from passport.models import Certificate, Competence, ShareLink, TrainingPlanItem
from revalidation.models import CPDRecord, RevalidationYear
from tests.security.conftest import OTHER_APPRENTICE
from trainers.models import Mentorship, Supervision

# Staff-only interfaces with their own permission systems, probed as one entry each.
EXCLUDED_PREFIXES = ("admin/", "django-admin/")


def route_names() -> set[str]:
    """Named routes of the URLconf outside the admin interfaces."""

    def walk(patterns, prefix: str, namespace: str | None) -> Iterator[str]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = ":".join(n for n in (namespace, pattern.namespace) if n)
                yield from walk(
                    pattern.url_patterns, prefix + str(pattern.pattern), inner or None
                )
            elif isinstance(pattern, URLPattern) and pattern.name:
                path = prefix + str(pattern.pattern)
                if not path.startswith(EXCLUDED_PREFIXES):
                    yield f"{namespace}:{pattern.name}" if namespace else pattern.name

    return set(walk(get_resolver().url_patterns, "", None))


def _priya(world):
    return world.people["trainee"]


def _module_with_assessment():
    return ModulePage.objects.live().filter(pk__in=Attempt.objects.values("module"))


def _priya_attempt(world) -> Attempt:
    return Attempt.objects.filter(trainee=_priya(world)).order_by("-pk").first()


def _lesson() -> LessonPage:
    return LessonPage.objects.live().order_by("path").first()


def _page_url(model) -> str:
    return model.objects.live().order_by("path").first().url


def _pending_assessment(world) -> WorkplaceAssessment:
    return WorkplaceAssessment.objects.filter(
        trainee=_priya(world), status="requested"
    ).first()


def _certificate(world) -> Certificate:
    return Certificate.objects.filter(event__competence__holder=_priya(world)).first()


def _competence(world) -> Competence:
    return Competence.objects.filter(holder=_priya(world)).first()


def _workplace(name: str, **extra) -> Callable:
    return lambda w: reverse(
        f"assessments:{name}", kwargs={"pk": _pending_assessment(w).pk, **extra}
    )


def _with_pk(name: str, pk: Callable) -> Callable:
    return lambda w: reverse(name, kwargs={"pk": pk(w)})


def _priya_cpd_record(w, *, completed: bool) -> int:
    """One of the CPD records of Priya's revalidation year: a completed one, or the
    planned one in progress."""
    return (
        CPDRecord.objects.filter(
            year__person=_priya(w), completed_at__isnull=not completed
        )
        .values_list("pk", flat=True)
        .first()
    )


def _priya_revalidation_year(w) -> int:
    return RevalidationYear.objects.get(person=_priya(w)).pk


def _demo_apprenticeship(w) -> int:
    """Jordan Reid's apprenticeship at Eastfield: he, Eastfield's training lead (the
    employer's representative) and the provider's representative are named on it."""
    return Apprenticeship.objects.get(apprentice__email="apprentice@academy.example").pk


def _demo_review(w) -> int:
    return ProgressReview.objects.get(apprenticeship=_demo_apprenticeship(w)).pk


# Route name -> how to build its URL in the demo world.
URLS: dict[str, Callable] = {
    "sign_in": lambda w: reverse("sign_in"),
    "sign_out": lambda w: reverse("sign_out"),
    "password_reset": lambda w: reverse("password_reset"),
    "password_reset_done": lambda w: reverse("password_reset_done"),
    "password_reset_confirm": lambda w: reverse(
        "password_reset_confirm", kwargs={"uidb64": "MQ", "token": "set-password"}
    ),
    "password_reset_complete": lambda w: reverse("password_reset_complete"),
    # Sign-in with an NHS identity: off here (no provider configured), so not found.
    "identity:start": lambda w: reverse("identity:start"),
    "identity:callback": lambda w: reverse("identity:callback"),
    "identity:link": lambda w: reverse("identity:link"),
    "accessibility_statement": lambda w: reverse("accessibility_statement"),
    "courses:my_learning": lambda w: reverse("courses:my_learning"),
    "courses:complete_lesson": lambda w: reverse(
        "courses:complete_lesson", kwargs={"lesson_id": _lesson().pk}
    ),
    "trainers:trainer_dashboard": lambda w: reverse("trainers:trainer_dashboard"),
    "trainers:mentoring": lambda w: reverse("trainers:mentoring"),
    "trainers:trainee_record": lambda w: reverse(
        "trainers:trainee_record", kwargs={"pk": _priya(w).pk}
    ),
    "trainers:directory": lambda w: reverse("trainers:directory"),
    "trainers:directory_profile": lambda w: reverse("trainers:directory_profile"),
    "trainers:directory_entry": lambda w: reverse(
        "trainers:directory_entry", kwargs={"pk": w.people["mentor"].pk}
    ),
    "trainers:mentorship": lambda w: reverse(
        "trainers:mentorship",
        kwargs={"pk": Mentorship.objects.get(mentee=_priya(w)).pk},
    ),
    "trainers:mentorship_action": lambda w: reverse(
        "trainers:mentorship_action",
        kwargs={"pk": Mentorship.objects.get(mentee=_priya(w)).pk, "action": "end"},
    ),
    "trainers:organisation_index": lambda w: reverse("trainers:organisation_index"),
    "trainers:organisation": lambda w: reverse(
        "trainers:organisation", kwargs={"pk": _priya(w).organisation_id}
    ),
    "trainers:assign_trainer": lambda w: reverse(
        "trainers:assign_trainer", kwargs={"pk": _priya(w).organisation_id}
    ),
    "trainers:grant_accreditation": lambda w: reverse(
        "trainers:grant_accreditation", kwargs={"pk": _priya(w).organisation_id}
    ),
    "trainers:end_supervision": lambda w: reverse(
        "trainers:end_supervision",
        kwargs={"pk": Supervision.objects.filter(trainee=_priya(w)).first().pk},
    ),
    "passport:my_plan": lambda w: reverse("passport:my_plan"),
    "passport:assign_plan": lambda w: reverse(
        "passport:assign_plan", kwargs={"pk": _priya(w).pk}
    ),
    "passport:change_due_date": lambda w: reverse(
        "passport:change_due_date",
        kwargs={
            "pk": TrainingPlanItem.objects.filter(
                plan__trainee=_priya(w), completed_at=None
            )
            .order_by("due_on", "pk")
            .first()
            .pk
        },
    ),
    "assessments:my_assessments": lambda w: reverse("assessments:my_assessments"),
    "assessments:module_assessment": lambda w: reverse(
        "assessments:module_assessment",
        kwargs={"module_id": _module_with_assessment().first().pk},
    ),
    "assessments:start_attempt": lambda w: reverse(
        "assessments:start_attempt",
        kwargs={"module_id": _module_with_assessment().first().pk},
    ),
    "assessments:attempt": lambda w: reverse(
        "assessments:attempt", kwargs={"pk": _priya_attempt(w).pk}
    ),
    "assessments:autosave": lambda w: reverse(
        "assessments:autosave", kwargs={"pk": _priya_attempt(w).pk}
    ),
    "assessments:check_answers": lambda w: reverse(
        "assessments:check_answers", kwargs={"pk": _priya_attempt(w).pk}
    ),
    "assessments:result": lambda w: reverse(
        "assessments:result", kwargs={"pk": _priya_attempt(w).pk}
    ),
    "assessments:workplace": lambda w: reverse("assessments:workplace"),
    "assessments:sign_off_queue": lambda w: reverse("assessments:sign_off_queue"),
    "assessments:workplace_start": lambda w: reverse(
        "assessments:workplace_start",
        kwargs={"competency_id": Competency.objects.get(code="ASP-04").pk},
    ),
    "assessments:workplace_assessment": _workplace("workplace_assessment"),
    "assessments:workplace_upload": _workplace("workplace_upload"),
    "assessments:workplace_request": _workplace("workplace_request"),
    "assessments:workplace_sign": _workplace("workplace_sign"),
    "assessments:workplace_signed": lambda w: reverse(
        "assessments:workplace_signed",
        kwargs={
            "pk": WorkplaceAssessment.objects.filter(
                trainee=_priya(w), status="complete"
            )
            .order_by("pk")
            .first()
            .pk
        },
    ),
    "assessments:workplace_countersign": _workplace("workplace_countersign"),
    "assessments:workplace_correct": _workplace("workplace_correct"),
    "assessments:workplace_evidence": lambda w: reverse(
        "assessments:workplace_evidence",
        kwargs={
            "pk": _pending_assessment(w).pk,
            "evidence_pk": EvidenceFile.objects.filter(
                assessment=_pending_assessment(w)
            )
            .first()
            .pk,
        },
    ),
    "assessments:my_validations": lambda w: reverse("assessments:my_validations"),
    "assessments:record_validation": lambda w: reverse(
        "assessments:record_validation",
        kwargs={"operator_id": _priya(w).pk, "kind": "broth_transfer"},
    ),
    "assessments:correct_validation": _with_pk(
        "assessments:correct_validation",
        lambda w: ProcessValidation.objects.filter(operator=_priya(w)).last().pk,
    ),
    "passport:passport": lambda w: reverse("passport:passport"),
    "passport:download": lambda w: reverse("passport:download"),
    "passport:download_certificate": lambda w: reverse(
        "passport:download_certificate", kwargs={"number": _certificate(w).number}
    ),
    "verify": lambda w: reverse("verify"),
    "verify_certificate": lambda w: reverse(
        "verify_certificate", kwargs={"code": _certificate(w).verification_code}
    ),
    "passport:my_credentials": lambda w: reverse("passport:my_credentials"),
    "passport:competence_credential": _with_pk(
        "passport:competence_credential", lambda w: _competence(w).pk
    ),
    "passport:competence_credential_json": _with_pk(
        "passport:competence_credential_json", lambda w: _competence(w).pk
    ),
    "passport:passport_bundle": _with_pk(
        "passport:passport_bundle", lambda w: _priya(w).pk
    ),
    "passport:check_credential": lambda w: reverse("passport:check_credential"),
    "passport:recognise_competence": lambda w: reverse("passport:recognise_competence"),
    "passport:recognised_competences": lambda w: reverse(
        "passport:recognised_competences"
    ),
    "credential_issuer": lambda w: reverse("credential_issuer"),
    "credential_jwks": lambda w: reverse("credential_jwks"),
    "credential_status_list": lambda w: reverse("credential_status_list"),
    "passport:sharing": lambda w: reverse("passport:sharing"),
    "passport:revoke_share_link": _with_pk(
        "passport:revoke_share_link",
        lambda w: ShareLink.objects.filter(holder=_priya(w)).first().pk,
    ),
    # Tokens are stored hashed, so the battery can only probe an unknown one.
    "passport:shared_passport": lambda w: reverse(
        "passport:shared_passport", kwargs={"token": "not-a-real-share-token"}
    ),
    "passport:matrix_index": lambda w: reverse("passport:matrix_index"),
    "passport:matrix": _with_pk("passport:matrix", lambda w: _priya(w).organisation_id),
    "passport:matrix_export": lambda w: reverse(
        "passport:matrix_export",
        kwargs={"pk": _priya(w).organisation_id, "file_format": "csv"},
    ),
    "notifications:centre": lambda w: reverse("notifications:centre"),
    "notifications:preferences": lambda w: reverse("notifications:preferences"),
    "notifications:mark_all_read": lambda w: reverse("notifications:mark_all_read"),
    "notifications:open": _with_pk(
        "notifications:open",
        lambda w: Notification.objects.filter(recipient=_priya(w)).first().pk,
    ),
    "notifications:mark_read": _with_pk(
        "notifications:mark_read",
        lambda w: Notification.objects.filter(recipient=_priya(w)).first().pk,
    ),
    "revalidation:portfolio": lambda w: reverse("revalidation:portfolio"),
    "revalidation:plan_record": lambda w: reverse("revalidation:plan_record"),
    "revalidation:unplanned_record": lambda w: reverse("revalidation:unplanned_record"),
    "revalidation:draft_from_activity": lambda w: reverse(
        "revalidation:draft_from_activity"
    ),
    "revalidation:record": _with_pk(
        "revalidation:record", lambda w: _priya_cpd_record(w, completed=False)
    ),
    "revalidation:delete_record": _with_pk(
        "revalidation:delete_record", lambda w: _priya_cpd_record(w, completed=False)
    ),
    "revalidation:record_complete": _with_pk(
        "revalidation:record_complete", lambda w: _priya_cpd_record(w, completed=True)
    ),
    "revalidation:peer_discussion": lambda w: reverse("revalidation:peer_discussion"),
    "revalidation:exceptional_circumstances": lambda w: reverse(
        "revalidation:exceptional_circumstances"
    ),
    "revalidation:reflective_account": lambda w: reverse(
        "revalidation:reflective_account"
    ),
    "revalidation:pdf": _with_pk("revalidation:pdf", _priya_revalidation_year),
    "revalidation:text": _with_pk("revalidation:text", _priya_revalidation_year),
    # Probed without an organisation (SCOPE_URLS ask for one in and out of a region).
    "workforce:dashboard": lambda w: reverse("workforce:dashboard"),
    "workforce:csv": lambda w: reverse("workforce:csv", args=["organisations"]),
    "apprenticeships:index": lambda w: reverse("apprenticeships:index"),
    "apprenticeships:export": lambda w: reverse("apprenticeships:export"),
    "apprenticeships:detail": _with_pk("apprenticeships:detail", _demo_apprenticeship),
    "apprenticeships:log_hours": _with_pk(
        "apprenticeships:log_hours", _demo_apprenticeship
    ),
    "apprenticeships:record_review": _with_pk(
        "apprenticeships:record_review", _demo_apprenticeship
    ),
    "apprenticeships:review": _with_pk("apprenticeships:review", _demo_review),
    "api:schema": lambda w: reverse("api:schema"),
    "api:my_competences": lambda w: reverse("api:my_competences"),
    "api:holder_competences": lambda w: reverse(
        "api:holder_competences", kwargs={"holder_id": _priya(w).pk}
    ),
    # Wagtail's own routes: documents (none in the demo) and private-page passwords.
    "wagtaildocs_serve": lambda w: "/documents/999999/missing.pdf",
    "wagtaildocs_authenticate_with_password": lambda w: reverse(
        "wagtaildocs_authenticate_with_password", kwargs={"restriction_id": 999999}
    ),
    "wagtailcore_authenticate_with_password": lambda w: reverse(
        "wagtailcore_authenticate_with_password",
        kwargs={"page_view_restriction_id": 999999, "page_id": 999999},
    ),
    "wagtailcore_login": lambda w: reverse("wagtailcore_login"),
    # Published pages, served by Wagtail's catch-all route.
    "wagtail_serve": lambda w: Page.objects.get(depth=2).specific.url,
    "page:catalogue": lambda w: _page_url(CataloguePage),
    "page:area": lambda w: _page_url(SpecialistAreaIndexPage),
    "page:module": lambda w: _page_url(ModulePage),
    "page:lesson": lambda w: _lesson().url,
    "page:pathway": lambda w: _page_url(CareerPathwayPage),
    "page:careers": lambda w: _page_url(CareersIndexPage),
    "page:career_area": lambda w: _page_url(CareerAreaPage),
    "page:career_poster": lambda w: _page_url(CareerAreaPage) + "poster/",
    "page:search": lambda w: _page_url(CataloguePage) + "?q=gowning",
    "page:missing": lambda w: "/no-such-page/",
    "admin": lambda w: "/admin/",
    "django-admin": lambda w: "/django-admin/",
}


def _organisation(ods_code: str) -> int:
    return Organisation.objects.get(ods_code=ods_code).pk


def _southvale_apprenticeship(w) -> int:
    """Another apprentice's, at Southvale (tests/security/conftest.py)."""
    return Apprenticeship.objects.get(apprentice__email=OTHER_APPRENTICE).pk


def _dashboard(name: str, ods_code: str, *args) -> Callable:
    return lambda w: (
        f"{reverse(name, args=args)}?organisation={_organisation(ods_code)}"
    )


# Routes probed again with the object of someone else in scope: another apprentice's
# apprenticeship, and the workforce dashboard of an organisation in the regional
# lead's region (Eastfield, North West) and of one outside it (Southvale, South East).
# Built from the battery's own records, so not part of the sweeps of URLS.
SCOPE_URLS: dict[str, Callable] = {
    "apprenticeships:detail@southvale": _with_pk(
        "apprenticeships:detail", _southvale_apprenticeship
    ),
    "apprenticeships:log_hours@southvale": _with_pk(
        "apprenticeships:log_hours", _southvale_apprenticeship
    ),
    "workforce:dashboard@eastfield": _dashboard("workforce:dashboard", "RWX"),
    "workforce:dashboard@southvale": _dashboard("workforce:dashboard", "RYQ"),
    "workforce:csv@southvale": _dashboard("workforce:csv", "RYQ", "organisations"),
}


# Routes that serve no HTML page of the site, each with the reason; every other route of
# URLS is a page (the accessibility sweep and the stored-XSS sweep go through them all).
_POST_ONLY = "POST only: answers a form with a redirect to a page of its own"
NOT_PAGES = {
    "admin": "Wagtail admin: staff interface, outside the NHS.UK site",
    "django-admin": "not mounted: 404 for everyone (as page:missing)",
    "api:schema": "JSON: the OpenAPI schema",
    "api:my_competences": "JSON API, token only",
    "api:holder_competences": "JSON API, token only",
    "credential_issuer": "JSON for verifiers under /.well-known/",
    "credential_jwks": "JSON for verifiers under /.well-known/",
    "credential_status_list": "a signed status list (JWT) under /.well-known/",
    "passport:competence_credential": "a credential file (JWT)",
    "passport:competence_credential_json": "a credential file (JSON)",
    "passport:passport_bundle": "a credential file (JWT)",
    "passport:download": "PDF of the whole passport",
    "page:career_poster": "PDF poster of a career page",
    "passport:download_certificate": "PDF certificate",
    "passport:matrix_export": "CSV or XLSX export",
    "revalidation:pdf": "PDF of the revalidation portfolio",
    "revalidation:draft_from_activity": _POST_ONLY,
    "apprenticeships:export": "CSV export for the training provider",
    "workforce:csv": "CSV of a table of the workforce dashboard",
    "assessments:workplace_evidence": "the trainee's own uploaded evidence file",
    "wagtaildocs_serve": "a document file",
    "wagtaildocs_authenticate_with_password": (
        "the demo has no documents; its form is Wagtail's password page, swept as "
        "wagtailcore_authenticate_with_password"
    ),
    "wagtailcore_login": "redirects to sign_in, which is swept",
    "assessments:autosave": "POST only: JSON for the attempt page's script",
    "assessments:start_attempt": _POST_ONLY,
    "assessments:workplace_request": _POST_ONLY,
    "assessments:workplace_start": _POST_ONLY,
    "assessments:workplace_upload": _POST_ONLY,
    "courses:complete_lesson": _POST_ONLY,
    "passport:recognise_competence": _POST_ONLY,
    "passport:revoke_share_link": _POST_ONLY,
    "sign_out": _POST_ONLY,
    "trainers:end_supervision": _POST_ONLY,
    "trainers:mentorship_action": _POST_ONLY,
    "notifications:open": "marks the notification read and redirects to its page",
    "notifications:mark_read": _POST_ONLY,
    "notifications:mark_all_read": _POST_ONLY,
}


def page_routes() -> list[str]:
    """The routes of URLS that serve a page of the site."""
    return sorted(set(URLS) - set(NOT_PAGES))
