"""Remembers who is making the current request, so audit events can name them; and
answers "not found" for an id in a URL that no database key can hold."""

from contextvars import ContextVar

from django.http import Http404

# The range of a 64-bit key, PostgreSQL's bigint and SQLite's INTEGER alike.
SMALLEST_KEY, LARGEST_KEY = -(2**63), 2**63 - 1

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


class KeysInRangeMiddleware:
    """An id in a URL larger than any database key names nothing: 404 before the view
    runs, since the database overflows on it in lookups Django does not guard."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        for value in (*view_args, *view_kwargs.values()):
            if isinstance(value, int) and not SMALLEST_KEY <= value <= LARGEST_KEY:
                raise Http404("No record has this id.")
