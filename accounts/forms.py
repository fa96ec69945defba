"""Forms for signing up, logging in, the profile and API tokens.

The profile form is the one rule for what a person may change about themselves: the profile page
and `PATCH /api/me` both validate through it.
"""

import logging

from django import forms
from django.conf import settings
from django.conf.locale import LANG_INFO
from django.contrib.auth import forms as auth_forms
from django.core.exceptions import ValidationError
from django.utils import formats, timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts import conf, devices, throttle, timezones
from accounts.models import ApiToken, User

logger = logging.getLogger(__name__)


class ParcoursFormMixin:
    """Render with the shared accessible templates: errors above each field, required markers.

    A language is offered under its own name ("Français", "English"), whatever the interface.
    """

    template_name = "core/forms/form.html"
    required_css_class = "required"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "language" in self.fields:
            self.fields["language"].choices = [
                (code, capfirst(LANG_INFO.get(code, {}).get("name_local", name)))
                for code, name in settings.LANGUAGES
            ]


def lockout_message(lock):
    """What a locked-out or slowed-down person reads: why, and when to come back."""
    if lock.slow:
        seconds = max(1, lock.seconds_left)
        return ngettext(
            "Too many failed attempts on this account: for its security, wait %(seconds)s "
            "second before trying again. On a device you signed in from before, the right "
            "password works at once; you can also reset your password.",
            "Too many failed attempts on this account: for its security, wait %(seconds)s "
            "seconds before trying again. On a device you signed in from before, the right "
            "password works at once; you can also reset your password.",
            seconds,
        ) % {"seconds": seconds}
    until = timezone.localtime(lock.until)
    return ngettext(
        "Too many failed attempts. For your security, signing in is paused: try again in "
        "%(minutes)s minute (after %(time)s).",
        "Too many failed attempts. For your security, signing in is paused: try again in "
        "%(minutes)s minutes (after %(time)s).",
        lock.minutes_left,
    ) % {"minutes": lock.minutes_left, "time": formats.date_format(until, "H:i T")}


class SignupForm(ParcoursFormMixin, auth_forms.BaseUserCreationForm):
    field_order = ["email", "display_name", "password1", "password2", "language"]

    class Meta:
        model = User
        fields = ["email", "display_name", "language"]
        widgets = {
            "email": forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
            "display_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "language": forms.Select(attrs={"autocomplete": "language"}),
        }
        help_texts = {
            "display_name": _("How Parcours and the people you work with will call you."),
            "language": _("You can change it at any time."),
        }

    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"]).strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError(
                _("An account already uses this email address. Log in, or reset your password."),
                code="duplicate_email",
            )
        return email

    def clean_display_name(self):
        name = self.cleaned_data["display_name"].strip()
        if not name:
            raise ValidationError(_("Enter the name to show."), code="required")
        return name


class LoginForm(ParcoursFormMixin, auth_forms.AuthenticationForm):
    """Email and password, throttled so that nobody can lock someone else out
    (accounts/throttle.py): failures lock one account from one address (or one known device),
    slow an account down from elsewhere, and lock an address trying many accounts."""

    username = forms.EmailField(
        label=_("Email"),
        widget=forms.EmailInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    error_messages = {
        "invalid_login": _(
            "This email and password do not match an account. Check them and try again, or "
            "reset your password."
        ),
        "inactive": _("This account is inactive."),
    }

    def clean(self):
        email = (self.cleaned_data.get("username") or "").strip().lower()
        address = throttle.client_address(self.request) if self.request else ""
        device = devices.known_device(self.request, email)
        if device:
            lock = throttle.lockout(throttle.Scope.DEVICE, device)
            failures = [(throttle.Scope.DEVICE, device), (throttle.Scope.ACCOUNT, email)]
        else:
            from_here = (throttle.Scope.ACCOUNT_ADDRESS, throttle.pair(email, address))
            lock = throttle.first_lockout(
                from_here, (throttle.Scope.ADDRESS, address)
            ) or throttle.slowdown(email)
            failures = [
                from_here,
                (throttle.Scope.ADDRESS, address),
                (throttle.Scope.ACCOUNT, email),
            ]
        if lock is not None:
            raise ValidationError(lockout_message(lock), code="locked")
        try:
            cleaned = super().clean()
        except ValidationError as error:
            if error.code == "invalid_login":
                throttle.record_failure(*failures)
            raise
        if self.user_cache is not None:
            throttle.clear(throttle.Scope.ACCOUNT, email)
            throttle.clear(throttle.Scope.ACCOUNT_ADDRESS, throttle.pair(email, address))
            if device:
                throttle.clear(throttle.Scope.DEVICE, device)
        return cleaned


class PasswordResetForm(ParcoursFormMixin, auth_forms.PasswordResetForm):
    """Sends the reset link in the language of the person it is for."""

    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        with translation.override(context["user"].language):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)

    def save(self, *args, request=None, **kwargs):
        """Send the link, unless this account or this address asked too often this hour.

        The page the person sees next is the same either way (no account enumeration, and no
        way to learn that a limit was reached): a handful of emails an hour is plenty for a
        person, and nobody can flood someone's inbox from Parcours.
        """
        email = self.cleaned_data["email"]
        address = throttle.client_address(request) if request else ""
        asked = [(throttle.Scope.RESET_ACCOUNT, email), (throttle.Scope.RESET_ADDRESS, address)]
        if throttle.first_lockout(*asked) is not None:
            logger.info("Password reset email not sent: too many asked this hour")
            return
        throttle.record_failure(*asked)
        super().save(*args, request=request, **kwargs)


class SetPasswordForm(ParcoursFormMixin, auth_forms.SetPasswordForm):
    pass


class PasswordChangeForm(ParcoursFormMixin, auth_forms.PasswordChangeForm):
    pass


class TimeZoneSelect(forms.Select):
    """A select grouped by region; keeps a stored legacy zone selectable."""

    def __init__(self, attrs=None):
        super().__init__(attrs={"autocomplete": "off", **(attrs or {})})

    def get_context(self, name, value, attrs):
        self.choices = timezones.choices_including(value)
        return super().get_context(name, value, attrs)


class ProfileForm(ParcoursFormMixin, forms.ModelForm):
    time_zone = forms.CharField(
        label=_("Time zone"),
        max_length=64,
        widget=TimeZoneSelect(),
        help_text=_("Dates and reminders are shown in this time zone."),
    )
    hours_per_week = forms.DecimalField(
        label=_("Hours per week for career development"),
        min_value=conf.HOURS_PER_WEEK_MIN,
        max_value=conf.HOURS_PER_WEEK_MAX,
        max_digits=4,
        decimal_places=1,
        help_text=_(
            "Between 0 and 80, e.g. 3 or 2.5. Used to judge whether a goal's plan fits the time "
            "you have."
        ),
        error_messages={
            "invalid": _("Enter a number of hours between 0 and 80, e.g. 3 or 2.5."),
            "min_value": _("Enter a number of hours between 0 and 80, e.g. 3 or 2.5."),
            "max_value": _("Enter a number of hours between 0 and 80, e.g. 3 or 2.5."),
            "max_digits": _("Enter a number of hours between 0 and 80, e.g. 3 or 2.5."),
            "max_whole_digits": _("Enter a number of hours between 0 and 80, e.g. 3 or 2.5."),
            "max_decimal_places": _("Use at most one decimal place, e.g. 2.5."),
        },
        widget=forms.NumberInput(attrs={"step": "0.5", "min": "0", "max": "80"}),
    )

    class Meta:
        model = User
        fields = ["display_name", "language", "time_zone", "hours_per_week"]
        widgets = {
            "display_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "language": forms.Select(attrs={"autocomplete": "language"}),
        }
        help_texts = {
            "display_name": _("How Parcours and the people you work with will call you."),
        }

    def clean_display_name(self):
        name = self.cleaned_data["display_name"].strip()
        if not name:
            raise ValidationError(_("Enter the name to show."), code="required")
        return name

    def clean_time_zone(self):
        name = self.cleaned_data["time_zone"].strip()
        if not timezones.is_valid(name):
            raise ValidationError(
                _("Choose a time zone from the list, e.g. America/Toronto or Europe/Paris."),
                code="invalid_time_zone",
            )
        return name


class ApiTokenForm(ParcoursFormMixin, forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=100,
        help_text=_("What the token is for, e.g. “weekly export script”."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise ValidationError(_("Give the token a name."), code="required")
        return name

    def clean(self):
        limit = conf.get("ACCOUNTS_MAX_ACTIVE_TOKENS")
        if ApiToken.objects.active().filter(user=self.user).count() >= limit:
            raise ValidationError(
                ngettext(
                    "You already have %(limit)s active token. Revoke one you no longer use first.",
                    "You already have %(limit)s active tokens. Revoke one you no longer use first.",
                    limit,
                )
                % {"limit": limit},
                code="too_many_tokens",
            )
        return super().clean()

    def save(self):
        """Create the token; return (token, raw) where raw is shown to the person once."""
        return ApiToken.issue(self.user, self.cleaned_data["name"])


class DeleteAccountForm(ParcoursFormMixin, forms.Form):
    """Deleting an account cannot be undone: the person confirms with their password."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(
                _("That is not your password: your account was not deleted."), code="wrong"
            )
        return password
