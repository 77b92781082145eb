"""Where an operator stands on each kind of process validation, read from their
results; the evidence the decision service needs to award a competency."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings

from academy.models import Competency, User
from academy.revalidation import ValidationResult, ValidationStatus, validation_status
from assessments.models import ProcessValidation, ValidationKind
from assessments.validations.rules import (
    FingerDabTrend,
    UnsupervisedWork,
    trend_suspensions,
    unsupervised_work,
    with_trend_failures,
)


def competency_codes() -> dict[str, str]:
    """Which competency each kind of validation counts towards, by code."""
    return dict(settings.ACADEMY_VALIDATION_COMPETENCIES)


def kind_for(competency: Competency) -> str | None:
    """The kind of validation that counts towards the competency, if any."""
    for kind, code in competency_codes().items():
        if code == competency.code:
            return kind
    return None


def finger_dab_trend() -> FingerDabTrend:
    return FingerDabTrend(**settings.ACADEMY_FINGER_DAB_TREND)


def validation_competencies() -> dict[str, Competency]:
    """The competency of each kind that the framework holds, by kind."""
    codes = competency_codes()
    by_code = {c.code: c for c in Competency.objects.filter(code__in=codes.values())}
    return {kind: by_code[code] for kind, code in codes.items() if code in by_code}


@dataclass
class KindStanding:
    """One kind of validation for one operator: its status and its history."""

    kind: str
    label: str
    competency: Competency | None
    status: ValidationStatus
    history: list[ProcessValidation] = field(default_factory=list)
    trend_adverse: bool = False

    @property
    def record_label(self) -> str:
        """The link text for recording one more result of this kind."""
        return {
            ValidationKind.BROTH_TRANSFER: "Record a broth transfer test",
            ValidationKind.GOWNING: "Record a gowning qualification",
            ValidationKind.FINGER_DAB: "Record a finger-dab session",
        }[self.kind]

    @property
    def tag(self) -> tuple[str, str]:
        """The status as an NHS.UK tag: (colour, text)."""
        status = self.status
        if self.kind == ValidationKind.FINGER_DAB:
            if self.trend_adverse:
                return "red", "Adverse trend"
            return (
                ("green", "No adverse trend") if self.history else ("grey", "None yet")
            )
        if status.suspended:
            return "red", "Suspended"
        if status.qualified:
            return "green", "Qualified"
        return "grey", "Not qualified"

    @property
    def explanation(self) -> str:
        """What the status means for the operator, in a sentence."""
        status = self.status
        if self.kind == ValidationKind.FINGER_DAB:
            trend = finger_dab_trend()
            if not self.history:
                return "No finger-dab sessions recorded yet."
            if self.trend_adverse:
                return (
                    f"{trend.excursions} or more of the last {trend.sessions} sessions "
                    "had growth above the limit: the broth transfer validation is "
                    "suspended until retraining and a new pass."
                )
            return f"Fewer than {trend.excursions} excursions in the last {trend.sessions} sessions."
        if status.suspended:
            return "Suspended after a failed result or an adverse finger-dab trend, until retraining and a new pass."
        if status.qualified and status.valid_until:
            return (
                f"Qualified until {status.valid_until.day} {status.valid_until:%B %Y}."
            )
        if status.qualified:
            return "Qualified."
        needed = status.passes_needed
        if status.consecutive_passes:
            return f"{needed} more consecutive {'pass' if needed == 1 else 'passes'} needed to qualify."
        return f"{needed} consecutive {'pass' if needed == 1 else 'passes'} needed to qualify."

    @property
    def counting_passes(self) -> list[ProcessValidation]:
        """The passes of the current run: the last `consecutive_passes` passes."""
        passes = [r for r in self.history if r.passed and not r.is_corrected]
        count = self.status.consecutive_passes
        return passes[-count:] if count else []


@dataclass
class OperatorValidations:
    operator: User
    standings: dict[str, KindStanding]
    unsupervised: UnsupervisedWork

    @property
    def has_history(self) -> bool:
        return any(standing.history for standing in self.standings.values())


def _series(records: list[ProcessValidation], kind: str) -> list[ProcessValidation]:
    return [r for r in records if r.kind == kind and not r.is_corrected]


def _records(people) -> list[ProcessValidation]:
    return list(
        ProcessValidation.objects.filter(operator__in=people)
        .select_related("recorded_by", "corrects")
        .order_by("performed_on", "recorded_at", "id")
    )


def operator_validations(operator: User, *, today: date) -> OperatorValidations:
    """Every kind's status, the operator's history and their unsupervised-work status,
    in two queries. Corrected results stay in the history but no longer count; an
    adverse finger-dab trend counts as a failed broth transfer test."""
    return _standings(
        operator, _records([operator]), validation_competencies(), today=today
    )


def validations_of(people, *, today: date) -> list[OperatorValidations]:
    """The validations of each person who has any result, in two queries."""
    competencies = validation_competencies()
    by_operator: dict[int, list[ProcessValidation]] = {}
    for record in _records(people):
        by_operator.setdefault(record.operator_id, []).append(record)
    return [
        _standings(person, by_operator[person.pk], competencies, today=today)
        for person in people
        if person.pk in by_operator
    ]


def _standings(
    operator: User,
    records: list[ProcessValidation],
    competencies: dict[str, Competency],
    *,
    today: date,
) -> OperatorValidations:
    corrected_ids = {r.corrects_id for r in records if r.corrects_id}
    for record in records:
        record.is_corrected = record.pk in corrected_ids
    sessions = [
        (r.performed_on, not r.passed)
        for r in _series(records, ValidationKind.FINGER_DAB)
    ]
    suspended_on = trend_suspensions(sessions, trend=finger_dab_trend())
    trend_adverse = finger_dab_trend().is_adverse(
        [excursion for _, excursion in sessions]
    )

    standings = {}
    for kind, label in ValidationKind.choices:
        competency = competencies.get(kind)
        rule = competency.revalidation_rule if competency else None
        results = [
            ValidationResult(on=r.performed_on, passed=r.passed)
            for r in _series(records, kind)
        ]
        if kind == ValidationKind.FINGER_DAB:
            # A single excursion is a signal; only an adverse trend fails the series.
            results = with_trend_failures(
                [ValidationResult(on=day, passed=True) for day, _ in sessions],
                suspended_on,
            )
        elif kind == ValidationKind.BROTH_TRANSFER:
            results = with_trend_failures(results, suspended_on)
        status = (
            validation_status(rule, results, today=today)
            if rule
            else ValidationStatus(
                qualified=False,
                suspended=False,
                valid_until=None,
                consecutive_passes=0,
                passes_needed=0,
            )
        )
        standings[kind] = KindStanding(
            kind=kind,
            label=label,
            competency=competency,
            status=status,
            history=[r for r in records if r.kind == kind],
            trend_adverse=trend_adverse and kind == ValidationKind.FINGER_DAB,
        )
    return OperatorValidations(
        operator=operator,
        standings=standings,
        unsupervised=unsupervised_work(
            gowning=standings[ValidationKind.GOWNING].status,
            broth_transfer=standings[ValidationKind.BROTH_TRANSFER].status,
        ),
    )


def validation_evidence(
    *, trainee: User, competency: Competency, today: date
) -> dict | None:
    """Evidence of a current, unsuspended validation counting towards the competency
    (the kind, the passes of the current run and their dates), or None."""
    kind = kind_for(competency)
    if kind is None:
        return None
    standing = operator_validations(trainee, today=today).standings[kind]
    if not standing.status.current:
        return None
    passes = standing.counting_passes
    if not passes:
        return None
    return {
        "kind": kind,
        "competency": competency.code,
        "validation_ids": [r.pk for r in passes],
        "performed_on": [r.performed_on.isoformat() for r in passes],
        "achieved_on": passes[-1].performed_on.isoformat(),
        "valid_until": (
            standing.status.valid_until.isoformat()
            if standing.status.valid_until
            else None
        ),
    }


# A qualification is flagged to the trainer this long before it lapses, as a
# competence is.
DUE_WITHIN_DAYS = 60


@dataclass(frozen=True)
class ValidationDue:
    operator: User
    label: str
    reason: str


def validations_due(people, *, today: date) -> list[ValidationDue]:
    """Broth transfer and gowning qualifications of these people that need a result
    recorded: suspended, not (or no longer) qualified after results, or lapsing within
    60 days; in two queries."""
    due = []
    for validations in validations_of(people, today=today):
        for standing in validations.standings.values():
            if standing.kind == ValidationKind.FINGER_DAB or not standing.history:
                continue
            reason = _due_reason(standing.status, today=today)
            if reason:
                due.append(
                    ValidationDue(
                        operator=validations.operator,
                        label=standing.label,
                        reason=reason,
                    )
                )
    return due


def _due_reason(status: ValidationStatus, *, today: date) -> str:
    if status.suspended:
        return "suspended until retraining and a new pass"
    if not status.qualified:
        needed = status.passes_needed
        more = " more" if status.consecutive_passes else ""
        passes = "pass" if needed == 1 else "passes"
        return f"not qualified: {needed}{more} consecutive {passes} needed"
    until = status.valid_until
    if until is not None and until <= today + timedelta(days=DUE_WITHIN_DAYS):
        return f"qualified until {until.day} {until:%B %Y}"
    return ""
