from django.apps import AppConfig


class RevalidationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "revalidation"
    verbose_name = "GPhC revalidation"
