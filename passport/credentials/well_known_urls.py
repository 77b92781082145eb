"""Documents every Academy deployment publishes under /.well-known/ for verifiers."""

from django.urls import path

from passport.credentials import views as credentials

urlpatterns = [
    path(
        "academy-issuer.json",
        credentials.IssuerProfileView.as_view(),
        name="credential_issuer",
    ),
    path("jwks.json", credentials.JwksView.as_view(), name="credential_jwks"),
    path(
        "credential-status.jwt",
        credentials.StatusListView.as_view(),
        name="credential_status_list",
    ),
]
