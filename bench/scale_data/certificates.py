"""Scale step: the certificate of every award event, issued but not rendered."""

from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat, ExtractYear, LPad

from passport.models import Certificate, CompetenceEvent, CompetenceEventKind
from passport.models.certificates import NUMBER_PREFIX, new_verification_code

from .bulk import insert_rows
from .people import scale_people


def create_certificates(plan) -> int:
    """One certificate per award, numbered from its own id as `issue_certificate`
    numbers them (TSA-2026-000123); no PDF is rendered."""
    awards = (
        CompetenceEvent.objects.filter(
            competence__holder__in=scale_people(), kind=CompetenceEventKind.AWARDED
        )
        .values_list(
            "pk",
            "occurred_at",
            "competence__holder__full_name",
            "competence__holder__organisation__name",
        )
        .order_by("pk")
    )
    created = insert_rows(
        Certificate,
        fields=("event_id", "verification_code", "issued_at", "holder_name",
                "organisation_name", "file_name", "sha256"),
        rows=(
            (pk, new_verification_code(), occurred_at, name, organisation or "", "", "")
            for pk, occurred_at, name, organisation in awards.iterator()
        ),
    )  # fmt: skip
    Certificate.objects.filter(number=None).update(
        number=Concat(
            Value(f"{NUMBER_PREFIX}-"),
            Cast(ExtractYear("issued_at"), CharField()),
            Value("-"),
            LPad(Cast("id", CharField()), 6, Value("0")),
            output_field=CharField(),
        )
    )
    return created
