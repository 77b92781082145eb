import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assessments.models import EvidenceFile
from assessments.workplace.evidence import add_evidence
from assessments.workplace.evidence_rules import check_evidence, download_name
from assessments.workplace.services.request import start_workplace_assessment

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
    ids=["pdf", "png", "jpeg", "docx"],  # a zip's bytes carry the time it was made
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


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20


@pytest.mark.parametrize(
    ("typed", "extension", "stored"),
    [
        ("photo.html", "png", "photo.png"),
        ("photo.PNG", "png", "photo.png"),
        ("scan.pdf.exe", "pdf", "scan.pdf.pdf"),
        ("../../etc/passwd", "pdf", "passwd.pdf"),
        ("C:\\Users\\me\\notes.html", "docx", "notes.docx"),
        ('"quoted";name.html', "jpg", "quoted-name.jpg"),
        ("line\r\nbreak.svg", "png", "line-break.png"),
        ("\u202egnp.exe", "png", "gnp.png"),  # right-to-left override
        (".html", "png", "html.png"),
        ("...", "png", "evidence.png"),
        ("", "pdf", "evidence.pdf"),
        ("Hygiène des mains 2.jpeg", "jpg", "Hygiène des mains 2.jpg"),
    ],
)
def test_download_name_is_the_typed_stem_with_the_detected_extension(
    typed, extension, stored
):
    assert download_name(typed, extension=extension) == stored


def test_a_very_long_name_is_shortened_but_keeps_its_detected_extension():
    assert download_name("x" * 300 + ".html", extension="png") == "x" * 100 + ".png"


@pytest.mark.django_db
def test_a_png_named_photo_html_downloads_as_photo_png(
    client, workplace, private_storage
):
    """The trainee typed the name; the content decides the extension it downloads
    with, so the assessor's computer never opens an image as a web page."""
    assessment = start_workplace_assessment(
        trainee=workplace.trainee, competency=workplace.competency
    )
    evidence = add_evidence(
        assessment=assessment,
        uploaded_by=workplace.trainee,
        upload=SimpleUploadedFile("photo.html", PNG, content_type="text/html"),
    )
    client.force_login(workplace.trainee)

    response = client.get(
        reverse("assessments:workplace_evidence", args=[assessment.pk, evidence.pk])
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'attachment; filename="photo.png"'
    response.close()


def test_an_older_upload_that_kept_its_typed_name_downloads_with_its_type_extension(
    client, workplace, private_storage
):
    """Evidence stored before names were made safe still downloads under the
    extension of its detected type."""
    assessment = start_workplace_assessment(
        trainee=workplace.trainee, competency=workplace.competency
    )
    evidence = add_evidence(
        assessment=assessment,
        uploaded_by=workplace.trainee,
        upload=SimpleUploadedFile("photo.png", PNG, content_type="image/png"),
    )
    EvidenceFile.objects.filter(pk=evidence.pk).update(original_name="photo.html")
    client.force_login(workplace.trainee)

    response = client.get(
        reverse("assessments:workplace_evidence", args=[assessment.pk, evidence.pk])
    )

    assert response["Content-Disposition"] == 'attachment; filename="photo.png"'
    response.close()
