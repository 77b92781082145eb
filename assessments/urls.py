from django.urls import path

from assessments import views

app_name = "assessments"

urlpatterns = [
    path("", views.my_assessments_view, name="my_assessments"),
    path(
        "modules/<int:module_id>/",
        views.module_assessment,
        name="module_assessment",
    ),
    path(
        "modules/<int:module_id>/start/",
        views.start_attempt_view,
        name="start_attempt",
    ),
    path("attempts/<int:pk>/", views.attempt_view, name="attempt"),
    path("attempts/<int:pk>/autosave/", views.autosave_view, name="autosave"),
    path("attempts/<int:pk>/result/", views.result_view, name="result"),
]
