"""The OpenAPI schema documents the passport API only, not Wagtail's admin API."""

API_PREFIX = "/api/v1/"


def passport_api_only(endpoints):
    """drf-spectacular preprocessing hook: keep the endpoints under /api/v1/."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(API_PREFIX)]
