from django.urls import path

from revalidation import views

app_name = "revalidation"

urlpatterns = [
    path("", views.PortfolioView.as_view(), name="portfolio"),
    path("cpd/plan/", views.PlanRecordView.as_view(), name="plan_record"),
    path(
        "cpd/unplanned/", views.UnplannedRecordView.as_view(), name="unplanned_record"
    ),
    path(
        "cpd/from-activity/",
        views.DraftFromActivityView.as_view(),
        name="draft_from_activity",
    ),
    path("cpd/<int:pk>/", views.CompleteRecordView.as_view(), name="record"),
    path(
        "cpd/<int:pk>/delete/", views.DeleteRecordView.as_view(), name="delete_record"
    ),
    path(
        "cpd/<int:pk>/complete/",
        views.RecordCompleteView.as_view(),
        name="record_complete",
    ),
    path(
        "exceptional-circumstances/",
        views.ExceptionalCircumstancesView.as_view(),
        name="exceptional_circumstances",
    ),
    path(
        "peer-discussion/", views.PeerDiscussionView.as_view(), name="peer_discussion"
    ),
    path(
        "reflective-account/",
        views.ReflectiveAccountView.as_view(),
        name="reflective_account",
    ),
    path("<int:pk>/portfolio.pdf", views.PortfolioPDFView.as_view(), name="pdf"),
    path("<int:pk>/text/", views.PortfolioTextView.as_view(), name="text"),
]
