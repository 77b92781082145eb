"""Public verification of certificates, and downloads of the stored PDFs."""

from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView
from django_ratelimit.core import is_ratelimited

from passport.certificates import codes
from passport.certificates.services import (
    certificate_to_verify,
    open_certificate,
    render_certificate_pdf,
)
from passport.competences.status import Status, status_words
from passport.models import Certificate
from trainers.permissions import can_view_trainee_record

NOT_FOUND_TEMPLATE = "passport/certificates/not_found.html"
VERIFY_FORM_TEMPLATE = "passport/certificates/verify_form.html"
NUMBER_TYPED = (
    "You entered the certificate number. Enter the verification code printed under "
    "the QR code"
)


FORM_CONTEXT = {"code_example": codes.EXAMPLE}


def _not_found(request):
    """One response for every code that does not verify, so none can be told apart."""
    return render(request, NOT_FOUND_TEMPLATE, FORM_CONTEXT, status=404)


def _number_typed(request, *, status: int):
    """Where to find the code, the same for every number: nothing is looked up, so a
    sequential number never tells whether it was issued, or to whom."""
    return render(
        request,
        VERIFY_FORM_TEMPLATE,
        {**FORM_CONTEXT, "error": NUMBER_TYPED, "number_typed": True},
        status=status,
    )


class VerifyFormView(TemplateView):
    """Anyone types the code printed under a certificate's QR code."""

    template_name = VERIFY_FORM_TEMPLATE
    extra_context = FORM_CONTEXT

    def get(self, request, *args, **kwargs):
        code = request.GET.get("code", "").strip()
        if "code" in request.GET and not code:
            return self.render_to_response(
                self.get_context_data(error="Enter the certificate's verification code")
            )
        if code:
            readable = codes.readable(code)
            if readable is not None:
                return redirect("verify_certificate", code=codes.grouped(readable))
            if codes.looks_like_certificate_number(code):
                return _number_typed(request, status=200)
            if not codes.is_legacy(code):  # a slash would not even make a URL
                return _not_found(request)
            return redirect("verify_certificate", code=code)
        return super().get(request, *args, **kwargs)


class VerificationView(View):
    """What an employer or inspector may know about a certificate: competency,
    holder's name, issuing organisation, dates and status. Nothing else."""

    def get(self, request, code: str):
        if is_ratelimited(
            request,
            group="verify_certificate",
            key="ip",
            rate=settings.VERIFY_RATE_LIMIT,
            increment=True,
        ):
            return render(
                request, "passport/certificates/too_many_requests.html", status=429
            )
        if codes.readable(code) is None and codes.looks_like_certificate_number(code):
            return _number_typed(request, status=404)
        certificate = certificate_to_verify(code)
        if certificate is None:
            return _not_found(request)
        status = status_words(
            certificate.competence_status,
            expires_on=certificate.competence_expires_on,
            today=timezone.localdate(),
            under_review=certificate.competence_under_review,
        )
        response = render(
            request,
            "passport/certificates/verification.html",
            {
                "certificate": certificate,
                "status": status,
                "under_review": status.status == Status.UNDER_REVIEW,
            },
        )
        response["X-Robots-Tag"] = "noindex"
        return response


class CertificateDownloadView(LoginRequiredMixin, View):
    """The holder, or anyone who may see the holder's record, downloads the PDF."""

    def get(self, request, number: str):
        certificate = get_object_or_404(
            Certificate.objects.select_related("event__competence__holder"),
            number=number,
        )
        if not can_view_trainee_record(
            request.user, certificate.event.competence.holder
        ):
            raise Http404
        if not certificate.is_rendered:
            certificate = render_certificate_pdf(certificate_id=certificate.pk)
        return FileResponse(
            open_certificate(certificate, user=request.user),
            as_attachment=True,
            filename=f"{certificate.number}.pdf",
            content_type="application/pdf",
        )
