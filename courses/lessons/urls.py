"""Lesson pages, served ahead of Wagtail's page tree from one cached route
(included at the site root, before Wagtail's own URLs)."""

from django.urls import re_path

from courses.lessons.routing import LESSON_PATH_PATTERN, serve_lesson_path

urlpatterns = [re_path(LESSON_PATH_PATTERN, serve_lesson_path)]
