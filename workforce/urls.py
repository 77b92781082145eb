from django.urls import path

from workforce import views

app_name = "workforce"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("<slug:table>.csv", views.DashboardCsvView.as_view(), name="csv"),
]
