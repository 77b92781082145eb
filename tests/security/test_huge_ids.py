"""An id larger than any database key, in a URL, is "not found", never a server error."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter

from tests.security.conftest import ROLES
from tests.security.routes import EXCLUDED_PREFIXES

pytestmark = pytest.mark.django_db

HUGE = 2**64


def _routes_with_ids():
    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = ":".join(n for n in (namespace, pattern.namespace) if n)
                yield from walk(
                    pattern.url_patterns, prefix + str(pattern.pattern), inner or None
                )
            elif isinstance(pattern, URLPattern) and pattern.name:
                converters = getattr(pattern.pattern, "converters", {})
                path = prefix + str(pattern.pattern)
                if path.startswith(EXCLUDED_PREFIXES) or not converters:
                    continue
                if all(isinstance(c, IntConverter) for c in converters.values()):
                    name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                    yield name, dict.fromkeys(converters, HUGE)

    return sorted(walk(get_resolver().url_patterns, "", None))


def test_every_route_with_an_id_is_probed():
    assert len(_routes_with_ids()) > 10


def test_a_huge_id_in_any_route_is_not_a_server_error(world):
    failures = []
    for role in ROLES:
        client = world.client_for(role)
        client.raise_request_exception = False
        for name, kwargs in _routes_with_ids():
            url = reverse(name, kwargs=kwargs)
            status = client.get(url).status_code
            if status >= 500:
                failures.append(f"{url} as {role}: {status}")
    assert not failures, "\n".join(failures)
