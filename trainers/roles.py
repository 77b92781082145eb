"""The roles (auth groups) of the person making a request, read once per request."""

from django.http import HttpRequest


def role_names(request: HttpRequest) -> frozenset[str]:
    if not request.user.is_authenticated:
        return frozenset()
    if not hasattr(request, "_academy_roles"):
        request._academy_roles = frozenset(
            request.user.groups.values_list("name", flat=True)
        )
    return request._academy_roles
