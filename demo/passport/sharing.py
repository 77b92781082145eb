"""Demo data for the competence matrix and passport sharing: Northshire staff holding
competences in every status, and one share link of Priya Shah's that has been opened."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from academy.models import Competency, Organisation, User
from academy.revalidation import add_months
from demo.academy import DEMO_PASSWORD
from passport.competences.services import (
    award_competence,
    revoke_competence,
    suspend_competence,
)
from passport.models import Competence, ShareLink
from passport.sharing.services import create_share_link, record_share_view

# Staff of Northshire's aseptic unit who never sign in: they fill the lead's matrix.
NORTHSHIRE_STAFF = [
    ("aisha.khan@academy.example", "Aisha Khan", 2, "Assistant technical officer"),
    ("ben.carter@academy.example", "Ben Carter", 3, "Senior assistant technical officer"),
    ("chloe.evans@academy.example", "Chloe Evans", 4, "Pharmacy technician"),
    ("daniel.wright@academy.example", "Daniel Wright", 5, "Senior pharmacy technician"),
    ("emma.hughes@academy.example", "Emma Hughes", 4, "Pharmacy technician"),
    ("farid.rahman@academy.example", "Farid Rahman", 3, "Senior assistant technical officer"),
]  # fmt: skip

# Whose competences, in which state: (e-mail, codes, state).
HOLDINGS = [
    ("trainer@academy.example", ["COR-01", "ASP-01", "ASP-02", "ASP-03"], "current"),
    ("lead@academy.example", ["COR-01", "ASP-01"], "current"),
    ("aisha.khan@academy.example", ["ASP-01"], "current"),
    ("ben.carter@academy.example", ["COR-01", "ASP-01"], "current"),
    ("ben.carter@academy.example", ["ASP-02"], "expired"),
    ("chloe.evans@academy.example", ["COR-01", "ASP-01", "ASP-02"], "current"),
    ("chloe.evans@academy.example", ["ASP-03"], "suspended"),
    ("daniel.wright@academy.example", ["COR-01", "ASP-01", "ASP-02", "ASP-03"], "current"),
    ("emma.hughes@academy.example", ["ASP-01"], "revoked"),
    ("emma.hughes@academy.example", ["COR-01"], "expiring"),
    ("farid.rahman@academy.example", ["ASP-01"], "current"),
    ("farid.rahman@academy.example", ["COR-01"], "expired"),
]  # fmt: skip


def _achieved_on(competency: Competency, state: str, today: date) -> date:
    """A date of achievement that puts the competence in the state wanted."""
    months = competency.revalidation_months
    if state == "expired" and months:
        return add_months(today, -months) - timedelta(days=20)
    if state == "expiring" and months:
        return add_months(today, -months) + timedelta(days=30)
    return today - timedelta(days=90)


@transaction.atomic
def load() -> str:
    """Create the staff, competences and share link once; running it again changes
    nothing."""
    northshire = Organisation.objects.get(ods_code="RBS")
    for email, name, band, job_title in NORTHSHIRE_STAFF:
        if not User.objects.filter(email=email).exists():
            User.objects.create_user(
                email,
                None,
                full_name=name,
                band=band,
                job_title=job_title,
                organisation=northshire,
            )
    lead = User.objects.get(email="lead@academy.example")
    people = {
        u.email: u for u in User.objects.filter(email__endswith="@academy.example")
    }
    codes = {c.code: c for c in Competency.objects.filter(live=True)}
    today = timezone.localdate()
    awarded = 0
    for email, competency_codes, state in HOLDINGS:
        holder = people[email]
        for code in competency_codes:
            competency = codes[code]
            if Competence.objects.filter(holder=holder, competency=competency).exists():
                continue
            event = award_competence(
                holder=holder,
                competency=competency,
                achieved_on=_achieved_on(competency, state, today),
                evidence={"demo": "Recorded by the training lead from paper records"},
                awarded_by=lead,
            )
            awarded += 1
            change = {"suspended": suspend_competence, "revoked": revoke_competence}
            if state in change:
                change[state](
                    competence=event.competence,
                    signed_by=lead,
                    role="Training lead",
                    reason="Failed broth transfer validation: retraining arranged"
                    if state == "suspended"
                    else "Left aseptic services; competence no longer maintained",
                    password=DEMO_PASSWORD,
                )
    priya = people["trainee@academy.example"]
    shared = ""
    if not ShareLink.objects.filter(holder=priya).exists():
        created = create_share_link(holder=priya, expires_on=today + timedelta(days=90))
        record_share_view(
            link=created.link,
            address="203.0.113.42",
            user_agent="Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edge/131.0",
        )
        shared = " and a share link of Priya Shah's, opened once"
    return f"Competence matrix: {awarded} competences awarded{shared}."
