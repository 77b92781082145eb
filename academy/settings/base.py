"""Settings shared by every environment; deploy-specific values come from the environment."""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name: str, default: str = "") -> list[str]:
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {
        "1",
        "true",
        "yes",
        "on",
    }


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", default=False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "academy",
    "notifications",
    "courses",
    "careers",
    "trainers",
    "passport",
    "assessments",
    "revalidation",
    "apprenticeships",
    "workforce",
    "wagtailnhsukfrontend",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "academy.apps.AcademyUsersConfig",  # wagtail.users, with the Academy's person forms
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "knox",
    "drf_spectacular",
    "guardian",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "academy.middleware.CurrentUserMiddleware",
    "academy.middleware.KeysInRangeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that a locked-out sign-in gets the Academy's own lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "academy.urls"
WSGI_APPLICATION = "academy.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "academy.context_processors.site_shell",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
    "DATABASE_PREPARED_STATEMENTS", default=True
):
    # Parameters bound on the server, so psycopg prepares a query on a connection's
    # third use and PostgreSQL plans it once, not on every request: planning the
    # pages' joins cost more than running them. Set DATABASE_PREPARED_STATEMENTS=0
    # behind a pooler in transaction mode that cannot keep prepared statements.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True, prepare_threshold=2
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded database has one writer at a time. Each transaction takes the
    # write lock when it begins (IMMEDIATE), so two submissions cannot both read and
    # then fail to upgrade, and waits up to the busy timeout for it: concurrent
    # submissions queue instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE",
        timeout=float(os.environ.get("SQLITE_BUSY_TIMEOUT", "20")),
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "academy.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "sign_in"
# Pages an editor restricts to signed-in people send visitors to the Academy's own
# sign-in page, not Wagtail's unstyled one.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 2

# Sign-in throttling: five failures for one e-mail address from one client locks it
# for 30 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "academy.forms.sign_in_email"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# guardian: no anonymous user row; anonymous visitors never hold object permissions.
ANONYMOUS_USER_NAME = None
GUARDIAN_RAISE_403 = False

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Files people upload as evidence or that the Academy issues: never under MEDIA_URL.
PRIVATE_STORAGE_ROOT = Path(
    os.environ.get("PRIVATE_STORAGE_ROOT", BASE_DIR / "private")
)
WORKPLACE_EVIDENCE_MAX_BYTES = 10 * 1024 * 1024

# The audit trail (academy.audit_chain). Every event's hash is an HMAC-SHA256 under
# this key, which is never stored in the database: without it, nobody who can write
# to the database can recompute a chain that verifies. Production refuses to start
# without it; keys retired by a rotation stay listed (comma-separated) so that the
# events and checkpoints they signed still verify.
AUDIT_HMAC_KEY = os.environ.get("ACADEMY_AUDIT_KEY", "")
AUDIT_HMAC_RETIRED_KEYS = env_list("ACADEMY_AUDIT_RETIRED_KEYS")
# Where the hourly signed checkpoints of the chain are written: outside the database,
# ideally on storage the database's administrators cannot rewrite. A STORAGES entry
# "audit_checkpoints" (e.g. object storage with a retention lock), when present, is
# used instead of this directory.
AUDIT_CHECKPOINT_DIR = Path(
    os.environ.get("ACADEMY_AUDIT_CHECKPOINT_DIR")
    or PRIVATE_STORAGE_ROOT / "audit-checkpoints"
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Technical Services Skills Academy <academy@academy.example>"
)

# Celery: with no broker configured, tasks run eagerly in the web process.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", "") or None
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
# Nothing reads task results. Storing none also keeps a result backend out of
# enqueueing: with Redis down, a fresh process would retry it for ~20 s per task.
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Celery closes Django's database connections after every task unless told to reuse
# them; opening one costs more than a certificate's queries. A worker keeps its
# connection for this many tasks; academy.celery checks it before each one.
CELERY_DB_REUSE_MAX = 1000
# Seconds before Redis hands a task whose worker died (unacknowledged) to another
# worker; longer than the longest task.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "3600"))
}
CELERY_TIMEZONE = "UTC"
from academy.settings.beat import CELERY_BEAT_SCHEDULE  # noqa: E402, F401

# The national passport feed: competence changes are POSTed as JSON signed with
# HMAC-SHA256 over the body. Empty URL: the feed is off and events stay queued.
PASSPORT_FEED_URL = os.environ.get("PASSPORT_FEED_URL", "")
PASSPORT_FEED_SECRET = os.environ.get("PASSPORT_FEED_SECRET", "")
PASSPORT_FEED_TIMEOUT = int(os.environ.get("PASSPORT_FEED_TIMEOUT", "10"))

# The read API under /api/v1/: token authentication only, JSON only.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["knox.auth.TokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
}
# API tokens (django-rest-knox): kept as SHA-512 digests, shown once when issued;
# administrators choose when each stops working (passport.api.tokens).
REST_KNOX = {"AUTH_HEADER_PREFIX": "Token", "TOKEN_TTL": None}
SPECTACULAR_SETTINGS = {
    "TITLE": "Technical Services Skills Academy: skills passport API",
    "DESCRIPTION": "A holder's competences, for authorised consumers with a token.",
    "VERSION": "1.0.0",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "PREPROCESSING_HOOKS": ["passport.api.schema.passport_api_only"],
}

# Wagtail's own background work (reference index, search) uses django-tasks.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

SERVICE_NAME = "Technical Services Skills Academy"
WAGTAIL_SITE_NAME = SERVICE_NAME
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "txt"]
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
# No autosave. On a create form it saves the new page or snippet as the editor types,
# so an abandoned page is left as a draft whose slug blocks the next one, and a Save
# clicked before the autosave's answer posts the create form again: a duplicate. On
# an edit form it saves revisions nobody chose to make, each one sending content in
# review back for re-approval.
WAGTAIL_AUTOSAVE_INTERVAL = 0
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from an external service: the Academy makes no third-party requests.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content security policy for every page the Academy serves itself: scripts and
# styles only from our own static files (no inline scripts), fonts from the NHS.UK
# assets service, lesson videos from the embed providers editors may use. Inline
# style attributes stay allowed (progress bars, hero images). The Wagtail admin,
# which is for staff only, keeps Wagtail's own scripts and is left out.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "https://assets.nhs.uk"],
        "frame-src": [
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# Process validations (broth transfer, gowning, finger dabs).
# Each kind of validation counts towards one competency of the framework, by code.
ACADEMY_VALIDATION_COMPETENCIES = {
    "broth_transfer": "ASP-08",
    "gowning": "ASP-02",
    "finger_dab": "ASP-09",
}
# An adverse finger-dab trend: at least `excursions` sessions with growth above the
# Grade A limit within the operator's last `sessions` sessions. It suspends the
# operator's broth transfer validation (ASP-08) until their next broth pass.
ACADEMY_FINGER_DAB_TREND = {"excursions": 2, "sessions": 5}
# Grade A glove prints and gown contact plates: EU GMP Annex 1 expects no growth,
# so the most colony-forming units a single plate may show and still pass is 0.
ACADEMY_GRADE_A_CFU_LIMIT = 0
# Broth transfer units are incubated for 14 days (7 at 20-25 C, 7 at 30-35 C) before
# they are read.
ACADEMY_BROTH_INCUBATION_DAYS = 14
# Public certificate verification: requests per client IP address. Behind a proxy,
# RATELIMIT_IP_META_KEY names the header that carries the client's address.
VERIFY_RATE_LIMIT = os.environ.get("VERIFY_RATE_LIMIT", "30/m")
RATELIMIT_IP_META_KEY = os.environ.get("RATELIMIT_IP_META_KEY") or None
# Lessons and sites stay cached until a change starts a new generation of them
# (academy.generations). One process (runserver, tests) sees its own changes.
GENERATION_CACHE = True
# Rate limits count in the cache: shared across processes only with a shared cache.
# "process" is each process's own memory, for values that may be a few minutes old.
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["CACHE_URL"],
        }
        if os.environ.get("CACHE_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    ),
    "process": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "academy-process",
    },
}
# WeasyPrint narrates every render at INFO.
LOGGING["loggers"].update(
    {"weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}}
)
# Verifiable credentials (Open Badges 3.0). The issuer is identified by its base URL;
# PASSPORT_SIGNING_KEY is a private JWK (JSON), required in production. Credentials
# from other Academy deployments are recognised only from the trusted issuers' base
# URLs listed here; this deployment is always trusted.
PASSPORT_ISSUER_URL = os.environ.get("PASSPORT_ISSUER_URL", WAGTAILADMIN_BASE_URL)
PASSPORT_SIGNING_KEY = os.environ.get("PASSPORT_SIGNING_KEY", "")
PASSPORT_TRUSTED_ISSUERS = env_list("PASSPORT_TRUSTED_ISSUERS")
PASSPORT_ISSUER_FETCH_TIMEOUT = float(
    os.environ.get("PASSPORT_ISSUER_FETCH_TIMEOUT", "5")
)
PASSPORT_FRAMEWORK_NAME = (
    "National competency framework for pharmacy technical services"
)

from academy.settings.identity import *  # noqa: E402, F403
