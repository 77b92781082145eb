from django.apps import AppConfig


class CoursesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "courses"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import post_page_move

        from courses import views  # noqa: F401  (registers the page-serving views)
        from courses.lessons.routing import forget_pages

        # Cached lessons and outlines go out of date with any page or view restriction.
        post_save.connect(forget_pages, dispatch_uid="courses.forget_pages.save")
        post_delete.connect(forget_pages, dispatch_uid="courses.forget_pages.delete")
        post_page_move.connect(forget_pages, dispatch_uid="courses.forget_pages.move")
