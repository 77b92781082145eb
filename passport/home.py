"""What the passport adds to the home page through `home_page_panels`: a trainee's
competences to renew and recent awards, a trainer's trainees with overdue plan items,
and a training lead's expiring and overdue counts with the way to the matrix."""

from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils import timezone

from academy.home import (
    HomePanel,
    Line,
    LineList,
    Link,
    SummaryRow,
    Tag,
    long_date,
    panels_for,
)
from academy.roles import ADMINISTRATOR, TRAINEE, TRAINER, TRAINING_LEAD
from passport.certificates.queries import recent_certificates
from passport.competences.queries import competences_to_renew
from passport.competences.status import Status
from passport.findings.policies import may_review_signature_findings
from passport.matrix.queries import expiry_counts
from passport.models import SignatureFinding
from passport.plans.queries import overdue_items_in, trainees_with_overdue_items
from trainers.permissions import organisations_led_by, trainees_for_trainer

# Lists on the home page name the first few; the page they link to has them all.
SHOWN = 5
RECENT_AWARDS = 3


def renewals_panel(request) -> HomePanel:
    """The trainee's competences expiring soon or expired, soonest first."""
    to_renew = competences_to_renew(request.user, today=timezone.localdate())
    more = len(to_renew) - SHOWN
    notes = ()
    if to_renew:
        notes = (
            *([f"And {more} more in your passport."] if more > 0 else []),
            "Your training plan lists what to do to renew them.",
        )
    return HomePanel(
        "Competences to renew",
        lists=(
            LineList(
                tuple(
                    Line(
                        f"{competence.competency.code} {competence.competency.title}",
                        tag=Tag(words.label, words.colour),
                        detail=(
                            "Expired after"
                            if words.status == Status.EXPIRED
                            else "Valid until"
                        )
                        + f" {long_date(competence.expires_on)}",
                    )
                    for competence, words in to_renew[:SHOWN]
                ),
                bordered=True,
                empty="None of your competences expires in the next 60 days.",
            ),
        ),
        notes=notes,
        links=(Link("Your passport", reverse("passport:passport")),),
    )


def awards_panel(request) -> HomePanel:
    """The trainee's latest certificates, each to download."""
    return HomePanel(
        "Recent awards",
        lists=(
            LineList(
                tuple(
                    Line(
                        f"Certificate for {certificate.event.competence.competency.code}"
                        f" {certificate.event.competence.competency.title} (PDF)",
                        url=reverse(
                            "passport:download_certificate", args=[certificate.number]
                        ),
                        detail=f", issued {long_date(certificate.issued_at)}",
                    )
                    for certificate in recent_certificates(request.user)[:RECENT_AWARDS]
                ),
                empty=(
                    "You have no certificate yet: one is issued when you achieve a "
                    "competence."
                ),
            ),
        ),
        links=(
            Link("Share my passport", reverse("passport:sharing")),
            Link(
                "Digital certificates you can share", reverse("passport:my_credentials")
            ),
        ),
    )


def overdue_trainees_panel(request) -> HomePanel:
    """The trainer's trainees with overdue plan items, the most overdue first."""
    trainees = trainees_with_overdue_items(
        trainees_for_trainer(request.user), today=timezone.localdate()
    )
    shown = list(trainees[:SHOWN])
    count = trainees.count()
    return HomePanel(
        "Trainees with overdue plan items",
        intro=(
            (
                f"{count} of your trainees {pluralize(count, 'has,have')} overdue "
                "plan items.",
            )
            if shown
            else ()
        ),
        lists=(
            LineList(
                tuple(
                    Line(
                        trainee.full_name,
                        url=reverse("trainers:trainee_record", args=[trainee.pk]),
                        detail=f": {trainee.plan_overdue} overdue",
                    )
                    for trainee in shown
                ),
                empty="None of your trainees has an overdue plan item.",
            ),
        ),
        links=(Link("All your trainees", reverse("trainers:trainer_dashboard")),),
    )


def organisation_panel(request) -> HomePanel:
    """Across the organisations a training lead leads: competences expiring soon and
    expired, plan items overdue, and the matrix that shows who."""
    title = "Competences and plans"
    today = timezone.localdate()
    organisations = organisations_led_by(request.user)
    led = list(organisations.order_by("name")[:2])
    if not led:
        return HomePanel(title, intro=("You do not lead an organisation yet.",))
    counts = expiry_counts(organisations, today=today)
    one = led[0] if len(led) == 1 else None
    if one is None:
        matrix_url, matrix = reverse("passport:matrix_index"), "Competence matrix"
    else:
        matrix_url = reverse("passport:matrix", args=[one.pk])
        matrix = f"Competence matrix of {one.name}"

    def see_who(status: Status) -> Link | None:
        # The matrix filters by status within one organisation only.
        return Link("See who", f"{matrix_url}?status={status.value}") if one else None

    return HomePanel(
        title,
        rows=(
            SummaryRow(
                "Competences expiring in the next 60 days",
                counts[Status.EXPIRING],
                link=see_who(Status.EXPIRING),
            ),
            SummaryRow(
                "Competences expired",
                counts[Status.EXPIRED],
                link=see_who(Status.EXPIRED),
            ),
            SummaryRow(
                "Plan items overdue",
                overdue_items_in(organisations, today=today),
                link=Link("See staff", reverse("trainers:organisation_index")),
            ),
        ),
        links=(
            Link(matrix, matrix_url),
            Link(
                "Recognise competence from another Academy",
                reverse("passport:check_credential"),
            ),
        ),
    )


def signature_findings_panel(request) -> HomePanel:
    """For administrators: findings of the nightly signature check still open."""
    return HomePanel(
        "Signed records changed after signing",
        rows=(
            SummaryRow(
                "Open signature findings",
                SignatureFinding.objects.filter(resolved_at__isnull=True).count(),
                link=Link("Review in the admin", reverse("signature_findings:index")),
            ),
        ),
        notes=(
            'The competences an open finding supports read "Under review" until you '
            "resolve it.",
        ),
    )


# Each panel: the role it serves, its order in that role's section, its builder.
PANELS = [
    (TRAINEE, 40, renewals_panel),
    (TRAINEE, 50, awards_panel),
    (TRAINER, 20, overdue_trainees_panel),
    (TRAINING_LEAD, 10, organisation_panel),
]


def home_panels(request, roles):
    """This app's panels for the roles the person holds; open signature findings
    only for those who may review them."""
    panels = list(PANELS)
    if ADMINISTRATOR in roles and may_review_signature_findings(request.user):
        panels.append((ADMINISTRATOR, 20, signature_findings_panel))
    return panels_for(request, roles, panels)
