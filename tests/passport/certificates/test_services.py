import datetime
import hashlib
import logging
import re

import pypdfium2
import pytest
import zxingcpp
from django.db import IntegrityError
from kombu.exceptions import OperationalError

from academy.models import AuditEvent, SignatureMeaning
from academy.signatures import reauthenticate, sign_record
from passport.certificates.services import (
    certificate_path,
    issue_certificate,
    render_certificate_pdf,
    verification_url,
)
from passport.competences.services import award_competence
from passport.models import Certificate
from passport.tasks import render_certificate, render_pending_certificates
from tests.conftest import PASSWORD
from tests.factories.academy import CompetencyFactory, UserFactory

pytestmark = pytest.mark.django_db

ON = datetime.date(2026, 1, 31)


@pytest.fixture(autouse=True)
def private_storage(settings, tmp_path):
    settings.PRIVATE_STORAGE_ROOT = tmp_path / "private"
    return settings.PRIVATE_STORAGE_ROOT


@pytest.fixture
def yearly():
    return CompetencyFactory(revalidation_kind="every", revalidation_months=12)


def award(holder, competency, **kwargs):
    return award_competence(
        holder=holder,
        competency=competency,
        achieved_on=kwargs.pop("achieved_on", ON),
        evidence={},
        awarded_by=kwargs.pop("awarded_by", None),
        **kwargs,
    )


def test_each_award_and_renewal_gets_one_numbered_certificate(yearly):
    holder = UserFactory()
    first = award(holder, yearly)
    second = award(holder, yearly, achieved_on=datetime.date(2026, 12, 1))

    one, two = first.certificate, second.certificate
    assert one.number == f"TSA-{one.issued_at.year}-{one.pk:06d}"
    assert two.number != one.number
    assert one.verification_code != two.verification_code
    assert re.fullmatch(r"[2-9A-HJKMNP-Z]{12}", one.verification_code)
    assert one.printed_code == "-".join(
        one.verification_code[i : i + 4] for i in (0, 4, 8)
    )
    assert one.holder_name == holder.full_name
    assert not one.is_rendered
    with pytest.raises(IntegrityError):
        Certificate.objects.create(
            event=first, issued_at=first.occurred_at, holder_name="x"
        )


def test_suspension_has_no_certificate(yearly):
    holder = UserFactory()
    event = award(holder, yearly)
    event.kind = "suspended"
    with pytest.raises(ValueError, match="Only awards"):
        issue_certificate(event=event)


def test_the_pdf_is_rendered_after_commit_and_stored_once_with_its_hash(
    yearly, django_capture_on_commit_callbacks, private_storage
):
    assessor = UserFactory(full_name="Grace Lee")
    holder = UserFactory(full_name="Priya Shah")
    signature = sign_record(
        holder,
        signer=assessor,
        meaning=SignatureMeaning.ASSESSED_COMPETENT,
        role="Workplace assessor",
        content={"x": 1},
        reauthentication=reauthenticate(
            assessor,
            password=PASSWORD,
            record=holder,
            meaning=SignatureMeaning.ASSESSED_COMPETENT,
        ),
    )
    with django_capture_on_commit_callbacks(execute=True):
        event = award(holder, yearly, awarded_by=assessor, signature=signature)

    certificate = Certificate.objects.get(event=event)
    assert certificate.is_rendered
    content = certificate_path(certificate).read_bytes()
    assert content.startswith(b"%PDF")
    assert hashlib.sha256(content).hexdigest() == certificate.sha256
    assert certificate_path(certificate).is_relative_to(private_storage)

    again = render_certificate_pdf(certificate_id=certificate.pk)
    assert again.sha256 == certificate.sha256
    assert (
        AuditEvent.objects.filter(action="passport.certificate_rendered").count() == 1
    )
    files = list(private_storage.rglob("*"))
    assert [f.name for f in files if f.is_file()] == [f"{certificate.number}.pdf"]


def test_a_broker_outage_leaves_the_certificate_pending_and_the_award_committed(
    yearly, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to redis:6379.")

    monkeypatch.setattr(render_certificate, "delay", broker_down)
    with (
        caplog.at_level(logging.WARNING),
        django_capture_on_commit_callbacks(execute=True),
    ):
        event = award(UserFactory(), yearly)

    certificate = Certificate.objects.get(event=event)
    assert not certificate.is_rendered
    assert f"Certificate {certificate.pk} not queued" in caplog.text


def test_the_sweep_renders_only_certificates_left_pending_for_minutes(
    yearly, private_storage
):
    # Without a commit here, the awards' own renders never run: all are pending.
    old, fresh = (award(UserFactory(), yearly).certificate for _ in range(2))
    rendered = award(UserFactory(), yearly).certificate
    render_certificate_pdf(certificate_id=rendered.pk)
    hour_ago = old.issued_at - datetime.timedelta(hours=1)
    Certificate.objects.exclude(pk=fresh.pk).update(issued_at=hour_ago)

    assert render_pending_certificates.delay().get() == 1

    old.refresh_from_db()
    fresh.refresh_from_db()
    assert old.is_rendered
    assert not fresh.is_rendered
    assert (
        AuditEvent.objects.filter(action="passport.certificate_rendered").count() == 2
    )


def test_the_printed_qr_code_scans_to_the_verification_page(yearly, private_storage):
    holder = UserFactory(full_name="Priya Shah")
    issued = Certificate.objects.get(event=award(holder, yearly))
    certificate = render_certificate_pdf(certificate_id=issued.pk)

    pdf = pypdfium2.PdfDocument(certificate_path(certificate).read_bytes())
    page = pdf[0].render(scale=150 / 72).to_pil()  # printed at 150 dpi
    pdf.close()
    codes = zxingcpp.read_barcodes(page)

    assert [code.text for code in codes] == [verification_url(certificate)]
    assert verification_url(certificate).endswith(
        f"/verify/{certificate.printed_code}/"
    )


def _font_size_at(text_page, index: int) -> float:
    return pypdfium2.raw.FPDFText_GetFontSize(text_page.raw, index)


def test_the_pdf_prints_the_code_that_verifies_large_on_one_line(
    yearly, private_storage
):
    """Under the QR code: the readable code, bigger than anything near it and never
    broken across lines, and the certificate number labelled as such."""
    issued = Certificate.objects.get(event=award(UserFactory(), yearly))
    certificate = render_certificate_pdf(certificate_id=issued.pk)

    pdf = pypdfium2.PdfDocument(certificate_path(certificate).read_bytes())
    text_page = pdf[0].get_textpage()
    text = text_page.get_text_range()
    lines = text.splitlines()
    code_at = text.index(certificate.printed_code)
    number_at = text.index(certificate.number)
    code_size = _font_size_at(text_page, code_at)
    number_size = _font_size_at(text_page, number_at)
    pdf.close()

    assert "Verification code" in lines
    assert certificate.printed_code in lines  # a line of its own, unbroken
    assert f"Certificate number {certificate.number}" in lines
    assert code_size >= 1.5 * number_size
