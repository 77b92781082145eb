"""Local development and the demo: SQLite, eager tasks, console e-mail."""

import os

from .base import *  # noqa: F403
from .base import env_bool

# The demo content and `load_demo` (never in production).
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405

DEBUG = env_bool("DEBUG", default=True)
SECRET_KEY = (
    os.environ.get("SECRET_KEY") or "dev-only-insecure-key-never-use-in-production"
)
# Not a secret: anyone can recompute the demo's audit chain. Production refuses to
# start without its own ACADEMY_AUDIT_KEY.
AUDIT_HMAC_KEY = (
    os.environ.get("ACADEMY_AUDIT_KEY") or "dev-only-audit-key-never-use-in-production"
)
