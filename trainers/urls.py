from django.urls import path, re_path

from trainers.views import dashboards, directory, mentorship, organisation, records

app_name = "trainers"

urlpatterns = [
    path(
        "trainer/", dashboards.TrainerDashboardView.as_view(), name="trainer_dashboard"
    ),
    path("mentoring/", dashboards.MentoringView.as_view(), name="mentoring"),
    path(
        "trainees/<int:pk>/", records.TraineeRecordView.as_view(), name="trainee_record"
    ),
    path("directory/", directory.DirectoryView.as_view(), name="directory"),
    path(
        "directory/my-entry/",
        directory.DirectoryProfileView.as_view(),
        name="directory_profile",
    ),
    path(
        "directory/<int:pk>/",
        directory.DirectoryEntryView.as_view(),
        name="directory_entry",
    ),
    path("mentoring/<int:pk>/", mentorship.MentorshipView.as_view(), name="mentorship"),
    re_path(
        r"^mentoring/(?P<pk>[0-9]+)/(?P<action>accept|decline|end)/$",
        mentorship.MentorshipActionView.as_view(),
        name="mentorship_action",
    ),
    path(
        "organisation/",
        organisation.OrganisationIndexView.as_view(),
        name="organisation_index",
    ),
    path(
        "organisations/<int:pk>/",
        organisation.OrganisationView.as_view(),
        name="organisation",
    ),
    path(
        "organisations/<int:pk>/assign-trainer/",
        organisation.AssignTrainerView.as_view(),
        name="assign_trainer",
    ),
    path(
        "organisations/<int:pk>/accredit/",
        organisation.GrantAccreditationView.as_view(),
        name="grant_accreditation",
    ),
    path(
        "supervisions/<int:pk>/end/",
        organisation.EndSupervisionView.as_view(),
        name="end_supervision",
    ),
]
