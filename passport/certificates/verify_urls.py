"""The public certificate check, under /verify/."""

from django.urls import path

from passport.certificates import views

urlpatterns = [
    path("", views.VerifyFormView.as_view(), name="verify"),
    path("<str:code>/", views.VerificationView.as_view(), name="verify_certificate"),
]
