from django.apps import AppConfig


class ApprenticeshipsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "apprenticeships"
    verbose_name = "Apprenticeships"
