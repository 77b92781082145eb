from django.apps import AppConfig


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
