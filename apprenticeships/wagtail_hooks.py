from wagtail import hooks
from wagtail.snippets.models import register_snippet

from apprenticeships.home import home_panels
from apprenticeships.integrity import progress_review_kind
from apprenticeships.viewsets import ApprenticeshipStandardViewSet

register_snippet(ApprenticeshipStandardViewSet)
hooks.register("home_page_panels", home_panels)
hooks.register("signed_record_kinds", progress_review_kind)
