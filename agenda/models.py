"""The private iCalendar feed token of each person."""

import hashlib
import secrets

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone


class FeedToken(models.Model):
    """A person's calendar feed token. Only its SHA-256 digest is stored; revoking deletes it."""

    owner_path = "user"  # who sees it: core.access

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
    @transaction.atomic
    def issue(cls, user):
        """Create or replace `user`'s token; return the raw token, shown to the person once."""
        from core import audit

        raw = secrets.token_urlsafe(32)
        token, created = cls.objects.update_or_create(
            user=user, defaults={"digest": cls.digest_of(raw), "created_at": timezone.now()}
        )
        action = audit.Action.FEED_LINK_CREATED if created else audit.Action.FEED_LINK_REPLACED
        audit.record(user, action, actor=user, effect=audit.Effect.GRANTED, obj=token)
        return raw

    @classmethod
    @transaction.atomic
    def revoke(cls, user):
        """Delete `user`'s token: calendar apps can no longer read the feed. False if none."""
        from core import audit

        token = cls.objects.select_for_update().filter(user=user).first()
        if token is None:
            return False
        audit.record(
            user, audit.Action.FEED_LINK_REVOKED, actor=user, effect=audit.Effect.REMOVED, obj=token
        )
        token.delete()
        return True

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

    owner_path = "user"  # who sees it: core.access

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agenda_digest"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    last_sent_on = models.DateField(null=True, blank=True, editable=False)

    def __str__(self):
        return f"{self.user} weekly digest"
