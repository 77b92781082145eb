"""Production settings for benchmarks only: plain HTTP on localhost, a bare view URL."""

import os

os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 50)

from academy.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
