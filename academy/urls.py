from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from academy import views

account_patterns = [
    path("sign-in/", views.SignInView.as_view(), name="sign_in"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="sign_out"),
    path("password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="registration/password_reset_done.html"
        ),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="registration/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    path("account/", include(account_patterns)),
    path("account/nhs-identity/", include("academy.identity.urls")),
    path(
        "accessibility/",
        views.AccessibilityStatementView.as_view(),
        name="accessibility_statement",
    ),
    path("learning/", include("courses.urls")),
    path("network/", include("trainers.urls")),
    path("passport/", include("passport.urls")),
    path(".well-known/", include("passport.credentials.well_known_urls")),
    path("assessments/", include("assessments.urls")),
    path("revalidation/", include("revalidation.urls")),
    path("apprenticeships/", include("apprenticeships.urls")),
    path("workforce/", include("workforce.urls")),
    path("notifications/", include("notifications.urls")),
    path("verify/", include("passport.certificates.verify_urls")),
    path("api/v1/", include("passport.api.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    # Wagtail's own sign-in page for private pages is unstyled: send its visitors to
    # the Academy's, keeping the page they were going to.
    path(
        "_util/login/",
        RedirectView.as_view(pattern_name="sign_in", query_string=True),
    ),
    path("", include("courses.lessons.urls")),
    path("", include(wagtail_urls)),
]

handler404 = "academy.views.page_not_found"
handler500 = "academy.views.server_error"
