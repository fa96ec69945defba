"""Mentor profiles, mentee preferences, mentorships and what happens in them.

Privacy is structural: private session notes live in their own table keyed by their author, and
a mentee's reflection on feedback in its own table with a `shared` flag, so the queries that build
the other party's pages never touch them. Who may see what is decided in `mentoring.access`.
"""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import access
from mentoring.choices import Approach, Channel, Frequency, Structure
from mentoring.matching import MenteeFacts, MentorFacts

GRATITUDE_REMINDER_DAYS = 60


def _style(obj):
    return {q: getattr(obj, q) for q in ("approach", "structure", "frequency", "channel")}


class MentorProfile(models.Model):
    """What a mentor offers: expertise, values, way of working, languages and places."""

    owner_path = "user"  # who sees it: core.access

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentor_profile"
    )
    headline = models.CharField(_("headline"), max_length=200, blank=True)
    bio = models.TextField(_("about me"), blank=True)
    skills = models.ManyToManyField(
        "taxonomy.Skill", verbose_name=_("skills"), blank=True, related_name="mentor_profiles"
    )
    occupations = models.ManyToManyField(
        "taxonomy.Occupation",
        verbose_name=_("occupations"),
        blank=True,
        related_name="mentor_profiles",
    )
    industries = models.CharField(
        _("industries"), max_length=300, blank=True, help_text=_("Separate them with commas.")
    )
    years_of_experience = models.PositiveSmallIntegerField(
        _("years of experience"), default=0, validators=[MaxValueValidator(70)]
    )
    values = models.JSONField(_("values"), default=list, blank=True)
    values_other = models.CharField(_("other values"), max_length=300, blank=True)
    approach = models.CharField(
        _("approach"), max_length=16, choices=Approach.choices, default=Approach.EITHER
    )
    structure = models.CharField(
        _("structure"), max_length=16, choices=Structure.choices, default=Structure.EITHER
    )
    frequency = models.CharField(
        _("frequency"), max_length=16, choices=Frequency.choices, default=Frequency.EITHER
    )
    channel = models.CharField(
        _("channel"), max_length=16, choices=Channel.choices, default=Channel.EITHER
    )
    languages = models.JSONField(_("languages spoken"), default=list)
    capacity = models.PositiveSmallIntegerField(
        _("mentees at once"), default=2, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    availability = models.CharField(
        _("availability"),
        max_length=300,
        blank=True,
        help_text=_("For example: two evenings a month, by video call."),
    )
    accepting_requests = models.BooleanField(_("I accept new requests now"), default=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mentor profile")
        verbose_name_plural = _("mentor profiles")

    def __str__(self):
        return str(self.user)

    def get_absolute_url(self):
        return reverse("mentoring:mentor", args=[self.pk])

    @property
    def active_mentee_count(self):
        """Derived from active mentorships: never typed, never out of date."""
        if hasattr(self, "active_count"):
            return self.active_count
        return Mentorship.objects.filter(mentor=self.user, status=Mentorship.Status.ACTIVE).count()

    @property
    def places_left(self):
        return max(0, self.capacity - self.active_mentee_count)

    def industry_list(self):
        return [i.strip() for i in self.industries.split(",") if i.strip()]

    def facts(self, active=None):
        return MentorFacts(
            key=self.pk,
            expertise=getattr(self, "expertise_ids", frozenset()),
            values=frozenset(self.values),
            style=_style(self),
            languages=tuple(self.languages),
            capacity=self.capacity,
            active=self.active_mentee_count if active is None else active,
            accepting=self.accepting_requests,
        )


class MenteePreferences(models.Model):
    """What a mentee looks for in a mentor: values, way of working, languages."""

    owner_path = "user"  # who sees it: core.access

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentee_preferences"
    )
    values = models.JSONField(_("values"), default=list, blank=True)
    values_other = models.CharField(_("other values"), max_length=300, blank=True)
    approach = models.CharField(
        _("approach"), max_length=16, choices=Approach.choices, default=Approach.EITHER
    )
    structure = models.CharField(
        _("structure"), max_length=16, choices=Structure.choices, default=Structure.EITHER
    )
    frequency = models.CharField(
        _("frequency"), max_length=16, choices=Frequency.choices, default=Frequency.EITHER
    )
    channel = models.CharField(
        _("channel"), max_length=16, choices=Channel.choices, default=Channel.EITHER
    )
    languages = models.JSONField(
        _("languages"), default=list, help_text=_("The first one is your preferred language.")
    )

    class Meta:
        verbose_name = _("mentee preferences")
        verbose_name_plural = _("mentee preferences")

    def __str__(self):
        return str(self.user)

    def facts(self, needs=frozenset()):
        return MenteeFacts(
            needs=frozenset(needs),
            values=frozenset(self.values),
            style=_style(self),
            languages=tuple(self.languages) or (self.user.language,),
        )


class MentorshipQuerySet(models.QuerySet):
    def involving(self, user):
        return access.visible(self, user)


class Mentorship(models.Model):
    """One mentee and one mentor, from the first request to long after the goals are met."""

    party_paths = ("mentor", "mentee")  # who sees it: core.access

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Goals met: keeping in touch")
        ENDED = "ended", _("Ended early")

    OPEN = (Status.REQUESTED, Status.ACTIVE)
    FINISHED = (Status.COMPLETED, Status.ENDED)

    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentorships_as_mentor"
    )
    mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentorships_as_mentee"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.REQUESTED
    )
    objectives = models.TextField(_("objectives"), blank=True)
    hoped_gain = models.TextField(_("what I hope to gain"))
    decline_message = models.TextField(_("message"), blank=True)
    end_reason = models.TextField(_("reason"), blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    keep_sharing = models.BooleanField(
        _("keep sharing my goals with my former mentor"), default=False
    )
    keep_in_touch_every_days = models.PositiveSmallIntegerField(
        _("keep in touch every (days)"),
        default=90,
        validators=[MinValueValidator(14), MaxValueValidator(365)],
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    accepted_at = models.DateTimeField(null=True, blank=True, editable=False)
    ended_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = MentorshipQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("mentorship")
        verbose_name_plural = _("mentorships")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(mentor=models.F("mentee")), name="mentorship_not_self"
            )
        ]

    def __str__(self):
        return f"{self.mentee} ↔ {self.mentor}"

    def get_absolute_url(self):
        return reverse("mentoring:mentorship", args=[self.pk])

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE

    @property
    def is_finished(self):
        return self.status in self.FINISHED

    def mentor_sees_goals(self):
        """The mentor sees shared goals while active, and after the end only if kept shared."""
        if self.status == self.Status.ACTIVE:
            return True
        return self.is_finished and self.keep_sharing

    def other(self, user):
        return self.mentor if user.pk == self.mentee_id else self.mentee

    def gratitude_due_on(self, last_thanks_at):
        """When a gentle reminder to say thank you falls, for an active mentorship."""
        since = last_thanks_at or self.accepted_at or self.created_at
        return since.date() + datetime.timedelta(days=GRATITUDE_REMINDER_DAYS)

    def keep_in_touch_due_on(self, last_contact_at):
        since = last_contact_at or self.ended_at or timezone.now()
        return since.date() + datetime.timedelta(days=self.keep_in_touch_every_days)


class MentorshipGoal(models.Model):
    """A goal the mentee shares with the mentorship; `co_owned` when set together."""

    party_paths = ("mentorship__mentor", "mentorship__mentee")  # who sees it: core.access

    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="links")
    goal = models.ForeignKey("goals.Goal", on_delete=models.CASCADE, related_name="+")
    co_owned = models.BooleanField(_("set together"), default=False)
    indicators_agreed = models.BooleanField(_("indicators agreed"), default=False)
    agreed_on = models.DateField(_("agreed on"), null=True, blank=True)
    shared_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["shared_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["mentorship", "goal"], name="unique_mentorship_goal")
        ]


class Session(models.Model):
    """A meeting ("rencontre"): the mentee's questions, shared notes, action items."""

    party_paths = ("mentorship__mentor", "mentorship__mentee")  # who sees it: core.access

    PROMPTS = [
        _("What did you try since last time?"),
        _("What worked, and what did not?"),
        _("Where are you stuck right now?"),
        _("What decision do you want to talk through?"),
        _("What would make this session worth your time?"),
    ]

    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="sessions")
    scheduled_at = models.DateTimeField(_("date and time"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), default=60, validators=[MinValueValidator(5)]
    )
    questions = models.TextField(_("questions I want to ask"), blank=True)
    shared_notes = models.TextField(_("shared notes"), blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-scheduled_at", "-id"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self):
        return f"{self.scheduled_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self):
        return reverse("mentoring:session", args=[self.pk])

    @property
    def is_past(self):
        return self.scheduled_at < timezone.now()

    def question_list(self):
        return [q.strip(" -•\t") for q in self.questions.splitlines() if q.strip(" -•\t")]


class PrivateNote(models.Model):
    """Notes only their author ever reads: their owner (core.access) is the author."""

    owner_path = "author"  # who sees it: core.access

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("private notes"), blank=True)
    heard = models.TextField(_("what I heard"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "author"], name="unique_private_note")
        ]


class ActionItem(models.Model):
    """Something to do after a session; it can become a step of a shared goal."""

    party_paths = ("session__mentorship__mentor", "session__mentorship__mentee")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(_("action"), max_length=300)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    done = models.BooleanField(_("done"), default=False)
    step = models.ForeignKey(
        "goals.Step", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.title


class GoalReview(models.Model):
    """Progress on a shared goal, reviewed together in a session."""

    party_paths = ("session__mentorship__mentor", "session__mentorship__mentee")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="reviews")
    link = models.ForeignKey(MentorshipGoal, on_delete=models.CASCADE, related_name="reviews")
    note = models.TextField(_("progress reviewed"))
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "id"]


class Feedback(models.Model):
    """The mentor's constructive feedback, optionally on one shared goal."""

    party_paths = ("mentorship__mentor", "mentorship__mentee")  # who sees it: core.access

    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="feedback")
    link = models.ForeignKey(
        MentorshipGoal,
        verbose_name=_("goal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback",
    )
    session = models.ForeignKey(
        Session, null=True, blank=True, on_delete=models.SET_NULL, related_name="feedback"
    )
    observation = models.TextField(_("what I observed"))
    suggestion = models.TextField(_("what could work better"))
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("constructive feedback")
        verbose_name_plural = _("constructive feedback")


class FeedbackReflection(models.Model):
    """The mentee's reflection on feedback and the action taken; private unless shared."""

    party_paths = ("feedback__mentorship__mentor", "feedback__mentorship__mentee")

    feedback = models.OneToOneField(Feedback, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("my reflection"))
    action_taken = models.TextField(_("action I took"), blank=True)
    shared = models.BooleanField(_("share with my mentor"), default=False)
    updated_at = models.DateTimeField(auto_now=True)


class Thanks(models.Model):
    """A thank-you ("remerciement"), logged."""

    party_paths = ("mentorship__mentor", "mentorship__mentee")  # who sees it: core.access

    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="thanks")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    message = models.TextField(_("message"))
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("thank-you")
        verbose_name_plural = _("thank-yous")


class KeepInTouch(models.Model):
    """A message after the mentorship: a success shared or advice asked on a new challenge."""

    party_paths = ("mentorship__mentor", "mentorship__mentee")  # who sees it: core.access

    class Kind(models.TextChoices):
        SUCCESS = "success", _("Share a success")
        ADVICE = "advice", _("Ask advice on a new challenge")
        NEWS = "news", _("Give news")

    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="contacts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.NEWS)
    message = models.TextField(_("message"))
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]


class MentorshipRecordQuerySet(models.QuerySet):
    def owned_by(self, user):
        return self.filter(owner=user)


class MentorshipRecord(models.Model):
    """A mentorship brought in with an imported file: read-only history of its importer.

    An import never links to another account (the same email on another instance may be someone
    else, and a link would show each person the other's sessions and goals), so what a file
    holds about a mentorship is kept here, from the importer's side only. The columns serve
    listing and sorting; `details` holds the rest of the file's nested record, with references
    to the owner's goals and steps stored as their database ids (null once deleted).
    """

    owner_path = "owner"  # who sees it: core.access

    class Role(models.TextChoices):
        MENTEE = "mentee", _("Mentee")
        MENTOR = "mentor", _("Mentor")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentorship_records"
    )
    role = models.CharField(_("role"), max_length=6, choices=Role.choices)
    counterpart_email = models.CharField(_("email"), max_length=254, blank=True)
    counterpart_name = models.CharField(_("name"), max_length=150, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Mentorship.Status.choices)
    created_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    details = models.JSONField(default=dict)
    imported_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = MentorshipRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("imported mentorship")
        verbose_name_plural = _("imported mentorships")

    def __str__(self):
        return f"{self.get_role_display()} · {self.counterpart_name}"

    def get_absolute_url(self):
        return reverse("mentoring:history", args=[self.pk])
