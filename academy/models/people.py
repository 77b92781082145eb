"""People and the places they work."""

from django.contrib.auth.models import (
    AbstractBaseUser,
    BaseUserManager,
    PermissionsMixin,
)
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .framework import Band


class UnitType(models.TextChoices):
    MHRA_LICENSED = "mhra", "MHRA-licensed unit"
    SECTION_10 = "s10", "Section 10 unit"


class Organisation(models.Model):
    """An NHS trust or unit, identified by its ODS code, in a regional network."""

    name = models.CharField(max_length=200)
    ods_code = models.CharField("ODS code", max_length=10, unique=True)
    unit_type = models.CharField(max_length=10, choices=UnitType.choices)
    region = models.CharField(
        max_length=100, help_text="Region or network, for example 'North West'."
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.ods_code})"


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **fields):
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **fields)

    def create_superuser(self, email: str, password: str | None = None, **fields):
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **fields)

    def get_by_natural_key(self, username: str):
        return self.get(**{f"{self.model.USERNAME_FIELD}__iexact": username})


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in with their e-mail address."""

    email = models.EmailField("e-mail address", unique=True)
    full_name = models.CharField(max_length=150)
    job_title = models.CharField(max_length=150, blank=True)
    band = models.PositiveSmallIntegerField(
        "Agenda for Change band", choices=Band.choices, null=True, blank=True
    )
    registration_number = models.CharField(
        "professional registration number",
        max_length=30,
        blank=True,
        help_text="For example a GPhC registration number, where the person has one.",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name="primary organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
    )
    is_staff = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)
    signing_blocked_until = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="After too many wrong signing passwords the account may not sign "
        "until then (academy.signing_blocks).",
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_session_auth_hash(self) -> str:
        """A session lasts while the password and any signing block are unchanged:
        blocking an account's signing ends every session of it."""
        if self.signing_blocked_until is None:
            return super().get_session_auth_hash()
        return salted_hmac(
            "academy.User.get_session_auth_hash",
            f"{self.password}|{self.signing_blocked_until.timestamp()}",
            algorithm="sha256",
        ).hexdigest()

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    def role_label(self) -> str:
        """The person's roles as printed beside their signature, e.g. 'Trainer'."""
        names = sorted(group.name for group in self.groups.all())
        if self.is_superuser:
            names.append("Administrator")
        return ", ".join(names) or "No role"

    # Wagtail's admin reads first_name/last_name for avatars and user listings.
    @property
    def first_name(self) -> str:
        return self.get_short_name()

    @property
    def last_name(self) -> str:
        parts = self.full_name.split(" ", 1)
        return parts[1] if len(parts) > 1 else ""
