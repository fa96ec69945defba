"""Learning plan, networking and industry watch.

Everything here belongs to one person (`user`) and is only ever read through `for_user`
querysets, so that another person gets a 404 and never data.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import access
from growth.limits import LONG_TEXT

CURRENCIES = [
    ("CAD", "CAD"),
    ("EUR", "EUR"),
    ("USD", "USD"),
    ("GBP", "GBP"),
    ("CHF", "CHF"),
]


class OwnedQuerySet(models.QuerySet):
    def for_user(self, user):
        return access.owned(self, user)


# Learning plan ---------------------------------------------------------------------------------


class LearningItem(models.Model):
    """Something a person plans to learn from: a course, a certification, an internship, a book.

    Internships ("stage" in French) are learning items of kind INTERNSHIP: they have a host
    organisation (the provider), dates, hours, a cost or a stipend and skills they develop.
    """

    owner_path = "user"  # who sees it: core.access

    class Kind(models.TextChoices):
        COURSE = "course", _("course")
        REFRESHER = "refresher", _("refresher training")
        CERTIFICATION = "certification", _("certification")
        DEGREE = "degree", _("degree")
        INTERNSHIP = "internship", _("internship")
        CONFERENCE = "conference", _("conference")
        BOOK = "book", _("book")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        IN_PROGRESS = "in_progress", _("in progress")
        COMPLETED = "completed", _("completed")
        DROPPED = "dropped", _("dropped")

    class Payer(models.TextChoices):
        SELF = "self", _("I pay")
        EMPLOYER = "employer", _("my employer pays")
        GRANT = "grant", _("a grant or bursary pays")
        LOAN = "loan", _("I pay with a loan")

    class Accreditation(models.TextChoices):
        VERIFIED = "verified", _("verified")
        UNVERIFIED = "unverified", _("not verified yet")
        NOT_APPLICABLE = "not_applicable", _("not applicable")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learning_items"
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.COURSE)
    provider = models.CharField(
        _("provider"),
        max_length=200,
        blank=True,
        help_text=_("The school, company or host organisation (for an internship)."),
    )
    url = models.URLField(_("web page"), blank=True)
    skills = models.ManyToManyField(
        "taxonomy.Skill", blank=True, related_name="learning_items", verbose_name=_("skills")
    )
    goals = models.ManyToManyField(
        "goals.Goal", blank=True, related_name="learning_items", verbose_name=_("career goals")
    )
    hours = models.DecimalField(
        _("hours"),
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PLANNED
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)

    cost = models.DecimalField(
        _("cost"), max_digits=10, decimal_places=2, default=0, validators=[MinValueValidator(0)]
    )
    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCIES, default="CAD")
    payer = models.CharField(
        _("who pays"), max_length=16, choices=Payer.choices, default=Payer.SELF
    )
    loan_rate = models.DecimalField(
        _("loan annual interest rate (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    loan_term_months = models.PositiveSmallIntegerField(
        _("loan term (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
    )
    salary_change = models.DecimalField(
        _("expected salary change per year"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Before tax; negative if you expect to earn less."),
    )
    salary_assumption = models.CharField(
        _("why you expect this change"),
        max_length=300,
        blank=True,
        help_text=_("E.g. “the pay scale moves me up one step once certified”."),
    )

    accreditation = models.CharField(
        _("accreditation"),
        max_length=16,
        choices=Accreditation.choices,
        default=Accreditation.UNVERIFIED,
    )
    accrediting_body = models.CharField(_("accrediting body"), max_length=200, blank=True)
    accreditation_verified_on = models.DateField(_("verified on"), null=True, blank=True)
    accreditation_note = models.TextField(
        _("how it was verified"),
        max_length=LONG_TEXT,
        blank=True,
        help_text=_("E.g. “found in the ministry's list of recognised programmes”."),
    )
    notes = models.TextField(_("notes"), max_length=LONG_TEXT, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["status", "start_date", "id"]
        verbose_name = _("learning item")
        verbose_name_plural = _("learning plan")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("growth:learning_detail", args=[self.pk])

    def clean(self):
        errors = {}
        if self.payer == self.Payer.LOAN:
            if self.loan_rate is None:
                errors["loan_rate"] = _("Give the loan's annual interest rate (0 if none).")
            if not self.loan_term_months:
                errors["loan_term_months"] = _("Give the loan's term in months.")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date must be on or after the start date.")
        if self.accreditation == self.Accreditation.VERIFIED and not self.accrediting_body:
            errors["accrediting_body"] = _("Say which body accredits it.")
        if errors:
            raise ValidationError(errors)

    @property
    def accreditation_warning(self):
        return self.accreditation == self.Accreditation.UNVERIFIED

    @property
    def is_open(self):
        return self.status in (self.Status.PLANNED, self.Status.IN_PROGRESS)


# Networking ------------------------------------------------------------------------------------


class ContactQuerySet(OwnedQuerySet):
    def with_last_interaction(self):
        return self.annotate(last_interaction_on=models.Max("interactions__date"))


class Contact(models.Model):
    """A person in one's network, with how often to get back in touch."""

    owner_path = "user"  # who sees it: core.access

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=200, blank=True)
    industry = models.CharField(_("industry"), max_length=200, blank=True)
    how_we_met = models.CharField(_("how we met"), max_length=300, blank=True)
    met_on = models.DateField(
        _("when we met"),
        null=True,
        blank=True,
        help_text=_("Follow-ups count from here until you log a first interaction."),
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    tags = models.CharField(
        _("tags"), max_length=300, blank=True, help_text=_("Separated by commas.")
    )
    notes = models.TextField(_("notes"), max_length=LONG_TEXT, blank=True)
    follow_up_days = models.PositiveSmallIntegerField(
        _("follow up every (days)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
        help_text=_("E.g. 90 to get back in touch every three months. Empty: no reminder."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ContactQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("growth:contact_detail", args=[self.pk])

    @property
    def tag_list(self):
        return [tag.strip() for tag in self.tags.split(",") if tag.strip()]

    def last_contact_date(self):
        """The last interaction's date (annotated by `with_last_interaction`), else when we met,
        else when the contact was added."""
        last = getattr(self, "last_interaction_on", None)
        if last is None and not hasattr(self, "last_interaction_on"):
            last = self.interactions.aggregate(last=models.Max("date"))["last"]
        if last is not None:
            return last
        if self.met_on is not None:
            return self.met_on
        return timezone.localdate(self.created_at) if self.created_at else timezone.localdate()

    def next_follow_up(self):
        """The day to get back in touch, or None when the contact has no cadence."""
        if not self.follow_up_days:
            return None
        return self.last_contact_date() + datetime.timedelta(days=self.follow_up_days)

    def follow_up_due(self, today=None):
        due = self.next_follow_up()
        return due is not None and due <= (today or timezone.localdate())


class Interaction(models.Model):
    """One exchange with a contact: a coffee, a call, an email, a meeting at an event."""

    owner_path = "contact__user"  # who sees it: core.access

    class Kind(models.TextChoices):
        MEETING = "meeting", _("meeting")
        CALL = "call", _("call")
        EMAIL = "email", _("email")
        MESSAGE = "message", _("message")
        EVENT = "event", _("event")
        OTHER = "other", _("other")

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="interactions")
    date = models.DateField(_("date"), default=timezone.localdate)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.MEETING)
    summary = models.TextField(_("summary"), max_length=LONG_TEXT, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("interaction")
        verbose_name_plural = _("interactions")

    def __str__(self):
        return f"{self.date} {self.get_kind_display()}"


class Association(models.Model):
    """A professional association or a regulatory body ("ordre professionnel")."""

    owner_path = "user"  # who sees it: core.access

    class Kind(models.TextChoices):
        ASSOCIATION = "association", _("professional association")
        REGULATOR = "regulator", _("regulatory body (professional order)")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="associations"
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=16, choices=Kind.choices, default=Kind.ASSOCIATION
    )
    industry = models.CharField(_("industry"), max_length=200, blank=True)
    website = models.URLField(_("web page"), blank=True)
    notes = models.TextField(_("notes"), max_length=LONG_TEXT, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("professional association")
        verbose_name_plural = _("professional associations")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("growth:association_detail", args=[self.pk])


class MembershipQuerySet(models.QuerySet):
    def for_user(self, user):
        return access.owned(self, user)


class Membership(models.Model):
    """One period of membership in an association, up to its renewal date."""

    owner_path = "association__user"  # who sees it: core.access

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="memberships"
    )
    member_number = models.CharField(_("member number"), max_length=60, blank=True)
    started_on = models.DateField(_("member since"), default=timezone.localdate)
    renews_on = models.DateField(_("renewal date"), null=True, blank=True)
    fee = models.DecimalField(
        _("fee"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCIES, default="CAD")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on", "-id"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self):
        return f"{self.association} {self.started_on}"

    def clean(self):
        if self.renews_on and self.started_on and self.renews_on < self.started_on:
            raise ValidationError(
                {"renews_on": _("The renewal date must be on or after the start date.")}
            )


# Industry watch --------------------------------------------------------------------------------


class Feed(models.Model):
    """An RSS or Atom feed the person follows for an industry."""

    owner_path = "user"  # who sees it: core.access

    # The progress of a fetch is not the person's data: an export leaves it out (core.portability).
    not_exported = ("last_new_entries", "fetch_state", "fetch_requested_at")

    class FetchState(models.TextChoices):
        IDLE = "", _("idle")
        QUEUED = "queued", _("waiting to be fetched")
        FETCHING = "fetching", _("being fetched")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feeds"
    )
    url = models.URLField(_("feed address"), max_length=1000)
    title = models.CharField(_("title"), max_length=300, blank=True)
    industry = models.CharField(_("industry"), max_length=200, blank=True)
    etag = models.CharField(max_length=300, blank=True)
    modified = models.CharField(max_length=100, blank=True)
    last_fetched_at = models.DateTimeField(_("last fetched"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    last_error_at = models.DateTimeField(null=True, blank=True)
    # How many articles the last successful fetch brought (None after a failure).
    last_new_entries = models.PositiveIntegerField(null=True, blank=True)
    # A fetch asked for with "Fetch now": queued for the worker, then being fetched.
    fetch_state = models.CharField(
        max_length=8, choices=FetchState.choices, default=FetchState.IDLE, blank=True
    )
    fetch_requested_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["industry", "title", "id"]
        verbose_name = _("feed")
        verbose_name_plural = _("feeds")
        constraints = [models.UniqueConstraint(fields=["user", "url"], name="unique_user_feed")]

    def __str__(self):
        return self.title or self.url

    def get_absolute_url(self):
        return reverse("growth:feed_detail", args=[self.pk])

    @property
    def is_being_fetched(self):
        return self.fetch_state != self.FetchState.IDLE


class EntryQuerySet(models.QuerySet):
    def for_user(self, user):
        return access.owned(self, user)

    def unread(self):
        return self.filter(read_at__isnull=True)


class Entry(models.Model):
    """An article of a feed, kept once however many times the feed is fetched."""

    owner_path = "feed__user"  # who sees it: core.access

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="entries")
    guid = models.CharField(max_length=1000)
    link = models.URLField(max_length=1000, blank=True)
    title = models.CharField(max_length=500, blank=True)
    summary = models.TextField(blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = [models.UniqueConstraint(fields=["feed", "guid"], name="unique_feed_entry")]

    def __str__(self):
        return self.title or self.link


class ReadingNote(models.Model):
    """The reading log: what one read and the takeaways, linked to career goals."""

    owner_path = "user"  # who sees it: core.access

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reading_notes"
    )
    title = models.CharField(_("what you read"), max_length=300)
    source = models.URLField(_("link"), max_length=1000, blank=True)
    entry = models.ForeignKey(
        Entry, null=True, blank=True, on_delete=models.SET_NULL, related_name="notes"
    )
    read_on = models.DateField(_("read on"), default=timezone.localdate)
    takeaways = models.TextField(_("takeaways"), max_length=LONG_TEXT)
    goals = models.ManyToManyField(
        "goals.Goal", blank=True, related_name="reading_notes", verbose_name=_("career goals")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-read_on", "-id"]
        verbose_name = _("reading note")
        verbose_name_plural = _("reading log")

    def __str__(self):
        return self.title
