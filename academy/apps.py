from django.apps import AppConfig
from wagtail.users import apps as wagtail_users


class AcademyConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "academy"
    verbose_name = "Academy"

    def ready(self) -> None:
        from django.contrib.auth import signals as auth_signals
        from django.db.models.signals import m2m_changed, post_delete, post_save
        from wagtail import signals as wagtail_signals
        from wagtail.models import Site

        from academy import audit_receivers
        from academy.models import User
        from academy.sites import forget_sites

        auth_signals.user_logged_in.connect(audit_receivers.on_signed_in)
        auth_signals.user_logged_out.connect(audit_receivers.on_signed_out)
        auth_signals.user_login_failed.connect(audit_receivers.on_sign_in_failed)
        m2m_changed.connect(
            audit_receivers.on_roles_changed, sender=User.groups.through
        )
        wagtail_signals.published.connect(audit_receivers.on_published)
        post_save.connect(forget_sites, sender=Site)
        post_delete.connect(forget_sites, sender=Site)


class AcademyUsersConfig(wagtail_users.WagtailUsersAppConfig):
    """Wagtail's users app, with the Academy's person forms in the admin
    (`academy.people_admin`); listed in INSTALLED_APPS instead of "wagtail.users"."""

    default = False  # not the "academy" app's own configuration
    user_viewset = "academy.people_admin.PersonViewSet"
