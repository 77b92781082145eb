"""Evidence in plain words: one sentence for each thing a competence rests on, the
same on the passport page and PDF, the shared passport and the certificate. A pure
rule: the facts of the records behind the evidence are read by
`passport.competences.queries.evidence_records` and handed in.

The sentences name what was done, when, and by whom, never a database id or a stored
kind: "Broth transfer: 3 consecutive passes, 26 July to 25 September 2026 (with an en
dash), read by Grace Lee".
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

# The hook through which the app that keeps the records (`assessments`) tells the
# passport what they say: a function taking `attempt_ids` and `validation_ids`
# (keyword arguments, sets of ids) and returning `EvidenceRecords`.
EVIDENCE_RECORDS_HOOK = "competence_evidence_records"

VALIDATION_KINDS = {
    "broth_transfer": "Broth transfer",
    "gowning": "Gowning",
    "finger_dab": "Finger dabs",
}


@dataclass(frozen=True)
class KnowledgePass:
    """A knowledge assessment attempt that passed."""

    passed_on: date
    percent: Decimal | int | float | None = None


@dataclass(frozen=True)
class SignatureMade:
    """Who signed a record (their printed name at signing), and on which day."""

    name: str
    signed_on: date


@dataclass(frozen=True)
class ValidationRead:
    """One process validation result: who read it."""

    read_by: str


@dataclass(frozen=True)
class EvidenceIds:
    """The records an evidence summary points to, by kind."""

    attempts: frozenset[int] = frozenset()
    signatures: frozenset[int] = frozenset()
    validations: frozenset[int] = frozenset()


@dataclass(frozen=True)
class EvidenceRecords:
    """What the records behind some evidence say, by id."""

    attempts: Mapping[int, KnowledgePass] = field(default_factory=dict)
    signatures: Mapping[int, SignatureMade] = field(default_factory=dict)
    validations: Mapping[int, ValidationRead] = field(default_factory=dict)

    def merged(self, other: "EvidenceRecords") -> "EvidenceRecords":
        return EvidenceRecords(
            attempts={**self.attempts, **other.attempts},
            signatures={**self.signatures, **other.signatures},
            validations={**self.validations, **other.validations},
        )


NO_RECORDS = EvidenceRecords()
EN_DASH = "\N{EN DASH}"


def day(value: date) -> str:
    """3 December 2026."""
    return f"{value.day} {value:%B %Y}"


def days(first: date, last: date) -> str:
    """A span of days as people write it: 26 July, an en dash, 25 September 2026."""
    if first == last:
        return day(first)
    if first.year == last.year:
        return f"{first.day} {first:%B} {EN_DASH} {day(last)}"
    return f"{day(first)} {EN_DASH} {day(last)}"


def names(people: Iterable[str]) -> str:
    """Grace Lee; Grace Lee and Sam Patel; Ann Jones, Grace Lee and Sam Patel."""
    unique = list(dict.fromkeys(name for name in people if name))
    if len(unique) <= 1:
        return "".join(unique)
    return f"{', '.join(unique[:-1])} and {unique[-1]}"


def percent(value: Decimal | int | float) -> str:
    """85%, 87.5%: no trailing zeros."""
    text = f"{Decimal(str(value)):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text}%"


def _ids(value: Any) -> list[int]:
    values = value if isinstance(value, list | tuple) else [value]
    return [v for v in values if isinstance(v, int) and not isinstance(v, bool)]


def _dates(values: Any) -> list[date]:
    found = []
    for value in values if isinstance(values, list | tuple) else []:
        try:
            found.append(date.fromisoformat(str(value)))
        except ValueError:
            continue
    return sorted(found)


def evidence_ids(evidence: Mapping[str, Any] | None) -> EvidenceIds:
    """The attempts, signatures and validation results the evidence names."""
    evidence = evidence or {}
    knowledge = evidence.get("knowledge")
    workplace = evidence.get("workplace_assessment")
    validation = evidence.get("process_validation")
    attempts = _ids(knowledge.get("attempt_id")) if isinstance(knowledge, dict) else []
    signatures = (
        _ids(workplace.get("signature_id")) + _ids(workplace.get("countersignature_id"))
        if isinstance(workplace, dict)
        else []
    )
    validations = (
        _ids(validation.get("validation_ids", []))
        if isinstance(validation, dict)
        else []
    )
    return EvidenceIds(
        attempts=frozenset(attempts),
        signatures=frozenset(signatures),
        validations=frozenset(validations),
    )


def _knowledge(value: dict, records: EvidenceRecords) -> str:
    attempt = records.attempts.get(value.get("attempt_id"))
    if attempt is None:
        return "Knowledge assessment passed"
    sentence = f"Knowledge assessment passed on {day(attempt.passed_on)}"
    if attempt.percent is not None:
        sentence += f" (score {percent(attempt.percent)})"
    return sentence


def _workplace(value: dict, records: EvidenceRecords) -> str:
    signed = records.signatures.get(value.get("signature_id"))
    if signed is None:
        sentence = "Workplace assessment signed by the assessor"
    else:
        sentence = (
            f"Workplace assessment signed by {signed.name} on {day(signed.signed_on)}"
        )
    countersigned = records.signatures.get(value.get("countersignature_id"))
    if countersigned is not None:
        sentence += (
            f", countersigned by {countersigned.name} on {day(countersigned.signed_on)}"
        )
    elif value.get("countersignature_id"):
        sentence += ", countersigned"
    return sentence


def _validation(value: dict, records: EvidenceRecords) -> str:
    kind = str(value.get("kind") or "")
    label = VALIDATION_KINDS.get(kind) or _label(kind) or "Process validation"
    performed = _dates(value.get("performed_on"))
    count = len(performed) or len(_ids(value.get("validation_ids", [])))
    parts = []
    if count == 1:
        parts.append("1 pass")
    elif count > 1:
        parts.append(f"{count} consecutive passes")
    else:
        parts.append("passed")
    if performed:
        parts.append(days(performed[0], performed[-1]))
    readers = names(
        records.validations[pk].read_by
        for pk in _ids(value.get("validation_ids", []))
        if pk in records.validations
    )
    if readers:
        parts.append(f"read by {readers}")
    return f"{label}: {', '.join(parts)}"


KNOWN = {
    "knowledge": _knowledge,
    "workplace_assessment": _workplace,
    "process_validation": _validation,
}


def _label(key: str) -> str:
    return key.replace("_", " ").strip().capitalize()


def _is_id(key: str) -> bool:
    return key == "id" or key.endswith(("_id", "_ids"))


def _plain(value: Any) -> str:
    if isinstance(value, dict):
        return "; ".join(
            f"{_label(k)}: {_plain(v)}" for k, v in value.items() if not _is_id(k)
        )
    if isinstance(value, list | tuple):
        return ", ".join(_plain(v) for v in value)
    if value is None:
        return ""
    return str(value)


def evidence_sentences(
    evidence: Mapping[str, Any] | None,
    records: EvidenceRecords = NO_RECORDS,
    *,
    known_only: bool = False,
) -> list[str]:
    """What met the competency's requirements, one sentence each: the known kinds of
    evidence from their records, anything else as its label and value, without ids.
    `known_only` (a share link) leaves out anything else: it is free text, such as
    a file's name, that the holder never chose to share."""
    sentences = []
    for key, value in (evidence or {}).items():
        if _is_id(key):
            continue
        if key in KNOWN and isinstance(value, dict):
            sentences.append(KNOWN[key](value, records))
            continue
        if known_only:
            continue
        detail = _plain(value)
        sentences.append(f"{_label(key)}: {detail}" if detail else _label(key))
    return sentences
