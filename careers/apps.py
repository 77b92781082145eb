from django.apps import AppConfig


class CareersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "careers"
    verbose_name = "Careers"

    def ready(self) -> None:
        from careers import views  # noqa: F401  (registers the poster's view)
