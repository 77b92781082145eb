"""Remembers who is making the current request, so audit events can name them."""

from contextvars import ContextVar

current_user: ContextVar = ContextVar("academy_current_user", default=None)


class CurrentUserMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        token = current_user.set(user if user and user.is_authenticated else None)
        try:
            return self.get_response(request)
        finally:
            current_user.reset(token)
