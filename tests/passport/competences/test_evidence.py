"""Evidence in plain words: a sentence for each kind of evidence, with no ids."""

import re
from datetime import date
from decimal import Decimal

import pytest

from passport.competences.evidence import (
    NO_RECORDS,
    EvidenceIds,
    EvidenceRecords,
    KnowledgePass,
    SignatureMade,
    ValidationRead,
    days,
    evidence_ids,
    evidence_sentences,
    names,
    percent,
)

# The evidence `assessments.decision` stores with an award, as it is stored.
KNOWLEDGE = {"knowledge": {"attempt_id": 3, "module_revision_ids": [52]}}
WORKPLACE = {
    "workplace_assessment": {
        "assessment_id": 7,
        "signature_id": 3,
        "countersignature_id": None,
    }
}
BROTH = {
    "process_validation": {
        "kind": "broth_transfer",
        "competency": "ASP-07",
        "validation_ids": [1, 2, 3],
        "performed_on": ["2026-08-20", "2026-07-26", "2026-09-25"],
        "achieved_on": "2026-09-25",
        "valid_until": "2027-09-25",
    }
}
RECORDS = EvidenceRecords(
    attempts={3: KnowledgePass(passed_on=date(2026, 12, 3), percent=Decimal("85.00"))},
    signatures={
        3: SignatureMade(name="Sam Patel", signed_on=date(2026, 11, 30)),
        4: SignatureMade(name="Ann Jones", signed_on=date(2026, 12, 1)),
    },
    validations={
        1: ValidationRead(read_by="Grace Lee"),
        2: ValidationRead(read_by="Grace Lee"),
        3: ValidationRead(read_by="Grace Lee"),
    },
)
NO_IDS = re.compile(
    r"\b(attempt|signature|revision|assessment|validation)s? \d|\bids?\b|_"
)


def test_a_knowledge_pass_reads_with_its_day_and_score():
    assert evidence_sentences(KNOWLEDGE, RECORDS) == [
        "Knowledge assessment passed on 3 December 2026 (score 85%)"
    ]


def test_a_workplace_assessment_reads_with_its_assessor_and_day():
    assert evidence_sentences(WORKPLACE, RECORDS) == [
        "Workplace assessment signed by Sam Patel on 30 November 2026"
    ]


def test_a_countersigned_workplace_assessment_names_both_signers():
    evidence = {
        "workplace_assessment": {**WORKPLACE["workplace_assessment"]}
        | {"countersignature_id": 4}
    }
    assert evidence_sentences(evidence, RECORDS) == [
        "Workplace assessment signed by Sam Patel on 30 November 2026, "
        "countersigned by Ann Jones on 1 December 2026"
    ]


def test_a_process_validation_reads_as_its_passes_their_days_and_reader():
    assert evidence_sentences(BROTH, RECORDS) == [
        "Broth transfer: 3 consecutive passes, 26 July \N{EN DASH} 25 September "
        "2026, read by Grace Lee"
    ]


@pytest.mark.parametrize(
    ("kind", "performed_on", "readers", "sentence"),
    [
        (
            "gowning",
            ["2026-09-25"],
            ["Grace Lee"],
            "Gowning: 1 pass, 25 September 2026, read by Grace Lee",
        ),
        (
            "gowning",
            ["2026-12-30", "2027-01-02"],
            ["Grace Lee", "Sam Patel"],
            "Gowning: 2 consecutive passes, 30 December 2026 \N{EN DASH} "
            "2 January 2027, read by Grace Lee and Sam Patel",
        ),
        ("finger_dab", [], [], "Finger dabs: passed"),
        ("new_kind", ["2026-09-25"], [], "New kind: 1 pass, 25 September 2026"),
    ],
)
def test_each_validation_kind_reads_in_words(kind, performed_on, readers, sentence):
    ids = list(range(10, 10 + len(performed_on)))
    evidence = {
        "process_validation": {
            "kind": kind,
            "validation_ids": ids,
            "performed_on": performed_on,
        }
    }
    records = EvidenceRecords(
        validations={
            pk: ValidationRead(read_by=name)
            for pk, name in zip(ids, readers, strict=False)
        }
    )
    assert evidence_sentences(evidence, records) == [sentence]


def test_without_its_records_evidence_still_reads_without_ids():
    sentences = evidence_sentences(KNOWLEDGE | WORKPLACE | BROTH, NO_RECORDS)
    assert sentences == [
        "Knowledge assessment passed",
        "Workplace assessment signed by the assessor",
        "Broth transfer: 3 consecutive passes, 26 July \N{EN DASH} 25 September 2026",
    ]


def test_other_evidence_reads_as_label_and_value_without_ids():
    assert evidence_sentences(
        {
            "recorded_as": "Demonstration award",
            "recognised_from": {"issuer": "Eastfield", "credential_id": 9},
            "attempt_id": 12,
        }
    ) == ["Recorded as: Demonstration award", "Recognised from: Issuer: Eastfield"]
    assert evidence_sentences({}) == evidence_sentences(None) == []


def test_a_share_link_reads_only_the_known_kinds_of_evidence():
    evidence = {"file": "secret-evidence.pdf"} | KNOWLEDGE
    assert evidence_sentences(evidence, RECORDS, known_only=True) == [
        "Knowledge assessment passed on 3 December 2026 (score 85%)"
    ]


def test_no_sentence_carries_an_id_a_stored_kind_or_a_revision():
    everything = KNOWLEDGE | WORKPLACE | BROTH
    for records in (RECORDS, NO_RECORDS):
        for sentence in evidence_sentences(everything, records):
            assert not NO_IDS.search(sentence), sentence
            assert "52" not in sentence


def test_the_records_behind_evidence_are_named_by_kind():
    assert evidence_ids(KNOWLEDGE | WORKPLACE | BROTH) == EvidenceIds(
        attempts=frozenset({3}),
        signatures=frozenset({3}),
        validations=frozenset({1, 2, 3}),
    )
    assert evidence_ids({"knowledge": "passed"}) == EvidenceIds()


def test_days_names_and_scores_read_as_people_write_them():
    assert days(date(2026, 9, 25), date(2026, 9, 25)) == "25 September 2026"
    assert percent(Decimal("87.50")) == "87.5%"
    assert percent(100) == "100%"
    assert names(["Ann Jones", "Grace Lee", "Ann Jones", "Sam Patel"]) == (
        "Ann Jones, Grace Lee and Sam Patel"
    )
