from django.apps import AppConfig


class PassportConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "passport"
