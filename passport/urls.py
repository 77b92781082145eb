from django.urls import path

from passport import views

app_name = "passport"

urlpatterns = [
    path("plan/", views.MyPlanView.as_view(), name="my_plan"),
    path("trainees/<int:pk>/plan/", views.AssignPlanView.as_view(), name="assign_plan"),
]
