"""People and their personal API tokens."""

import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    """Creates people identified by their email address."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)


class User(AbstractUser):
    """A person using Parcours: job seeker, student, employee, mentor, manager or counsellor."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email"), unique=True)
    display_name = models.CharField(_("display name"), max_length=150)
    language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    time_zone = models.CharField(_("time zone"), max_length=64, default="UTC")
    hours_per_week = models.DecimalField(
        _("hours per week for career development"),
        max_digits=4,
        decimal_places=1,
        default=3,
        validators=[MinValueValidator(0), MaxValueValidator(80)],
        help_text=_("Used to judge whether a goal's plan fits the time you have."),
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    objects = UserManager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.display_name or self.email

    def get_full_name(self):
        return self.display_name

    def get_short_name(self):
        return self.display_name


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class ApiToken(models.Model):
    """A personal token for scripts. Only its SHA-256 digest is stored; the token is shown once."""

    owner_path = "user"  # who sees it: core.access

    PREFIX = "prc_"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    hint = models.CharField(max_length=12, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.name} ({self.hint}…)"

    @staticmethod
    def digest_of(raw_token):
        return hashlib.sha256(raw_token.encode()).hexdigest()

    @classmethod
    @transaction.atomic
    def issue(cls, user, name):
        """Create a token for `user`; return (token, raw) where raw is shown to the person once."""
        from core import audit

        raw = cls.PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user, name=name, digest=cls.digest_of(raw), hint=raw[: len(cls.PREFIX) + 4]
        )
        audit.record(
            user,
            audit.Action.API_TOKEN_CREATED,
            actor=user,
            effect=audit.Effect.GRANTED,
            obj=token,
            description=str(token),
        )
        return token, raw

    @classmethod
    def authenticate(cls, raw_token):
        """Return the active user owning `raw_token`, or None."""
        if not raw_token or not raw_token.startswith(cls.PREFIX):
            return None
        token = (
            cls.objects.active()
            .select_related("user")
            .filter(digest=cls.digest_of(raw_token), user__is_active=True)
            .first()
        )
        if token is None:
            return None
        now = timezone.now()
        # Write at most once a minute: scripts may call many times a second.
        if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
            cls.objects.filter(pk=token.pk).update(last_used_at=now)
        return token.user

    @property
    def is_active(self):
        return self.revoked_at is None

    @transaction.atomic
    def revoke(self):
        from core import audit

        if self.revoked_at is not None:
            return
        self.revoked_at = timezone.now()
        # Conditional, so that two revocations at once change it, and log it, only once.
        still_active = ApiToken.objects.filter(pk=self.pk, revoked_at__isnull=True)
        if still_active.update(revoked_at=self.revoked_at):
            audit.record(
                self.user,
                audit.Action.API_TOKEN_REVOKED,
                actor=self.user,
                effect=audit.Effect.REMOVED,
                obj=self,
                description=str(self),
            )


class AuthFailure(models.Model):
    """One failed attempt to authenticate (or one password-reset email sent), kept only as long
    as its window (accounts/throttle.py).

    A failed log-in is recorded under several keys (the account, the account from this address,
    the address, or the known device), so that each is counted (and cleared) on its own. Only a
    digest of the email address, IP address, device or token prefix is stored: the table says
    how often something failed, never who typed what.
    """

    class Scope(models.TextChoices):
        ACCOUNT = "account", _("account")
        ACCOUNT_ADDRESS = "account-address", _("account from one address")
        ADDRESS = "address", _("address")
        DEVICE = "device", _("known device")
        TOKEN_PREFIX = "token-prefix", _("API token prefix")
        TOKEN_ADDRESS = "token-address", _("API token address")
        RESET_ACCOUNT = "reset-account", _("password reset email to an account")
        RESET_ADDRESS = "reset-address", _("password reset email asked from an address")

    scope = models.CharField(max_length=16, choices=Scope.choices)
    key = models.CharField(max_length=64)
    at = models.DateTimeField(db_index=True)

    class Meta:
        indexes = [models.Index(fields=["scope", "key", "at"], name="accounts_authfail_lookup")]
        verbose_name = _("failed sign-in attempt")
        verbose_name_plural = _("failed sign-in attempts")

    def __str__(self):
        return f"{self.scope} {self.key[:8]} {self.at:%Y-%m-%d %H:%M:%S}"

    @staticmethod
    def key_of(value):
        return hashlib.sha256(value.strip().lower().encode()).hexdigest()
