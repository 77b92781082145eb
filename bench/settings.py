"""Production settings for benchmarks only: plain HTTP on localhost, a bare view URL."""

import os

from jwcrypto import jwk

os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 50)
os.environ.setdefault(
    "PASSPORT_SIGNING_KEY",
    jwk.JWK.generate(kty="OKP", crv="Ed25519", kid="bench-only").export_private(),
)
os.environ.setdefault("ACADEMY_AUDIT_KEY", "bench-only-audit-key-" + "x" * 32)
# The verification page's rate limiter still counts every request, but one client
# sending thousands a second must not be turned away, or the page measured is the 429.
os.environ.setdefault("VERIFY_RATE_LIMIT", "1000000/s")
# As in production: one Redis cache shared by every gunicorn process.
os.environ.setdefault("CACHE_URL", "redis://127.0.0.1:6379/12")

from academy.settings.production import *  # noqa: F403

# Scale data and the demo content it starts from.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
ROOT_URLCONF = "bench.urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# The load test's short run in the test suite signs its trainees in with a fast hasher
# so that its seconds go on assessments; `make load` keeps production's PBKDF2.
if os.environ.get("BENCH_FAST_PASSWORD_HASHER"):
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
