"""What the passport adds to the home page through `home_page_panels`: a trainee's
competences to renew and recent awards, a trainer's trainees with overdue plan items,
and a training lead's expiring and overdue counts with the way to the matrix."""

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from academy.roles import ADMINISTRATOR, TRAINEE, TRAINER, TRAINING_LEAD
from passport.certificates.queries import recent_certificates
from passport.competences.queries import competences_to_renew
from passport.competences.status import STATUS_WORDS, Status
from passport.findings.policies import may_review_signature_findings
from passport.matrix.queries import expiry_counts
from passport.models import SignatureFinding
from passport.plans.queries import overdue_items_in, trainees_with_overdue_items
from trainers.permissions import organisations_led_by, trainees_for_trainer

# Lists on the home page name the first few; the page they link to has them all.
SHOWN = 5
RECENT_AWARDS = 3


class RenewalsPanel(Component):
    """The trainee's competences expiring soon or expired, soonest first."""

    role = TRAINEE
    order = 40
    template_name = "passport/home/renewals.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        lines = competences_to_renew(self.request.user, today=timezone.localdate())
        return {"lines": lines[:SHOWN], "more": max(len(lines) - SHOWN, 0)}


class AwardsPanel(Component):
    """The trainee's latest certificates, each to download."""

    role = TRAINEE
    order = 50
    template_name = "passport/home/awards.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        return {
            "certificates": list(recent_certificates(self.request.user)[:RECENT_AWARDS])
        }


class OverdueTraineesPanel(Component):
    """The trainer's trainees with overdue plan items, the most overdue first."""

    role = TRAINER
    order = 20
    template_name = "passport/home/overdue_trainees.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        trainees = trainees_with_overdue_items(
            trainees_for_trainer(self.request.user), today=timezone.localdate()
        )
        return {"trainees": list(trainees[:SHOWN]), "count": trainees.count()}


class OrganisationPanel(Component):
    """Across the organisations a training lead leads: competences expiring soon and
    expired, plan items overdue, and the matrix that shows who."""

    role = TRAINING_LEAD
    order = 10
    template_name = "passport/home/organisation.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        organisations = organisations_led_by(self.request.user)
        led = list(organisations.order_by("name")[:2])
        if not led:
            return {"leads_any": False}
        counts = expiry_counts(organisations, today=today)
        matrix_url = (
            reverse("passport:matrix", args=[led[0].pk])
            if len(led) == 1
            else reverse("passport:matrix_index")
        )
        return {
            "leads_any": True,
            "organisation": led[0] if len(led) == 1 else None,
            "expiring": counts[Status.EXPIRING],
            "expired": counts[Status.EXPIRED],
            "overdue": overdue_items_in(organisations, today=today),
            "matrix_url": matrix_url,
            "expiring_url": (
                f"{matrix_url}?status={Status.EXPIRING.value}" if len(led) == 1 else ""
            ),
            "expired_url": (
                f"{matrix_url}?status={Status.EXPIRED.value}" if len(led) == 1 else ""
            ),
            "expiring_label": STATUS_WORDS[Status.EXPIRING].label,
            "expired_label": STATUS_WORDS[Status.EXPIRED].label,
            "organisation_url": reverse("trainers:organisation_index"),
        }


class SignatureFindingsPanel(Component):
    """For administrators: findings of the nightly signature check still open."""

    role = ADMINISTRATOR
    order = 20
    template_name = "passport/home/signature_findings.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        return {
            "count": SignatureFinding.objects.filter(resolved_at__isnull=True).count(),
            "url": reverse("signature_findings:index"),
        }


def home_panels(request, roles):
    """This app's panels for the roles the person holds."""
    panels = []
    if TRAINEE in roles:
        panels += [RenewalsPanel(request), AwardsPanel(request)]
    if TRAINER in roles:
        panels.append(OverdueTraineesPanel(request))
    if TRAINING_LEAD in roles:
        panels.append(OrganisationPanel(request))
    if ADMINISTRATOR in roles and may_review_signature_findings(request.user):
        panels.append(SignatureFindingsPanel(request))
    return panels
