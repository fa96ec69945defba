"""Organisations: people and their roles, competency models, assessments, 1:1 conversations,
development cycles and objectives.

Privacy is structural, as in mentoring: a person's private notes on a conversation live in their
own table keyed by their author; a self-assessment reaches the manager only once submitted and
shared; a goal reaches the manager only through a `GoalShare` the person made. Who may see what
is decided in `organisations.access`, built on `core.access`.
"""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

MAX_LEVEL = 10


def bilingual(obj, field, language=None):
    """`obj.<field>_<language>`, falling back to the other language when empty."""
    language = (language or get_language() or "en")[:2]
    first, second = ("fr", "en") if language == "fr" else ("en", "fr")
    return getattr(obj, f"{field}_{first}") or getattr(obj, f"{field}_{second}")


class Named(models.Model):
    """A bilingual name and description (competency models, competencies, job roles)."""

    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.name()

    def name(self, language=None):
        return bilingual(self, "name", language)

    def description(self, language=None):
        return bilingual(self, "description", language)


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    MANAGER = "manager", _("Manager")
    MEMBER = "member", _("Member")


class Organisation(models.Model):
    """A workplace, school or association whose people develop their careers together."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("short name"),
        max_length=60,
        unique=True,
        help_text=_("Letters, digits and hyphens; used in addresses and on the command line."),
    )
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organisations:home", args=[self.slug])


class Team(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(_("name"), max_length=150)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_team_name")
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organisations:team", args=[self.organisation.slug, self.pk])


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(left_at__isnull=True)


class Membership(models.Model):
    """A person in an organisation. Leaving keeps the row (left_at) and ends every access."""

    owner_path = "user"  # who sees it: core.access (co-members through a sharing rule)

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="org_memberships"
    )
    role = models.CharField(_("role"), max_length=8, choices=Role.choices, default=Role.MEMBER)
    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="memberships",
    )
    job_role = models.ForeignKey(
        "JobRole",
        verbose_name=_("current job role"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    joined_at = models.DateTimeField(default=timezone.now, editable=False)
    left_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["user__display_name", "id"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="unique_membership")
        ]

    def __str__(self):
        return f"{self.user} @ {self.organisation_id}"

    @property
    def is_active(self):
        return self.left_at is None

    @property
    def is_admin(self):
        return self.is_active and self.role == Role.ADMIN

    @property
    def can_manage(self):
        """Managers and administrators may be someone's manager."""
        return self.is_active and self.role in (Role.MANAGER, Role.ADMIN)


class Invitation(models.Model):
    """An invitation by email. Only the SHA-256 digest of its token is kept; the link in the
    email is the only copy of the token. No link to an account until it is accepted."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email"))
    role = models.CharField(_("role"), max_length=8, choices=Role.choices, default=Role.MEMBER)
    team = models.ForeignKey(
        Team, verbose_name=_("team"), null=True, blank=True, on_delete=models.SET_NULL
    )
    digest = models.CharField(max_length=64, unique=True, editable=False)
    invited_by_name = models.CharField(max_length=150, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return self.email

    @property
    def is_open(self):
        return (
            self.accepted_at is None
            and self.revoked_at is None
            and self.expires_at > timezone.now()
        )


class Cadence(models.TextChoices):
    WEEKLY = "weekly", _("Every week")
    BIWEEKLY = "biweekly", _("Every two weeks")
    MONTHLY = "monthly", _("Every four weeks")
    NONE = "none", _("No fixed rhythm")


CADENCE_DAYS = {"weekly": 7, "biweekly": 14, "monthly": 28}


class ManagerLink(models.Model):
    """A manager and a report, from the proposal to the end. The report accepts it."""

    party_paths = ("manager", "report")  # who sees it: core.access (admins: a sharing rule)

    class Status(models.TextChoices):
        PROPOSED = "proposed", pgettext_lazy("manager link", "Proposed")
        ACTIVE = "active", pgettext_lazy("manager link", "Active")
        DECLINED = "declined", pgettext_lazy("manager link", "Declined")
        ENDED = "ended", pgettext_lazy("manager link", "Ended")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="manager_links"
    )
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="report_links"
    )
    report = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="manager_links"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED
    )
    cadence = models.CharField(
        _("rhythm of 1:1 conversations"),
        max_length=10,
        choices=Cadence.choices,
        default=Cadence.BIWEEKLY,
    )
    proposed_at = models.DateTimeField(default=timezone.now, editable=False)
    accepted_at = models.DateTimeField(null=True, blank=True, editable=False)
    ended_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-proposed_at", "-id"]
        verbose_name = _("manager link")
        verbose_name_plural = _("manager links")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(manager=models.F("report")), name="manager_link_not_self"
            ),
            models.UniqueConstraint(
                fields=["organisation", "report"],
                condition=models.Q(status="active"),
                name="one_active_manager",
            ),
        ]

    def __str__(self):
        return f"{self.manager} → {self.report}"

    def get_absolute_url(self):
        return reverse("organisations:link", args=[self.organisation.slug, self.pk])

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE

    def other(self, user):
        return self.manager if user.pk == self.report_id else self.report

    @property
    def cadence_days(self):
        return CADENCE_DAYS.get(self.cadence)


# Competency models and career frameworks ------------------------------------------------------


class CompetencyModel(Named):
    """An organisation's competencies, proficiency levels and job roles (career framework)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="competency_models"
    )
    code = models.SlugField(_("code"), max_length=60)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name_en", "id"]
        verbose_name = _("competency model")
        verbose_name_plural = _("competency models")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "code"], name="unique_model_code")
        ]

    def get_absolute_url(self):
        return reverse("organisations:model", args=[self.organisation.slug, self.pk])


class ProficiencyLevel(models.Model):
    model = models.ForeignKey(CompetencyModel, on_delete=models.CASCADE, related_name="levels")
    level = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(MAX_LEVEL)]
    )
    name_en = models.CharField(max_length=100)
    name_fr = models.CharField(max_length=100)
    description_en = models.TextField(blank=True)
    description_fr = models.TextField(blank=True)

    class Meta:
        ordering = ["level"]
        constraints = [
            models.UniqueConstraint(fields=["model", "level"], name="unique_proficiency_level")
        ]

    def __str__(self):
        return f"{self.level}. {self.name()}"

    def name(self, language=None):
        return bilingual(self, "name", language)

    def description(self, language=None):
        return bilingual(self, "description", language)


class Competency(Named):
    model = models.ForeignKey(
        CompetencyModel, on_delete=models.CASCADE, related_name="competencies"
    )
    code = models.SlugField(_("code"), max_length=60)
    position = models.PositiveIntegerField(default=0)
    skills = models.ManyToManyField(
        "taxonomy.Skill", through="CompetencySkill", related_name="competencies"
    )

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("competency")
        verbose_name_plural = _("competencies")
        constraints = [
            models.UniqueConstraint(fields=["model", "code"], name="unique_competency_code")
        ]


class Indicator(models.Model):
    """A behavioural indicator: what the competency looks like at one proficiency level."""

    competency = models.ForeignKey(Competency, on_delete=models.CASCADE, related_name="indicators")
    level = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(MAX_LEVEL)]
    )
    text_en = models.TextField()
    text_fr = models.TextField()
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["level", "position", "id"]

    def text(self, language=None):
        return bilingual(self, "text", language)


class CompetencySkill(models.Model):
    """A competency mapped to an ESCO skill: suggested by the skill search, confirmed by an
    administrator. Only confirmed mappings count in the gap analysis."""

    competency = models.ForeignKey(Competency, on_delete=models.CASCADE, related_name="mappings")
    # PROTECT: the ESCO importer keeps (retires) a skill still used here instead of deleting it.
    skill = models.ForeignKey("taxonomy.Skill", on_delete=models.PROTECT, related_name="+")
    confirmed = models.BooleanField(_("confirmed"), default=False)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["competency", "skill"], name="unique_competency_skill")
        ]


class JobRole(Named):
    """A job role at one level of a track, e.g. Analyst II in the track Analyst."""

    model = models.ForeignKey(CompetencyModel, on_delete=models.CASCADE, related_name="roles")
    code = models.SlugField(_("code"), max_length=60)
    track_en = models.CharField(max_length=200, blank=True)
    track_fr = models.CharField(max_length=200, blank=True)
    level = models.PositiveSmallIntegerField(default=1, validators=[MinValueValidator(1)])
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("job role")
        verbose_name_plural = _("job roles")
        constraints = [models.UniqueConstraint(fields=["model", "code"], name="unique_role_code")]

    def get_absolute_url(self):
        return reverse("organisations:role", args=[self.model.organisation.slug, self.pk])

    def track(self, language=None):
        return bilingual(self, "track", language)


class Expectation(models.Model):
    """The level of one competency a job role expects."""

    role = models.ForeignKey(JobRole, on_delete=models.CASCADE, related_name="expectations")
    competency = models.ForeignKey(
        Competency, on_delete=models.CASCADE, related_name="expectations"
    )
    level = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(MAX_LEVEL)]
    )

    class Meta:
        ordering = ["competency__position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["role", "competency"], name="unique_expectation")
        ]


# Development cycles -----------------------------------------------------------------------------


class Cycle(models.Model):
    """A time-boxed development cycle: self-reviews, then manager reviews, then a meeting."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="cycles")
    name = models.CharField(_("name"), max_length=150)
    starts_on = models.DateField(_("starts on"))
    self_review_due = models.DateField(_("self-reviews due"))
    manager_review_due = models.DateField(_("manager reviews due"))
    ends_on = models.DateField(_("conversations held by"))
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default="open")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("development cycle")
        verbose_name_plural = _("development cycles")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organisations:cycle", args=[self.organisation.slug, self.pk])

    @property
    def is_open(self):
        return self.status == self.Status.OPEN


class CycleReminder(models.Model):
    """One reminder email sent (claimed before sending, so two workers never send it twice)."""

    owner_path = "recipient"  # who sees it: core.access

    class Kind(models.TextChoices):
        SELF_SOON = "self_soon", _("Self-review due soon")
        SELF_LATE = "self_late", _("Self-review overdue")
        MANAGER_SOON = "manager_soon", _("Manager reviews due soon")
        MANAGER_LATE = "manager_late", _("Manager reviews overdue")

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="reminders")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=14, choices=Kind.choices)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "recipient", "kind"], name="unique_cycle_reminder"
            )
        ]


# Assessments ----------------------------------------------------------------------------------


class Assessment(models.Model):
    """A dated assessment of a person against a job role: by the person herself, or by her
    manager. Kept as history; a self-assessment reaches the manager only once shared."""

    party_paths = ("author", "subject")  # who sees it: core.access, narrowed in .access

    class Kind(models.TextChoices):
        SELF = "self", _("Self-assessment")
        MANAGER = "manager", _("Manager's assessment")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="assessments"
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="org_assessments"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    role = models.ForeignKey(
        JobRole, verbose_name=_("job role"), on_delete=models.PROTECT, related_name="assessments"
    )
    cycle = models.ForeignKey(
        Cycle,
        verbose_name=_("development cycle"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assessments",
    )
    summary = models.TextField(_("summary"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="draft")
    shared_with_manager = models.BooleanField(_("share with my manager"), default=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")

    def __str__(self):
        return f"{self.get_kind_display()} {self.created_at:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("organisations:assessment", args=[self.organisation.slug, self.pk])

    @property
    def is_submitted(self):
        return self.status == self.Status.SUBMITTED

    @property
    def date(self):
        return timezone.localtime(self.submitted_at or self.created_at).date()


class Rating(models.Model):
    party_paths = ("assessment__author", "assessment__subject")

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="ratings")
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField(
        _("level"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_LEVEL)],
    )
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["competency__position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "competency"], name="unique_rating")
        ]


class Evidence(models.Model):
    """Evidence for one rating, copied when chosen: what the reader sees does not change."""

    party_paths = ("rating__assessment__author", "rating__assessment__subject")

    class Kind(models.TextChoices):
        CHECKIN = "checkin", _("Check-in")
        LEARNING = "learning", _("Completed learning")
        FEEDBACK = "feedback", _("Feedback")
        OTHER = "other", _("Other")

    rating = models.ForeignKey(Rating, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.OTHER)
    text = models.CharField(_("evidence"), max_length=500)
    checkin = models.ForeignKey(
        "goals.CheckIn", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    learning_item = models.ForeignKey(
        "growth.LearningItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "id"]


# Development conversations (1:1s) -------------------------------------------------------------


class Conversation(models.Model):
    """A 1:1 between a manager and a report: shared agenda, shared notes, action items."""

    party_paths = ("link__manager", "link__report")  # who sees it: core.access, narrowed

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    link = models.ForeignKey(ManagerLink, on_delete=models.CASCADE, related_name="conversations")
    cycle = models.ForeignKey(
        Cycle,
        verbose_name=_("development cycle"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="conversations",
    )
    scheduled_at = models.DateTimeField(_("date and time"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"),
        default=30,
        validators=[MinValueValidator(5), MaxValueValidator(480)],
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="planned")
    shared_notes = models.TextField(_("shared notes"), blank=True)
    held_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-scheduled_at", "-id"]
        verbose_name = _("1:1 conversation")
        verbose_name_plural = _("1:1 conversations")

    def __str__(self):
        return f"{self.scheduled_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self):
        return reverse("organisations:conversation", args=[self.link.organisation.slug, self.pk])

    @property
    def is_planned(self):
        return self.status == self.Status.PLANNED

    @property
    def ends_at(self):
        return self.scheduled_at + datetime.timedelta(minutes=self.duration_minutes)


class Topic(models.Model):
    """A topic of the shared agenda; either side adds it before the meeting."""

    party_paths = ("conversation__link__manager", "conversation__link__report")

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="topics")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.CharField(_("topic"), max_length=500)
    discussed = models.BooleanField(_("discussed"), default=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "id"]


class PrivateNote(models.Model):
    """Notes on a conversation that only their author ever reads."""

    owner_path = "author"  # who sees it: core.access

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("my private notes"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "author"], name="unique_org_private_note"
            )
        ]


class ActionItem(models.Model):
    """Something one side will do after a conversation; its owner can make it a goal step."""

    party_paths = ("conversation__link__manager", "conversation__link__report")

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="actions")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who does it"),
        on_delete=models.CASCADE,
        related_name="+",
    )
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


class GoalShare(models.Model):
    """A goal the report chose to share with her manager (through one manager link)."""

    party_paths = ("link__manager", "link__report")  # who sees it: core.access

    link = models.ForeignKey(ManagerLink, on_delete=models.CASCADE, related_name="shares")
    goal = models.ForeignKey("goals.Goal", on_delete=models.CASCADE, related_name="+")
    shared_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["shared_at", "id"]
        constraints = [models.UniqueConstraint(fields=["link", "goal"], name="unique_goal_share")]


# Objectives -----------------------------------------------------------------------------------


class Objective(models.Model):
    """An objective of the organisation or of one team, that people's goals can serve."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="objectives"
    )
    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="objectives",
        help_text=_("Leave empty for an objective of the whole organisation."),
    )
    title = models.CharField(_("objective"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["team__name", "title", "id"]
        verbose_name = _("objective")
        verbose_name_plural = pgettext_lazy("organisation", "objectives")

    def __str__(self):
        return self.title


class GoalAlignment(models.Model):
    """A person's goal linked to an organisation objective: why it matters to her and to the
    team. The manager reads it only when the goal is shared with him."""

    owner_path = "goal__owner"  # who sees it: core.access

    goal = models.OneToOneField("goals.Goal", on_delete=models.CASCADE, related_name="+")
    objective = models.ForeignKey(
        Objective, verbose_name=_("objective"), on_delete=models.CASCADE, related_name="+"
    )
    why_me = models.TextField(_("why it matters to me"), blank=True)
    why_team = models.TextField(_("why it matters to the team"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)


# History brought in by an import --------------------------------------------------------------


class OrganisationRecord(models.Model):
    """An organisation the person belonged to, brought in with an imported file: her own side
    (her self-assessments, private notes of 1:1s, goals linked to objectives), read-only. An
    import never links to an organisation here: the same name on another instance is another
    organisation."""

    owner_path = "owner"  # who sees it: core.access

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="organisation_records"
    )
    organisation_name = models.CharField(_("organisation"), max_length=200)
    joined_at = models.DateTimeField()
    left_at = models.DateTimeField(null=True, blank=True)
    details = models.JSONField(default=dict)
    imported_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-joined_at", "-id"]
        verbose_name = _("imported organisation")
        verbose_name_plural = _("imported organisations")

    def __str__(self):
        return self.organisation_name

    def get_absolute_url(self):
        return reverse("organisations:history", args=[self.pk])
