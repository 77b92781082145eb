from django.urls import reverse
from wagtail import hooks

from academy.models import User
from trainers.home import home_panels
from trainers.roles import role_names


@hooks.register("academy_primary_links")
def network_links(request):
    roles = role_names(request)
    if not request.user.is_authenticated:
        return []
    links = []
    if "Trainer" in roles:
        links.append(
            {
                "label": "Trainer dashboard",
                "url": reverse("trainers:trainer_dashboard"),
                "priority": 10,
            }
        )
    if "Mentor" in roles:
        links.append(
            {"label": "Mentees", "url": reverse("trainers:mentoring"), "priority": 14}
        )
    if "Training lead" in roles:
        links.append(
            {
                "label": "Organisation",
                "url": reverse("trainers:organisation_index"),
                "priority": 10,
            }
        )
    links.append(
        {
            "label": "Network directory",
            "url": reverse("trainers:directory"),
            "priority": 50,
        }
    )
    return links


@hooks.register("signing_blocked_recipients")
def training_leads_of_the_signer(signer):
    """The training leads of a signer's organisation hear of a block of their signing."""
    if signer.organisation_id is None:
        return []
    return User.objects.filter(
        lead_roles__organisation_id=signer.organisation_id,
        lead_roles__ends_on=None,
        is_active=True,
    ).distinct()


hooks.register("home_page_panels", home_panels)
