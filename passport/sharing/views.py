"""Sharing my passport by link, and the read-only passport the link opens."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import FormView

from passport.competences.status import status_words
from passport.models import ShareLink
from passport.sharing.forms import ShareLinkForm
from passport.sharing.services import (
    active_share_link,
    create_share_link,
    recent_share_views,
    record_share_view,
    revoke_share_link,
    share_links_of,
    shared_competences,
)


class SharingView(LoginRequiredMixin, FormView):
    """The holder's links, who opened them, and a form for a new one."""

    template_name = "passport/sharing/sharing.html"
    form_class = ShareLinkForm

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        links = list(share_links_of(self.request.user))
        return super().get_context_data(
            links=[
                {"link": link, "active": link.is_active_on(today)} for link in links
            ],
            views=recent_share_views(self.request.user),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            created = create_share_link(
                holder=self.request.user, expires_on=form.cleaned_data["expires_on"]
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        url = self.request.build_absolute_uri(
            reverse("passport:shared_passport", args=[created.token])
        )
        # The token is shown this once: only its hash is stored.
        return TemplateResponse(
            self.request,
            "passport/sharing/created.html",
            {"link": created.link, "url": url},
            headers={"Cache-Control": "no-store"},
        )


class RevokeShareLinkView(LoginRequiredMixin, View):
    """The holder stops one of their links working (POST only)."""

    http_method_names = ["post"]

    def post(self, request, pk):
        link = get_object_or_404(ShareLink, pk=pk, holder=request.user)
        revoke_share_link(link=link, revoked_by=request.user)
        messages.success(request, "The link has been stopped. It no longer works.")
        return redirect("passport:sharing")


def shared_passport(request, token: str):
    """The holder's passport, read-only, for whoever has a live link; anything else is
    the same 404 as an unknown page."""
    link = active_share_link(token)
    if link is None:
        raise Http404
    record_share_view(
        link=link,
        address=request.META.get("REMOTE_ADDR"),
        user_agent=request.META.get("HTTP_USER_AGENT", ""),
    )
    today = timezone.localdate()
    competences = [
        {
            "competence": c,
            "status": status_words(
                c.status,
                expires_on=c.expires_on,
                today=today,
                under_review=c.under_review,
            ),
        }
        for c in shared_competences(link.holder)
    ]
    return TemplateResponse(
        request,
        "passport/sharing/shared_passport.html",
        {"holder_name": link.holder.full_name, "link": link, "lines": competences},
        headers={
            "Cache-Control": "no-store",
            "Referrer-Policy": "no-referrer",
            "X-Robots-Tag": "noindex, nofollow",
        },
    )
