import io
import zipfile

import pytest

from assessments.workplace.evidence_rules import check_evidence

MB = 1024 * 1024


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("head", "mime"),
    [
        (b"%PDF-1.7\n", "application/pdf"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "image/png"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 20, "image/jpeg"),
        (
            docx_bytes(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
    ],
)
def test_accepts_documents_and_images_by_content(head, mime):
    check = check_evidence(head=head, size=len(head), max_bytes=MB)
    assert check.accepted
    assert check.content_type == mime


@pytest.mark.parametrize(
    "head",
    [
        b"<!DOCTYPE html><html><script>alert(1)</script></html>",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b"MZ\x90\x00" + b"\x00" * 60,
        b"plain text notes",
    ],
)
def test_refuses_anything_else_whatever_its_name(head):
    check = check_evidence(head=head, size=len(head), max_bytes=MB)
    assert not check.accepted
    assert "must be a PDF" in check.problem


def test_refuses_oversized_and_empty_files():
    assert (
        "smaller than 1 MB"
        in check_evidence(head=b"%PDF-1.7", size=MB + 1, max_bytes=MB).problem
    )
    assert "empty" in check_evidence(head=b"", size=0, max_bytes=MB).problem
