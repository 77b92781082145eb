"""Sign-in with the NHS identity provider: send the person there, take them back, and
link their identity to their account once they confirm it is theirs. Every refusal is
an error page and an audit event; nothing is created or linked."""

import time

from django.conf import settings
from django.contrib.auth import login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django.utils.http import url_has_allowed_host_and_scheme

from academy.identity.forms import ConfirmLinkForm
from academy.identity.provider import (
    NOT_BELIEVED,
    ProviderConfig,
    ProviderError,
    authorization_request,
    provider_config,
    verified_identity,
)
from academy.identity.queries import account_to_link, linked_account
from academy.identity.services import LinkRefused, link_identity, record_sign_in_failure
from academy.models import User

PENDING_SIGN_IN = "academy.identity.sign_in"
PENDING_LINK = "academy.identity.link"
# Time a person has to confirm the link after coming back from the provider.
LINK_LIFETIME_SECONDS = 600
BACKEND = "django.contrib.auth.backends.ModelBackend"

NO_ACCOUNT = (
    "There is no Academy account with the verified e-mail address of your NHS "
    "identity, so you have not been signed in. An account is never made for you: ask "
    "your training lead for one, or sign in with your Academy e-mail address and "
    "password."
)


def _config() -> ProviderConfig:
    config = provider_config()
    if config is None:
        raise Http404
    return config


def _next_url(request: HttpRequest, candidate: str) -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, {request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return settings.LOGIN_REDIRECT_URL


def _refused(
    request: HttpRequest, *, reason: str, message: str, status: int = 400
) -> HttpResponse:
    record_sign_in_failure(request, reason=reason)
    return render(
        request, "academy/identity/refused.html", {"message": message}, status=status
    )


def _provider_refused(request: HttpRequest, error: ProviderError) -> HttpResponse:
    status = 503 if error.reason == "provider_unreachable" else 400
    return _refused(request, reason=error.reason, message=str(error), status=status)


def start(request: HttpRequest) -> HttpResponse:
    """Send the person to the provider, keeping the state, nonce and PKCE verifier."""
    config = _config()
    try:
        url, pending = authorization_request(
            config,
            redirect_uri=request.build_absolute_uri(reverse("identity:callback")),
        )
    except ProviderError as error:
        return _provider_refused(request, error)
    pending["next"] = _next_url(request, request.GET.get("next", ""))
    request.session[PENDING_SIGN_IN] = pending
    return redirect(url)


def callback(request: HttpRequest) -> HttpResponse:
    """The provider's answer: a state used once, then a checked ID token."""
    config = _config()
    # Popped whatever happens: a state is answered once, so a replay finds nothing.
    pending = request.session.pop(PENDING_SIGN_IN, None)
    # An error answer (the person cancelled, or the provider refused) signs no one in,
    # with or without its state: tell them so rather than blame the state.
    if "error" in request.GET:
        return _refused(
            request,
            reason="provider_declined",
            message="You did not finish signing in with your NHS identity, so you "
            "have not been signed in.",
        )
    state = request.GET.get("state", "")
    if pending is None or not constant_time_compare(state, pending["state"]):
        return _refused(request, reason="state_mismatch", message=NOT_BELIEVED)
    if not request.GET.get("code"):
        return _refused(request, reason="code_missing", message=NOT_BELIEVED)
    try:
        identity = verified_identity(config, pending=pending, code=request.GET["code"])
    except ProviderError as error:
        return _provider_refused(request, error)
    user = linked_account(identity)
    if user is not None:
        login(request, user, backend=BACKEND)
        return redirect(pending["next"])
    account = account_to_link(identity)
    if account is None:
        return _refused(request, reason="no_account", message=NO_ACCOUNT, status=403)
    request.session[PENDING_LINK] = {
        "user_id": account.pk,
        "issuer": identity.issuer,
        "subject": identity.subject,
        "at": time.time(),
        "next": pending["next"],
    }
    return redirect("identity:link")


def confirm_link(request: HttpRequest) -> HttpResponse:
    """The person proves, with their Academy password, that the account is theirs."""
    _config()
    pending = request.session.get(PENDING_LINK)
    user = None
    if pending and time.time() - pending["at"] <= LINK_LIFETIME_SECONDS:
        user = User.objects.filter(pk=pending["user_id"], is_active=True).first()
    if user is None:
        request.session.pop(PENDING_LINK, None)
        raise Http404
    form = ConfirmLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            link_identity(
                request,
                user=user,
                password=form.cleaned_data["password"],
                issuer=pending["issuer"],
                subject=pending["subject"],
            )
        except LinkRefused as refused:
            form.add_error("password", str(refused))
        else:
            del request.session[PENDING_LINK]
            login(request, user, backend=BACKEND)
            return redirect(pending["next"])
    return render(
        request,
        "academy/identity/confirm_link.html",
        {"form": form, "email": user.email},
    )
