"""Production: every secret from the environment, HTTPS only; refuses to start without them."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "The SECRET_KEY environment variable is required in production "
        "(at least 50 random characters)."
    )

PASSPORT_SIGNING_KEY = os.environ.get("PASSPORT_SIGNING_KEY", "")
if not PASSPORT_SIGNING_KEY:
    raise ImproperlyConfigured(
        "The PASSPORT_SIGNING_KEY environment variable is required in production "
        "(a private Ed25519 JWK in JSON, with a kid, that signs credentials)."
    )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = int(
    os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365))
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 8

# Several processes see each other's changes only through a shared cache: without
# CACHE_URL, lessons and sites are read from the database on every request.
GENERATION_CACHE = bool(os.environ.get("CACHE_URL"))
# With a shared cache, a request's session is read from it (and written to both): a
# cache miss or a restarted Redis falls back to the database, so nobody is signed out.
if os.environ.get("CACHE_URL"):
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

PASSPORT_FEED_URL = os.environ.get("PASSPORT_FEED_URL", "")
if PASSPORT_FEED_URL and not PASSPORT_FEED_URL.startswith("https://"):
    raise ImproperlyConfigured("PASSPORT_FEED_URL must be an https:// address.")
if PASSPORT_FEED_URL and not os.environ.get("PASSPORT_FEED_SECRET"):
    raise ImproperlyConfigured(
        "PASSPORT_FEED_SECRET is required when PASSPORT_FEED_URL is set."
    )

# Last, so that the checks above keep their own messages when this one also fails.
AUDIT_HMAC_KEY = os.environ.get("ACADEMY_AUDIT_KEY", "")
if len(AUDIT_HMAC_KEY) < 32:
    raise ImproperlyConfigured(
        "The ACADEMY_AUDIT_KEY environment variable is required in production (at "
        "least 32 random characters, kept outside the database): it keys the hashes "
        "of the audit trail."
    )
