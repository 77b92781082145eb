import io

from assessments.models import TemplateCriterion, WorkplaceAssessmentTemplate
from tests.factories.academy import UserFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def make_template(competency, *, criteria=3, countersign=False):
    """A published checklist for the competency."""
    template = WorkplaceAssessmentTemplate(
        competency=competency,
        evidence_required="A session log.",
        countersign_required=countersign,
        live=False,
    )
    template.criteria = [
        TemplateCriterion(text=f"Criterion {n}", guidance=f"Look for {n}", sort_order=n)
        for n in range(1, criteria + 1)
    ]
    template.save()
    editor = UserFactory(roles=["TSET moderator"])
    template.save_revision(user=editor).publish(user=editor)
    return template


def pdf_upload(name="log.pdf", content=PDF):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="application/pdf")


def pdf_file(name="log.pdf", content=PDF):
    handle = io.BytesIO(content)
    handle.name = name
    return handle
