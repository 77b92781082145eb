"""A registered person's GPhC revalidation portfolio: one year per renewal date, its
CPD records, peer discussion and reflective account, and the standards the GPhC asks
reflective accounts to address (a snippet, since the GPhC changes them)."""

from django.conf import settings
from django.db import models

from revalidation import rules


class RevalidationStandard(models.Model):
    """A GPhC standard a reflective account may be written against, for the
    revalidation years whose renewal date falls in its dates."""

    code = models.CharField(max_length=20, help_text="For example 'Standard 1'.")
    title = models.CharField(max_length=255)
    applies_from = models.DateField(
        help_text="The first renewal date for which reflective accounts use it."
    )
    applies_until = models.DateField(
        null=True,
        blank=True,
        help_text="The last renewal date for which it applies; empty while current.",
    )

    class Meta:
        ordering = ["applies_from", "code"]

    def __str__(self) -> str:
        return f"{self.code}: {self.title}"


class RevalidationYear(models.Model):
    """A person's revalidation year, closed by their registration renewal date."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="revalidation_years",
    )
    renewal_date = models.DateField(
        help_text="The registration renewal date that closes this year and its "
        "submission window."
    )
    reduced_cpd_records = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="The number of CPD records agreed with the GPhC for exceptional "
        "circumstances; empty for the usual four.",
    )
    exceptional_circumstances = models.TextField(blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-renewal_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "renewal_date"], name="one_revalidation_year_per_date"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person}: revalidation year to {self.renewal_date:%-d %B %Y}"

    @property
    def bounds(self) -> rules.YearBounds:
        return rules.year_ending(self.renewal_date)

    @property
    def requirement(self) -> rules.Requirement:
        return rules.requirement(reduced_cpd_records=self.reduced_cpd_records)


class CPDKind(models.TextChoices):
    PLANNED = rules.PLANNED, "Planned"
    UNPLANNED = rules.UNPLANNED, "Unplanned"


class ActivitySource(models.TextChoices):
    MODULE = "module", "Completed e-learning module"
    KNOWLEDGE = "knowledge", "Passed knowledge assessment"
    WORKPLACE = "workplace", "Signed workplace assessment"


class CPDRecord(models.Model):
    """One CPD record: planned ones start with a timestamped plan (what, why it is
    relevant) and are completed after the learning; unplanned ones describe learning
    that happened, often drafted from Academy activity. Until its benefit to people
    using services is written and it is completed, a record is a draft."""

    year = models.ForeignKey(
        RevalidationYear, on_delete=models.CASCADE, related_name="cpd_records"
    )
    kind = models.CharField(max_length=10, choices=CPDKind.choices)
    what = models.TextField("what you are planning to learn or learned")
    why_relevant = models.TextField("why it is relevant to your practice", blank=True)
    planned_at = models.DateTimeField(
        null=True, blank=True, help_text="When the plan was made, for planned records."
    )
    learned_on = models.DateField("date of the learning", null=True, blank=True)
    how = models.TextField("how you learned", blank=True)
    benefit = models.TextField("the benefit to people using services", blank=True)
    evidence = models.TextField(blank=True)
    source = models.CharField(max_length=10, choices=ActivitySource.choices, blank=True)
    source_key = models.CharField(
        max_length=40,
        blank=True,
        help_text="The Academy record it was drafted from, e.g. 'module:12'.",
    )
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "source_key"],
                condition=~models.Q(source_key=""),
                name="one_cpd_record_per_activity_per_year",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} CPD record: {self.what[:60]}"

    @property
    def facts(self) -> rules.CPDFacts:
        return rules.CPDFacts(
            kind=self.kind,
            what=self.what,
            benefit=self.benefit,
            completed=self.completed_at is not None,
        )

    @property
    def counts(self) -> bool:
        return rules.counts(self.facts)


class PeerDiscussion(models.Model):
    """The year's peer discussion: who with, when, and what changed in practice."""

    year = models.OneToOneField(
        RevalidationYear, on_delete=models.CASCADE, related_name="peer_discussion"
    )
    peer_name = models.CharField("the peer's name", max_length=150)
    peer_role = models.CharField("the peer's role", max_length=150)
    discussed_on = models.DateField("date of the discussion")
    what_changed = models.TextField("what changed in your practice as a result")
    updated_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Peer discussion with {self.peer_name}"


class ReflectiveAccount(models.Model):
    """The year's reflective account against one or more of the year's standards."""

    year = models.OneToOneField(
        RevalidationYear, on_delete=models.CASCADE, related_name="reflective_account"
    )
    standards = models.ManyToManyField(RevalidationStandard, related_name="+")
    account = models.TextField("your reflective account")
    written_on = models.DateField()
    updated_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Reflective account of {self.year}"
