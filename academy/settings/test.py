"""The test suite: fast hashing, eager tasks unless a test starts a real worker."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import DATABASES, env_bool

INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405

DEBUG = False
SECRET_KEY = "test-only-key-not-secret"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CELERY_BROKER_URL = os.environ.get("TEST_CELERY_BROKER_URL", "memory://")
# Eager, except in the Celery workers that tests start: those queue further tasks
# through the broker, as in production.
CELERY_TASK_ALWAYS_EAGER = env_bool("TEST_CELERY_EAGER", default=True)
WHITENOISE_AUTOREFRESH = True
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# Not a secret: the tests recompute hashes with it, and forge with other keys.
AUDIT_HMAC_KEY = "test-only-audit-key-not-secret"
AUDIT_HMAC_RETIRED_KEYS: list[str] = []
# Each test process its own checkpoints, never a developer's demo ones (the tests set
# a directory of their own; this covers the Celery workers that tests start).
AUDIT_CHECKPOINT_DIR = (
    Path(tempfile.gettempdir()) / f"academy-test-audit-checkpoints-{os.getpid()}"
)
# SQLite whose flush (the cleanup of transactional tests) may empty the append-only
# tables; everywhere else their DELETE triggers hold (academy.append_only).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["ENGINE"] = "academy.testing_sqlite3"
    # In memory, named so: pytest-xdist's per-process suffix would otherwise turn the
    # test database of an engine it does not know as SQLite into a file name.
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}
