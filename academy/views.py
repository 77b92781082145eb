"""Account pages of the site shell: sign in, sign out, password reset; error pages."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views.generic import TemplateView

from academy.forms import NHSFormMixin, SignInForm
from academy.identity.provider import provider_configured
from academy.signatures import SignatureRejected, check_signing_password


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "registration/sign_in.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        """Offers sign-in with an NHS identity only where the provider is configured."""
        return super().get_context_data(nhs_identity=provider_configured(), **kwargs)


class NHSPasswordResetForm(NHSFormMixin, auth_views.PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "E-mail address"
        self.fields["email"].error_messages["required"] = "Enter your e-mail address"
        self.fields["email"].error_messages["invalid"] = (
            "Enter an e-mail address in the correct format, like name@example.nhs.uk"
        )


class NHSSetPasswordForm(NHSFormMixin, auth_views.SetPasswordForm):
    pass


class PasswordResetView(auth_views.PasswordResetView):
    form_class = NHSPasswordResetForm
    template_name = "registration/password_reset_form.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = NHSSetPasswordForm
    template_name = "registration/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")


class AccessibilityStatementView(TemplateView):
    template_name = "academy/accessibility.html"


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)


def signed_out_after_signing_block(
    request: HttpRequest, rejected: Exception
) -> HttpResponse | None:
    """After the wrong password that blocked an account's signing, every session of
    the account has ended: sign this request out too and send the person to sign in,
    saying why. Any other refusal: None, for the form to show it."""
    if not getattr(rejected, "signed_out", False):
        return None
    logout(request)
    messages.error(request, str(rejected))
    return redirect(settings.LOGIN_URL)


def report_wrong_signing_password(
    request: HttpRequest, form, *, record, meaning: str
) -> HttpResponse | None:
    """A signing form with other problems: check its password now as well, so that a
    wrong one is reported with them, in one round, not after they are put right.

    The check is the signing services' own (`check_signing_password`: audited, counted
    towards a signing block); nothing is signed. A right password is simply asked for
    again, as password fields are never refilled. Returns the sign-out response when
    this password blocked the account's signing, else None.
    """
    password = form.data.get("password", "")
    if not password or "password" in form.errors:
        return None
    try:
        check_signing_password(
            request.user, password=password, record=record, meaning=meaning
        )
    except SignatureRejected as rejected:
        signed_out = signed_out_after_signing_block(request, rejected)
        if signed_out is not None:
            return signed_out
        form.add_error("password", str(rejected))
    return None
