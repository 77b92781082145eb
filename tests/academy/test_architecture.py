"""The layout holds: imports flow one way down the apps, academy's URLs import no
other app, page models import no views, and no production module imports the demo."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Each app may import the apps before it (docs/architecture.md).
ORDER = [
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
    "demo",
]
OURS = {*ORDER, "bench"}


def _modules(app: str) -> list[Path]:
    return [
        path
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts and ".venv" not in path.parts
    ]


def _imported_apps(path: Path) -> set[tuple[str, str]]:
    """(app, module) for every import of our code in the file, at any depth."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found.update((name.split(".")[0], name) for name in names)
    return {(app, module) for app, module in found if app in OURS}


@pytest.mark.parametrize("app", ORDER)
def test_imports_flow_one_way_down_the_apps(app):
    allowed = set(ORDER[: ORDER.index(app) + 1])
    if app == "demo":
        allowed.add("bench")  # generate_scale_data builds on bench.scale_data
    wrong = {
        f"{path.relative_to(ROOT)} imports {module}"
        for path in _modules(app)
        for imported, module in _imported_apps(path)
        if imported not in allowed
    }
    assert not wrong


def test_the_check_itself_sees_an_upward_import(tmp_path):
    module = tmp_path / "upward.py"
    module.write_text("def f():\n    from passport.models import Competence\n")
    assert ("passport", "passport.models") in _imported_apps(module)


def test_academy_urls_import_no_other_app():
    assert {app for app, _ in _imported_apps(ROOT / "academy" / "urls.py")} <= {
        "academy"
    }


def test_page_models_import_no_views():
    for path in (ROOT / "courses" / "models").glob("*.py"):
        assert not {m for _, m in _imported_apps(path) if m.endswith("views")}, path


def test_production_settings_neither_install_nor_load_the_demo():
    """Starting production, with every URL and admin hook loaded, imports nothing of
    `demo` or `bench` (a fresh interpreter: the test settings install the demo)."""
    script = (
        "import django, sys\n"
        "django.setup()\n"
        "from django.conf import settings\n"
        "from django.urls import resolve\n"
        "from wagtail import hooks\n"
        "resolve('/')\n"
        "hooks.get_hooks('register_admin_urls')\n"
        "assert 'demo' not in settings.INSTALLED_APPS, settings.INSTALLED_APPS\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('demo', 'bench'))\n"
        "assert not loaded, loaded\n"
    )
    environment = {
        "DJANGO_SETTINGS_MODULE": "academy.settings.production",
        "SECRET_KEY": "production-like-" + "k" * 50,
        "PASSPORT_SIGNING_KEY": (
            '{"crv":"Ed25519","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A",'
            '"kid":"test","kty":"OKP","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}'
        ),
        "ACADEMY_AUDIT_KEY": "production-like-audit-key-" + "a" * 32,
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
