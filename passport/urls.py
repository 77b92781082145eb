from django.urls import path

from passport.certificates import views as certificates
from passport.competences import views as passport_page
from passport.credentials import views as credentials
from passport.matrix import views as matrix
from passport.plans import views as plans
from passport.sharing import views as sharing

app_name = "passport"

urlpatterns = [
    path("", passport_page.PassportView.as_view(), name="passport"),
    path("download/", passport_page.PassportDownloadView.as_view(), name="download"),
    path(
        "certificates/<str:number>/download/",
        certificates.CertificateDownloadView.as_view(),
        name="download_certificate",
    ),
    path("plan/", plans.MyPlanView.as_view(), name="my_plan"),
    path("trainees/<int:pk>/plan/", plans.AssignPlanView.as_view(), name="assign_plan"),
    path(
        "plan-items/<int:pk>/due-date/",
        plans.ChangeDueDateView.as_view(),
        name="change_due_date",
    ),
    path(
        "credentials/",
        credentials.MyCredentialsView.as_view(),
        name="my_credentials",
    ),
    path(
        "credentials/<int:pk>.jwt",
        credentials.CompetenceCredentialView.as_view(),
        name="competence_credential",
    ),
    path(
        "credentials/<int:pk>.json",
        credentials.CompetenceCredentialJsonView.as_view(),
        name="competence_credential_json",
    ),
    path(
        "people/<int:pk>/passport.jwt",
        credentials.PassportBundleView.as_view(),
        name="passport_bundle",
    ),
    path(
        "recognition/",
        credentials.CheckCredentialView.as_view(),
        name="check_credential",
    ),
    path(
        "recognition/recognise/",
        credentials.RecogniseView.as_view(),
        name="recognise_competence",
    ),
    path(
        "recognition/recognised/",
        credentials.RecognisedCompetencesView.as_view(),
        name="recognised_competences",
    ),
    path("sharing/", sharing.SharingView.as_view(), name="sharing"),
    path(
        "sharing/<int:pk>/revoke/",
        sharing.RevokeShareLinkView.as_view(),
        name="revoke_share_link",
    ),
    path("shared/<str:token>/", sharing.shared_passport, name="shared_passport"),
    path("matrix/", matrix.choose_organisation, name="matrix_index"),
    path("matrix/<int:pk>/", matrix.MatrixView.as_view(), name="matrix"),
    path(
        "matrix/<int:pk>/export.<str:file_format>",
        matrix.export_matrix,
        name="matrix_export",
    ),
]
