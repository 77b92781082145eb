from wagtail import hooks
from wagtail.snippets.models import register_snippet

from revalidation.home import home_panels
from revalidation.viewsets import RevalidationStandardViewSet

register_snippet(RevalidationStandardViewSet)
hooks.register("home_page_panels", home_panels)
