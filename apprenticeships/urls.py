from django.urls import path

from apprenticeships import views

app_name = "apprenticeships"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("apprentices.csv", views.ExportView.as_view(), name="export"),
    path("<int:pk>/", views.ApprenticeshipView.as_view(), name="detail"),
    path("<int:pk>/hours/", views.LogHoursView.as_view(), name="log_hours"),
    path("<int:pk>/review/", views.RecordReviewView.as_view(), name="record_review"),
    path("reviews/<int:pk>/", views.ReviewView.as_view(), name="review"),
]
