"""Models of the core app."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ScheduledRun(models.Model):
    """When a periodic task was last enqueued, so that several workers enqueue it only once."""

    name = models.CharField(max_length=200, unique=True)
    last_enqueued_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return self.name


class SharingEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("Sharing events are append-only: they are never changed.")


class SharingEvent(models.Model):
    """One change of who can see a person's data, kept in that person's sharing history.

    Append-only: written by `core.audit.record` in the transaction of the change, never edited.
    `owner` is the person whose data is concerned; `actor` who made the change (the owner, the
    other person, or no one when the site's administration did); `counterpart` who gains or
    loses access. Names and the object's description are copied at the time, so the history
    still reads right after the other person renames or deletes their account.
    """

    owner_path = "owner"  # who sees it: core.access

    class Action(models.TextChoices):
        MENTORSHIP_REQUESTED = "mentorship_requested", _("Mentorship requested")
        MENTORSHIP_ACCEPTED = "mentorship_accepted", _("Mentorship accepted")
        MENTORSHIP_DECLINED = "mentorship_declined", _("Mentorship request declined")
        MENTORSHIP_WITHDRAWN = "mentorship_withdrawn", _("Mentorship request withdrawn")
        MENTORSHIP_COMPLETED = "mentorship_completed", _("Mentorship completed")
        MENTORSHIP_ENDED = "mentorship_ended", _("Mentorship ended early")
        KEEP_SHARING_ON = "keep_sharing_on", _("Goals kept shared after the mentorship")
        KEEP_SHARING_OFF = "keep_sharing_off", _("Goals no longer shared after the mentorship")
        GOAL_SHARED = "goal_shared", _("Goal shared")
        GOAL_UNSHARED = "goal_unshared", _("Goal no longer shared")
        REFLECTION_SHARED = "reflection_shared", _("Reflection shared")
        REFLECTION_UNSHARED = "reflection_unshared", _("Reflection no longer shared")
        FEED_LINK_CREATED = "feed_link_created", _("Calendar link created")
        FEED_LINK_REPLACED = "feed_link_replaced", _("Calendar link replaced")
        FEED_LINK_REVOKED = "feed_link_revoked", _("Calendar link revoked")
        API_TOKEN_CREATED = "api_token_created", _("API token created")
        API_TOKEN_REVOKED = "api_token_revoked", _("API token revoked")
        DATA_EXPORTED = "data_exported", _("Copy of all your data exported")
        MENTOR_ACCOUNT_DELETED = "mentor_account_deleted", _("Mentor's account deleted")
        ORG_JOINED = "org_joined", _("Joined an organisation")
        ORG_LEFT = "org_left", _("Left an organisation")
        MANAGER_ACCEPTED = "manager_accepted", _("Manager accepted")
        MANAGER_ENDED = "manager_ended", _("Manager link ended")
        ASSESSMENT_SHARED = "assessment_shared", _("Self-assessment shared with a manager")
        ASSESSMENT_UNSHARED = "assessment_unshared", _("Self-assessment no longer shared")

    class Effect(models.TextChoices):
        GRANTED = "granted", _("Access granted")
        REMOVED = "removed", _("Access removed")
        KEPT = "kept", _("Access kept")
        COPIED = "copied", _("Copy made")
        NONE = "none", _("No change for now")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sharing_events"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True)
    action = models.CharField(_("what"), max_length=32, choices=Action.choices)
    effect = models.CharField(_("access"), max_length=8, choices=Effect.choices)
    counterpart = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    counterpart_name = models.CharField(max_length=150, blank=True)
    object_kind = models.CharField(max_length=32, blank=True)
    object_id = models.BigIntegerField(null=True, blank=True)
    object_description = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, editable=False)

    objects = SharingEventQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["owner", "-created_at"], name="core_sharing_owner_recent")]
        verbose_name = _("sharing event")
        verbose_name_plural = _("sharing events")

    def __str__(self):
        return f"{self.owner_id} {self.action} {self.created_at:%Y-%m-%d %H:%M:%S}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TypeError("Sharing events are append-only: they are never changed.")
        super().save(*args, **kwargs)

    @property
    def by_owner(self):
        return self.actor_id is not None and self.actor_id == self.owner_id
