"""Kinds of signed record that apps later in the import order add to the check.

Such an app cannot be imported here, so it registers a function returning its
`SignedRecordKind` with Wagtail's `signed_record_kinds` hook (in its
`wagtail_hooks.py`); the scan reads that kind's signatures through it, exactly as
it reads the kinds this package knows."""

from collections.abc import Callable
from dataclasses import dataclass

from wagtail import hooks

from academy.models import ElectronicSignature
from assessments.integrity.checks import SignedRecord

HOOK = "signed_record_kinds"


@dataclass(frozen=True)
class SignedRecordKind:
    """One kind of signed record: the `app_label.model` its signatures name, the
    words the report counts it under, and the function that reads each signature's
    record for a chunk (a fixed number of queries, none for an empty list)."""

    record_type: str
    label: str
    records: Callable[[list[ElectronicSignature]], dict[int, SignedRecord]]


def registered_kinds() -> dict[str, SignedRecordKind]:
    """The kinds other apps registered, by the record type their signatures name."""
    kinds = (make_kind() for make_kind in hooks.get_hooks(HOOK))
    return {kind.record_type: kind for kind in kinds}
