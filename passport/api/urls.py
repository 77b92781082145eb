"""URLs of the passport API, version 1. Each kind of holder record is one line in
HOLDER_RECORDS and is served both for the token's own user and for a holder by id."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from passport.api import views

HOLDER_RECORDS = {
    "competences": views.CompetenceList,
}

app_name = "api"
urlpatterns = [path("schema/", SpectacularAPIView.as_view(), name="schema")]
for records, view in HOLDER_RECORDS.items():
    urlpatterns += [
        path(f"me/{records}/", view.as_view(), name=f"my_{records}"),
        path(
            f"holders/<int:holder_id>/{records}/",
            view.as_view(),
            name=f"holder_{records}",
        ),
    ]
