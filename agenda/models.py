"""The private iCalendar feed token of each person."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone


class FeedToken(models.Model):
    """A person's calendar feed token. Only its SHA-256 digest is stored; revoking deletes it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agenda_feed_token"
    )
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    def __str__(self):
        return f"{self.user} feed"

    @staticmethod
    def digest_of(raw):
        return hashlib.sha256(raw.encode()).hexdigest()

    @classmethod
    def issue(cls, user):
        """Create or replace `user`'s token; return the raw token, shown to the person once."""
        raw = secrets.token_urlsafe(32)
        cls.objects.update_or_create(
            user=user, defaults={"digest": cls.digest_of(raw), "created_at": timezone.now()}
        )
        return raw

    @classmethod
    def user_for(cls, raw):
        token = (
            cls.objects.select_related("user")
            .filter(digest=cls.digest_of(raw), user__is_active=True)
            .first()
        )
        return token.user if token else None


class DigestSubscription(models.Model):
    """A person who asked for the weekly email digest of what is due (opt-in)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agenda_digest"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    last_sent_on = models.DateField(null=True, blank=True, editable=False)

    def __str__(self):
        return f"{self.user} weekly digest"
