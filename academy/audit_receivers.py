"""Audit events for things Django and Wagtail announce by signal: sign-in, roles, publishing.

Connected explicitly in AcademyConfig.ready(); each receiver only records the event.
"""

from django.contrib.auth.models import Group

from academy.middleware import current_user
from academy.services import record_audit_event


def _client(request) -> dict:
    if request is None:
        return {}
    return {"ip_address": request.META.get("REMOTE_ADDR", "")}


def on_signed_in(sender, request, user, **kwargs) -> None:
    record_audit_event(
        "academy.user_signed_in", actor=user, target=user, details=_client(request)
    )


def on_signed_out(sender, request, user, **kwargs) -> None:
    if user is not None:
        record_audit_event(
            "academy.user_signed_out", actor=user, target=user, details=_client(request)
        )


def on_sign_in_failed(sender, credentials, request=None, **kwargs) -> None:
    attempted = str(credentials.get("username", ""))[:254]
    record_audit_event(
        "academy.sign_in_failed",
        actor_name="(not signed in)",
        details={"attempted_email": attempted, **_client(request)},
    )


def on_roles_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    if action not in {"post_add", "post_remove", "post_clear"} or reverse:
        return
    names = sorted(
        Group.objects.filter(pk__in=pk_set or ()).values_list("name", flat=True)
    )
    record_audit_event(
        "academy.user_roles_changed",
        actor=current_user.get(),
        actor_name="" if current_user.get() else "(system)",
        target=instance,
        details={"change": action.removeprefix("post_"), "roles": names},
    )


def on_published(sender, instance, revision=None, **kwargs) -> None:
    record_audit_event(
        "academy.content_published",
        actor=current_user.get() or getattr(revision, "user", None),
        actor_name=""
        if current_user.get() or getattr(revision, "user", None)
        else "(system)",
        target=instance,
        details={"revision_id": getattr(revision, "pk", None)},
    )
