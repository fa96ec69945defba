"""Job applications and their pipeline, interviews, prepared answers, practice attempts and
post-interview reflections.

Everything belongs to one person (`user`); every query of a view or a route starts from
`Model.objects.owned_by(person)` so that another person never sees it.
"""

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import access
from jobs.questions import COMMON_QUESTIONS, question_text


class Status(models.TextChoices):
    SAVED = "saved", _("Saved")
    APPLIED = "applied", _("Applied")
    INTERVIEW = "interview", _("Interview")
    OFFER = "offer", _("Offer")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Language(models.TextChoices):
    EN = "en", _("English")
    FR = "fr", _("French")


class OwnedQuerySet(models.QuerySet):
    def owned_by(self, user):
        return access.owned(self, user)


class ApplicationQuerySet(OwnedQuerySet):
    def for_board(self, user):
        return self.owned_by(user).select_related("occupation").order_by("-updated_at", "-id")


class Application(models.Model):
    """A job a person applies for (or thinks of applying for): the posting and where it stands."""

    owner_path = "user"  # who sees it: core.access

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="job_applications"
    )
    title = models.CharField(_("job title"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200)
    posting_url = models.URLField(_("link to the job posting"), max_length=500, blank=True)
    posting_text = models.TextField(
        _("job posting"),
        blank=True,
        help_text=_("Paste the text of the job posting: skills are detected from it."),
    )
    posting_language = models.CharField(
        _("language of the posting"), max_length=2, choices=Language.choices, default=Language.EN
    )
    occupation = models.ForeignKey(
        "taxonomy.Occupation",
        verbose_name=_("target occupation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="job_applications",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.SAVED
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("job application")
        verbose_name_plural = _("job applications")

    def __str__(self):
        return f"{self.title} · {self.organisation}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("jobs:detail", args=[self.pk])

    @transaction.atomic
    def move_to(self, status, when=None, note=""):
        """Change the status and keep the change in the history; a no-op for the same status."""
        if status not in Status.values:
            raise ValueError(f"Unknown status {status!r}")
        if status == self.status and self.pk is not None:
            return None
        change = StatusChange.objects.create(
            application=self,
            from_status=self.status,
            to_status=status,
            changed_at=when or timezone.now(),
            note=note,
        )
        self.status = status
        self.save(update_fields=["status", "updated_at"])
        return change

    def record_creation(self):
        """Start the history with the status the application was created in."""
        return StatusChange.objects.create(
            application=self, from_status="", to_status=self.status, changed_at=self.created_at
        )


class StatusChange(models.Model):
    """One move of an application through the pipeline, with its date."""

    owner_path = "application__user"  # who sees it: core.access

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(max_length=16, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=Status.choices)
    changed_at = models.DateTimeField(default=timezone.now)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["changed_at", "id"]


class DetectedSkillQuerySet(OwnedQuerySet):
    def kept(self):
        return self.filter(removed=False)


class DetectedSkill(models.Model):
    """An ESCO skill found in a posting. Removing a wrong one keeps it out of later detections."""

    owner_path = "application__user"  # who sees it: core.access

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="detected_skills"
    )
    skill = models.ForeignKey("taxonomy.Skill", on_delete=models.CASCADE, related_name="+")
    confidence = models.FloatField(default=1.0)
    matched_text = models.CharField(max_length=300, blank=True)
    span_start = models.PositiveIntegerField(null=True, blank=True)
    span_end = models.PositiveIntegerField(null=True, blank=True)
    removed = models.BooleanField(default=False)

    objects = DetectedSkillQuerySet.as_manager()

    class Meta:
        ordering = ["-confidence", "id"]
        constraints = [
            models.UniqueConstraint(fields=["application", "skill"], name="unique_detected_skill")
        ]


class InterviewKind(models.TextChoices):
    PHONE = "phone", _("Phone screen")
    VIDEO = "video", _("Video call")
    IN_PERSON = "in_person", _("In person")
    PANEL = "panel", _("Panel")
    TECHNICAL = "technical", _("Technical or skills test")
    OTHER = "other", _("Other")


class InterviewQuerySet(OwnedQuerySet):
    pass


class Interview(models.Model):
    """An interview scheduled for an application."""

    owner_path = "application__user"  # who sees it: core.access

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="interviews"
    )
    scheduled_at = models.DateTimeField(_("date and time"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=60)
    kind = models.CharField(
        _("kind"), max_length=16, choices=InterviewKind.choices, default=InterviewKind.VIDEO
    )
    with_whom = models.CharField(_("with whom"), max_length=300, blank=True)
    location = models.CharField(_("place or link"), max_length=300, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    objects = InterviewQuerySet.as_manager()

    class Meta:
        ordering = ["scheduled_at", "id"]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.application}"

    @property
    def is_past(self):
        return self.scheduled_at <= timezone.now()


class ReflectionQuerySet(OwnedQuerySet):
    pass


class InterviewReflection(models.Model):
    """What a person learnt from an interview, whatever its outcome."""

    owner_path = "interview__application__user"  # who sees it: core.access

    interview = models.OneToOneField(Interview, on_delete=models.CASCADE, related_name="reflection")
    went_well = models.TextField(_("what went well"), blank=True)
    do_differently = models.TextField(_("what I could have done differently"), blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReflectionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def set_techniques(self, lines):
        """Replace the techniques with `lines` (one per item), keeping the "tried" mark of those
        that stay."""
        wanted = [line.strip() for line in lines if line.strip()]
        existing = {t.text: t for t in self.techniques.all()}
        self.techniques.exclude(text__in=wanted).delete()
        for text in wanted:
            if text not in existing:
                Technique.objects.create(
                    reflection=self, user=self.interview.application.user, text=text
                )


class TechniqueQuerySet(OwnedQuerySet):
    def to_show(self, user):
        """Techniques to try, most recent first, with the interview they come from."""
        return (
            self.owned_by(user)
            .select_related("reflection__interview__application")
            .order_by("-created_at", "-id")
        )


class Technique(models.Model):
    """A technique to try at the next interview, noted in a reflection."""

    owner_path = "user"  # who sees it: core.access

    reflection = models.ForeignKey(
        InterviewReflection, on_delete=models.CASCADE, related_name="techniques"
    )
    # Denormalised owner: the coach page lists a person's techniques in one query.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="interview_techniques"
    )
    text = models.CharField(_("technique"), max_length=500)
    tried = models.BooleanField(_("tried it"), default=False)
    tried_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = TechniqueQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.text

    def mark_tried(self, tried=True):
        self.tried = tried
        self.tried_at = timezone.now() if tried else None
        self.save(update_fields=["tried", "tried_at"])


class PreparedAnswerQuerySet(OwnedQuerySet):
    def general(self, user):
        return self.owned_by(user).filter(application__isnull=True)


class PreparedAnswer(models.Model):
    """An answer a person prepares to an interview question, for one application or in general."""

    owner_path = "user"  # who sees it: core.access

    QUESTION_KEYS = [(key, text) for key, text in COMMON_QUESTIONS]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="prepared_answers"
    )
    application = models.ForeignKey(
        Application,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="prepared_answers",
    )
    # One of the common questions, or empty for a question of the person's own.
    question_key = models.CharField(max_length=32, choices=QUESTION_KEYS, blank=True)
    custom_question = models.CharField(_("your question"), max_length=300, blank=True)
    text = models.TextField(_("your answer"), blank=True)
    language = models.CharField(
        _("language of the answer"), max_length=2, choices=Language.choices, default=Language.EN
    )
    # The last alignment check of this text (career-goals answers), as check_answer returns it.
    last_check = models.JSONField(null=True, blank=True)
    checked_text = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PreparedAnswerQuerySet.as_manager()

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return str(self.question)

    @property
    def question(self):
        return question_text(self.question_key) if self.question_key else self.custom_question

    @property
    def is_career_goals(self):
        return self.question_key == "career_goals"

    @property
    def check_is_current(self):
        return self.last_check is not None and self.checked_text == self.text


class PracticeAttemptQuerySet(OwnedQuerySet):
    pass


class PracticeAttempt(models.Model):
    """One timed rehearsal of an answer: what the person said, how long it took, how it checked."""

    owner_path = "answer__user"  # who sees it: core.access

    answer = models.ForeignKey(PreparedAnswer, on_delete=models.CASCADE, related_name="attempts")
    text = models.TextField(_("what you said"), blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    check_result = models.JSONField(null=True, blank=True)

    objects = PracticeAttemptQuerySet.as_manager()

    class Meta:
        ordering = ["started_at", "id"]

    @property
    def is_finished(self):
        return self.finished_at is not None

    @property
    def duration_seconds(self):
        if self.finished_at is None:
            return None
        return max(0, round((self.finished_at - self.started_at).total_seconds()))
