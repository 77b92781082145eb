"""The notification centre, marking notifications read, and the preferences page.

A person sees and marks only their own notifications: another person's is not found.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views import View

from notifications.forms import PreferencesForm
from notifications.kinds import MANDATORY, Kind
from notifications.models import Notification
from notifications.queries import deliveries_of, notifications_for, unread_count
from notifications.services import (
    is_site_path,
    mark_all_read,
    mark_read,
    set_notification_preferences,
)

PER_PAGE = 20


def _centre_url(page: str | None) -> str:
    url = reverse("notifications:centre")
    if page and page.isdigit() and page != "1":
        return f"{url}?page={int(page)}"
    return url


def _own(request, pk: int) -> Notification:
    return get_object_or_404(Notification, pk=pk, recipient=request.user)


class NotificationCentreView(LoginRequiredMixin, View):
    """The person's notifications, newest first, unread ones marked."""

    def get(self, request):
        page_obj = Paginator(notifications_for(request.user), PER_PAGE).get_page(
            request.GET.get("page")
        )
        return render(
            request,
            "notifications/centre.html",
            {
                "page_obj": page_obj,
                "notifications": page_obj.object_list,
                "has_unread": unread_count(request.user) > 0,
            },
        )


class OpenNotificationView(LoginRequiredMixin, View):
    """Following a notification marks it read and goes to the page where the person
    acts."""

    def get(self, request, pk: int):
        notification = _own(request, pk)
        mark_read(notification=notification, person=request.user)
        if notification.link and is_site_path(notification.link):
            return redirect(notification.link)
        return redirect("notifications:centre")


class MarkReadView(LoginRequiredMixin, View):
    def post(self, request, pk: int):
        notification = _own(request, pk)
        mark_read(notification=notification, person=request.user)
        messages.success(request, f"Marked as read: {notification.title}")
        return redirect(_centre_url(request.POST.get("page")))


class MarkAllReadView(LoginRequiredMixin, View):
    def post(self, request):
        count = mark_all_read(person=request.user)
        messages.success(
            request,
            f"{count} notification{'' if count == 1 else 's'} marked as read."
            if count
            else "You have no unread notifications.",
        )
        return redirect("notifications:centre")


class PreferencesView(LoginRequiredMixin, View):
    """How the person hears of each optional kind; mandatory kinds are shown as always
    on."""

    template_name = "notifications/preferences.html"

    def _render(self, request, form, status=200):
        return render(
            request,
            self.template_name,
            {
                "form": form,
                "mandatory": [kind for kind in Kind if kind in MANDATORY],
                "crumbs": [
                    {"label": "Notifications", "url": reverse("notifications:centre")}
                ],
            },
            status=status,
        )

    def get(self, request):
        form = PreferencesForm(initial_deliveries=deliveries_of(request.user))
        return self._render(request, form)

    def post(self, request):
        form = PreferencesForm(
            request.POST, initial_deliveries=deliveries_of(request.user)
        )
        if not form.is_valid():
            return self._render(request, form)
        set_notification_preferences(person=request.user, deliveries=form.cleaned_data)
        messages.success(request, "Your notification preferences are saved.")
        return redirect("notifications:preferences")
