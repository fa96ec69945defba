"""Reflection, goals with their action plans, check-ins, reviews, revisions and statements.

Progress is never stored: it derives from the indicator (baseline, target, latest check-in value)
and from the steps done, so nothing is typed twice.
"""

import copy
import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import access
from goals.effort import readable_hours
from taxonomy.models import Horizon


class Cadence(models.TextChoices):
    MONTHLY = "monthly", _("Every month")
    QUARTERLY = "quarterly", _("Every three months")
    SEMIANNUAL = "semiannual", _("Every six months")
    YEARLY = "yearly", _("Every year")


CADENCE_MONTHS = {"monthly": 1, "quarterly": 3, "semiannual": 6, "yearly": 12}


def add_months(day, months):
    """`day` moved by `months`, clamped to the last day of the month (Jan 31 + 1 → Feb 28/29)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    next_month = datetime.date(year + (month == 12), month % 12 + 1, 1)
    last_day = (next_month - datetime.timedelta(days=1)).day
    return datetime.date(year, month, min(day.day, last_day))


class ReviewSettings(models.Model):
    """How often a person reviews their goals (accounts belong to another app)."""

    owner_path = "user"  # who sees it: core.access

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="goal_review_settings"
    )
    cadence = models.CharField(
        _("review cadence"), max_length=12, choices=Cadence.choices, default=Cadence.QUARTERLY
    )
    last_review_on = models.DateField(_("last review"), null=True, blank=True)

    def __str__(self):
        return f"{self.user} ({self.cadence})"

    @property
    def next_review_on(self):
        start = self.last_review_on or timezone.localdate()
        if self.last_review_on is None:
            return start
        return add_months(start, CADENCE_MONTHS[self.cadence])


class Reflection(models.Model):
    """One dated version of a person's guided self-assessment; each save adds a version."""

    owner_path = "owner"  # who sees it: core.access

    QUESTIONS = [
        "accomplishments",
        "skills",
        "passions",
        "values",
        "appealing_position",
        "skills_to_develop",
        "challenges",
        "time_and_means",
    ]

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reflections"
    )
    accomplishments = models.TextField(_("What I have accomplished"), blank=True)
    skills = models.TextField(_("My skills"), blank=True)
    passions = models.TextField(_("What I am passionate about"), blank=True)
    values = models.TextField(_("My values"), blank=True)
    appealing_position = models.TextField(_("The position that appeals to me"), blank=True)
    skills_to_develop = models.TextField(_("The skills I want to develop"), blank=True)
    challenges = models.TextField(_("The challenges I want to overcome"), blank=True)
    time_and_means = models.TextField(_("The time and means I can devote"), blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("reflection")
        verbose_name_plural = _("reflections")

    def __str__(self):
        return f"{self.owner} {self.created_at:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("goals:reflection_detail", args=[self.pk])

    def answers(self):
        return {name: getattr(self, name) for name in self.QUESTIONS}


class GoalStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class GoalQuerySet(models.QuerySet):
    def owned_by(self, user):
        return access.owned(self, user)

    def active(self):
        return self.filter(status=GoalStatus.ACTIVE)


class Goal(models.Model):
    """A career goal with its indicator, deadline and action plan."""

    owner_path = "owner"  # who sees it: core.access

    REVISED_FIELDS = [
        "statement",
        "description",
        "horizon",
        "indicator_name",
        "indicator_unit",
        "baseline",
        "target_value",
        "deadline",
        "status",
        "estimated_effort_hours",
        "review_cadence",
    ]

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="goals"
    )
    statement = models.CharField(_("goal"), max_length=500)
    description = models.TextField(_("description"), blank=True)
    horizon = models.CharField(_("horizon"), max_length=8, choices=Horizon.choices, blank=True)
    target_occupation = models.ForeignKey(
        "taxonomy.Occupation",
        verbose_name=_("target occupation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="goals",
    )
    target_skills = models.ManyToManyField(
        "taxonomy.Skill", verbose_name=_("target skills"), blank=True, related_name="goals"
    )
    indicator_name = models.CharField(_("indicator"), max_length=200, blank=True)
    indicator_unit = models.CharField(_("unit"), max_length=50, blank=True)
    baseline = models.DecimalField(
        _("baseline"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    target_value = models.DecimalField(
        _("target value"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    start_date = models.DateField(_("start date"), default=timezone.localdate)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=GoalStatus.choices, default=GoalStatus.ACTIVE
    )
    # In hours, to the hundredth (20 min is 0.33 h); typed and shown as goals.effort says.
    estimated_effort_hours = models.DecimalField(
        _("estimated effort (hours)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    review_cadence = models.CharField(
        _("review cadence"),
        max_length=12,
        choices=Cadence.choices,
        blank=True,
        help_text=_("Leave empty to follow your usual review cadence."),
    )
    last_reviewed_on = models.DateField(_("last reviewed"), null=True, blank=True)
    smart_result = models.JSONField(default=dict, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = GoalQuerySet.as_manager()

    class Meta:
        ordering = ["deadline", "id"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self):
        return self.statement

    def get_absolute_url(self):
        return reverse("goals:detail", args=[self.pk])

    def clean(self):
        """The goal's rules, for every door (form, API, review): an indicator has both its
        baseline and its target or neither; the deadline comes after the start date and after
        every stage's deadline."""
        errors = {}
        if (self.baseline is None) != (self.target_value is None):
            errors["target_value"] = _("Give both a baseline and a target value, or neither.")
        if self.deadline and self.start_date and self.deadline < self.start_date:
            errors["deadline"] = _("The deadline must come after the start date.")
        elif self.deadline and self.pk:
            late = [stage for stage in self.stages.all() if stage.deadline > self.deadline]
            if late:
                errors["deadline"] = stage_after_deadline(late[0], self.deadline)
        if errors:
            raise ValidationError(errors)

    def statement_written_on(self):
        """The day the current statement was written (the relative deadlines it states, "in 18
        months", are read from that day): when a revision last changed it, else when the goal
        was created. One query."""
        for revision in self.revisions.all():  # newest first; each keeps the version before
            if revision.snapshot.get("statement") != self.statement:
                return timezone.localdate(revision.created_at)
        return timezone.localdate(self.created_at)

    def check_changes(self, **changes):
        """Raise the ValidationError `clean` would raise once `changes` are made; change
        nothing (a review checks every decision before applying any)."""
        candidate = copy.copy(self)
        for name, value in changes.items():
            setattr(candidate, name, value)
        candidate.clean()

    def snapshot(self):
        """The editable fields as JSON-friendly values, kept by every revision."""
        data = {}
        for name in self.REVISED_FIELDS:
            value = getattr(self, name)
            if isinstance(value, datetime.date):
                value = value.isoformat()
            elif isinstance(value, Decimal):
                value = str(value)
            data[name] = value
        return data

    # Progress, derived. Callers prefetch check-ins and steps (see goals.progress).
    @property
    def latest_value(self):
        values = [c for c in self.checkins.all() if c.indicator_value is not None]
        if not values:
            return self.baseline
        return max(values, key=lambda c: (c.date, c.created_at, c.pk)).indicator_value

    @property
    def indicator_progress(self):
        """Share of the way from baseline to target, 0..1, or None without an indicator."""
        if self.baseline is None or self.target_value is None or self.latest_value is None:
            return None
        span = self.target_value - self.baseline
        if span == 0:
            return 1.0
        share = float((self.latest_value - self.baseline) / span)
        return max(0.0, min(1.0, share))

    @property
    def steps_progress(self):
        steps = [s for s in self.steps.all() if not s.is_recurring]
        if not steps:
            return None
        return sum(1 for s in steps if s.done) / len(steps)

    @property
    def progress(self):
        """The indicator's share when there is one, else the share of steps done."""
        for value in (self.indicator_progress, self.steps_progress):
            if value is not None:
                return value
        return 1.0 if self.status == GoalStatus.DONE else 0.0

    @property
    def readable_effort(self):
        """The estimated effort as a person reads it ("30 min", "1,5 h"): goals.effort."""
        return readable_hours(self.estimated_effort_hours)

    @property
    def progress_percent(self):
        return round(self.progress * 100)

    @property
    def is_long(self):
        if self.horizon == Horizon.LONG:
            return True
        return bool(self.deadline and self.deadline > add_months(self.start_date, 12))

    @property
    def needs_stages(self):
        return self.is_long and not self.stages.all()

    def effective_cadence(self, review_settings=None):
        if self.review_cadence:
            return self.review_cadence
        return review_settings.cadence if review_settings else Cadence.QUARTERLY

    def next_review_on(self, review_settings=None):
        start = self.last_reviewed_on or self.created_at.date()
        return add_months(start, CADENCE_MONTHS[self.effective_cadence(review_settings)])


class Stage(models.Model):
    """An intermediate goal with its own deadline, within the goal's."""

    owner_path = "goal__owner"  # who sees it: core.access

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="stages")
    title = models.CharField(_("intermediate goal"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    deadline = models.DateField(_("deadline"))
    done = models.BooleanField(_("done"), default=False)

    class Meta:
        ordering = ["deadline", "id"]
        verbose_name = _("stage")
        verbose_name_plural = _("stages")

    def __str__(self):
        return self.title

    def clean(self):
        goal_deadline = self.goal.deadline if self.goal_id else None
        if self.deadline and goal_deadline and self.deadline > goal_deadline:
            raise ValidationError({"deadline": stage_after_deadline(self, goal_deadline)})


def stage_after_deadline(stage, deadline):
    """The one message for a stage that ends after its goal's deadline, whichever of the two
    dates was just moved."""
    return _(
        "The stage “%(stage)s” ends on %(date)s, after the goal's deadline (%(deadline)s): "
        "move one of the two dates."
    ) % {"stage": stage.title, "date": stage.deadline.isoformat(), "deadline": deadline.isoformat()}


class Recurrence(models.TextChoices):
    NONE = "", _("Once")
    DAILY = "daily", _("Every day")
    WEEKLY = "weekly", _("Every week")


class Step(models.Model):
    """An action or sub-goal; a recurring one yields an occurrence per day or week."""

    owner_path = "goal__owner"  # who sees it: core.access

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="steps")
    stage = models.ForeignKey(
        Stage,
        verbose_name=_("stage"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="steps",
    )
    title = models.CharField(_("action or sub-goal"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    recurrence = models.CharField(
        _("repeats"), max_length=8, choices=Recurrence.choices, blank=True
    )
    recurrence_until = models.DateField(_("repeats until"), null=True, blank=True)
    # In hours, to the hundredth, like the goal's (goals.effort).
    estimated_effort_hours = models.DecimalField(
        _("estimated effort (hours)"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    done = models.BooleanField(_("done"), default=False)
    done_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = _("step")
        verbose_name_plural = _("steps")

    def __str__(self):
        return self.title

    def clean(self):
        """A step's rules, for the form and the API alike."""
        errors = {}
        if self.recurrence and not self.due_date:
            errors["due_date"] = _("A repeating step needs the first day it falls on.")
        goal_deadline = self.goal.deadline if self.goal_id else None
        if self.due_date and goal_deadline and self.due_date > goal_deadline:
            errors["due_date"] = _("This step is due after the goal's deadline (%(deadline)s).") % {
                "deadline": goal_deadline.isoformat()
            }
        if self.recurrence_until and self.due_date and self.recurrence_until < self.due_date:
            errors["recurrence_until"] = _("The repetition must end after it starts.")
        if (
            self.stage_id
            and self.goal_id
            and not Stage.objects.filter(pk=self.stage_id, goal_id=self.goal_id).exists()
        ):
            errors["stage"] = _("This stage belongs to another goal.")
        if errors:
            raise ValidationError(errors)

    @property
    def readable_effort(self):
        """The estimated effort as a person reads it ("30 min", "1,5 h"): goals.effort."""
        return readable_hours(self.estimated_effort_hours)

    @property
    def is_recurring(self):
        return bool(self.recurrence)

    def occurrences(self, start, end):
        """The days between `start` and `end` (inclusive) on which this recurring step falls."""
        if not self.is_recurring or self.due_date is None:
            return []
        last = min(d for d in (end, self.recurrence_until, self.goal.deadline) if d)
        step = datetime.timedelta(days=1 if self.recurrence == Recurrence.DAILY else 7)
        day = self.due_date
        if day < start:
            day += step * ((start - day).days // step.days)
            if day < start:
                day += step
        days = []
        while day <= last:
            days.append(day)
            day += step
        return days


class StepCompletion(models.Model):
    """One occurrence of a recurring step, done on a given day."""

    owner_path = "step__goal__owner"  # who sees it: core.access

    step = models.ForeignKey(Step, on_delete=models.CASCADE, related_name="completions")
    date = models.DateField()
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["step", "date"], name="unique_step_completion")
        ]


class Requirement(models.Model):
    """A skill, piece of knowledge or qualification the goal or one of its steps needs."""

    owner_path = "goal__owner"  # who sees it: core.access

    class Kind(models.TextChoices):
        SKILL = "skill", _("Skill")
        KNOWLEDGE = "knowledge", _("Knowledge")
        QUALIFICATION = "qualification", _("Qualification")

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="requirements")
    step = models.ForeignKey(
        Step, null=True, blank=True, on_delete=models.CASCADE, related_name="requirements"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.SKILL)
    description = models.CharField(_("what is needed"), max_length=300)
    skill = models.ForeignKey(
        "taxonomy.Skill", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    acquired = models.BooleanField(_("already acquired"), default=False)

    class Meta:
        ordering = ["kind", "id"]

    def __str__(self):
        return self.description


class Obstacle(models.Model):
    """Something in the way, with how the person means to overcome it."""

    owner_path = "goal__owner"  # who sees it: core.access

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="obstacles")
    step = models.ForeignKey(
        Step, null=True, blank=True, on_delete=models.CASCADE, related_name="obstacles"
    )
    description = models.CharField(_("obstacle"), max_length=300)
    way_to_overcome = models.TextField(_("how I will overcome it"))

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.description


class CheckIn(models.Model):
    """A journal entry on a goal: a small win or a setback, optionally a new indicator value."""

    owner_path = "goal__owner"  # who sees it: core.access

    class Kind(models.TextChoices):
        SKILL_ACQUIRED = "skill", _("Skill acquired")
        PROJECT_COMPLETED = "project", _("Project completed")
        FEEDBACK_RECEIVED = "feedback", _("Feedback received")
        SETBACK = "setback", _("Setback and lesson")
        PROGRESS = "progress", _("Progress update")

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="checkins")
    date = models.DateField(_("date"), default=timezone.localdate)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PROGRESS)
    note = models.TextField(_("what happened"))
    lesson = models.TextField(_("lesson learned"), blank=True)
    indicator_value = models.DecimalField(
        _("new indicator value"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-date", "-created_at", "-id"]
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")

    def __str__(self):
        return f"{self.date} {self.get_kind_display()}"


class Review(models.Model):
    """A periodic walk through a person's active goals."""

    owner_path = "owner"  # who sees it: core.access

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="goal_reviews"
    )
    note = models.TextField(_("overall note"), blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    completed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self):
        return f"{self.owner} {self.created_at:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("goals:review_detail", args=[self.pk])


class Decision(models.TextChoices):
    KEEP = "keep", _("Keep")
    ADJUST = "adjust", _("Adjust")
    PAUSE = "pause", _("Pause")
    DROP = "drop", _("Drop")
    DONE = "done", _("Mark as done")


class ReviewDecision(models.Model):
    """What the person decided for one goal during a review, and why."""

    owner_path = "review__owner"  # who sees it: core.access

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="decisions")
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="review_decisions")
    decision = models.CharField(_("decision"), max_length=8, choices=Decision.choices)
    reason = models.TextField(_("why"))
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["review", "goal"], name="unique_review_decision")
        ]


class GoalRevision(models.Model):
    """The previous version of a goal, kept whenever it changes, with the reason."""

    owner_path = "goal__owner"  # who sees it: core.access

    class Source(models.TextChoices):
        EDIT = "edit", _("Edit")
        REVIEW = "review", _("Review")
        API = "api", _("API")

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="revisions")
    snapshot = models.JSONField()
    reason = models.TextField(_("reason for the change"))
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.EDIT)
    review = models.ForeignKey(
        Review, null=True, blank=True, on_delete=models.SET_NULL, related_name="revisions"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("goal revision")
        verbose_name_plural = _("goal revisions")


class Statement(models.Model):
    """A career goal statement written with the wizard; its text lives in versions."""

    owner_path = "owner"  # who sees it: core.access

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="goal_statements"
    )
    goal = models.ForeignKey(
        Goal, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements"
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    answers = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("goal statement")
        verbose_name_plural = _("goal statements")

    def get_absolute_url(self):
        return reverse("goals:statement_detail", args=[self.pk])


class StatementVersion(models.Model):
    owner_path = "statement__owner"  # who sees it: core.access
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="versions")
    text = models.TextField(_("statement"))
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
