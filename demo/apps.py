from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content and scale data: installed in development, tests, demo and
    benchmarks only, never in production."""

    name = "demo"
