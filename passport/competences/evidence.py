"""Human-readable lines for the evidence summary stored with a competence: a pure rule."""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class EvidenceLine:
    label: str
    detail: str


def _plain(value: Any) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{_label(k)}: {_plain(v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(_plain(v) for v in value) or "none"
    if value is None or value == "":
        return "none"
    return str(value)


def _label(key: str) -> str:
    return key.replace("_", " ").capitalize()


def _knowledge(value: dict) -> str:
    detail = f"attempt {value.get('attempt_id', 'not recorded')}, passed"
    revisions = value.get("module_revision_ids") or []
    if revisions:
        detail += f", on module revision {_plain(revisions)}"
    return detail


def _workplace(value: dict) -> str:
    detail = f"assessment {value.get('assessment_id', 'not recorded')}"
    if value.get("signature_id"):
        detail += f", signed by the assessor (signature {value['signature_id']})"
    if value.get("countersignature_id"):
        detail += f", countersigned (signature {value['countersignature_id']})"
    return detail


KNOWN = {
    "knowledge": ("Knowledge assessment", _knowledge),
    "workplace_assessment": ("Workplace assessment", _workplace),
    "process_validation": ("Process validation", _plain),
}


def evidence_summary(evidence: dict[str, Any]) -> list[EvidenceLine]:
    """What met the competency's requirements: known kinds of evidence in words, any
    other key as a plain label and value."""
    lines = []
    for key, value in (evidence or {}).items():
        label, describe = KNOWN.get(key, (_label(key), _plain))
        detail = describe(value) if isinstance(value, dict) else _plain(value)
        lines.append(EvidenceLine(label=label, detail=detail))
    return lines
