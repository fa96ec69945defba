"""Forms of the growth app; the API validates its input through the same forms."""

from django import forms
from django.apps import apps
from django.utils.translation import gettext_lazy as _

from core import safe_http
from core.access import owned
from growth import limits
from growth.feeds import is_fetchable, is_private_literal
from growth.models import (
    Association,
    Contact,
    Feed,
    Interaction,
    LearningItem,
    Membership,
    ReadingNote,
)
from taxonomy.models import Skill

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SkillPicker(forms.SelectMultiple):
    """Checkboxes for the chosen skills and a search box that adds more (htmx).

    Rendering every ESCO skill as an option is out of the question (there are thousands): only
    the selected ones are rendered; the search returns more checkboxes of the same name.
    """

    template_name = "growth/widgets/skill_picker.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        ids = [str(v) for v in (value or []) if str(v).isdigit()]
        context["selected_skills"] = list(Skill.objects.filter(pk__in=ids)) if ids else []
        return context

    def optgroups(self, name, value, attrs=None):
        return []  # never iterate the whole queryset


def goal_queryset(user):
    """The person's own career goals (empty while the goals app has no Goal model)."""
    try:
        goal_model = apps.get_model("goals", "Goal")
    except LookupError:
        return None
    return owned(goal_model, user)


class OwnerFormMixin:
    """Forms built for one person: the goals they can link are theirs only."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if "goals" in self.fields:
            queryset = goal_queryset(user)
            if queryset is None:
                del self.fields["goals"]
            else:
                self.fields["goals"].widget = forms.CheckboxSelectMultiple()
                self.fields["goals"].queryset = queryset
                self.fields["goals"].help_text = (
                    "" if queryset.exists() else _("You have no career goal yet: add one in Goals.")
                )

    def save(self, commit=True):
        if self.instance.pk is None and hasattr(self.instance, "user_id"):
            self.instance.user = self.user
        return super().save(commit=commit)


class LearningItemForm(OwnerFormMixin, forms.ModelForm):
    class Meta:
        model = LearningItem
        fields = [
            "title",
            "kind",
            "provider",
            "url",
            "status",
            "start_date",
            "end_date",
            "hours",
            "skills",
            "goals",
            "cost",
            "currency",
            "payer",
            "loan_rate",
            "loan_term_months",
            "salary_change",
            "salary_assumption",
            "accreditation",
            "accrediting_body",
            "accreditation_verified_on",
            "accreditation_note",
            "notes",
        ]
        widgets = {
            "start_date": DATE,
            "end_date": DATE,
            "accreditation_verified_on": DATE,
            "skills": SkillPicker,
            "notes": forms.Textarea(attrs={"rows": 3}),
            "accreditation_note": forms.Textarea(attrs={"rows": 2}),
        }

    GROUPS = [
        (
            _("What and when"),
            ["title", "kind", "provider", "url", "status", "start_date", "end_date", "hours"],
        ),
        (_("Skills and career goals"), ["skills", "goals"]),
        (
            _("Cost and who pays"),
            ["cost", "currency", "payer", "loan_rate", "loan_term_months"],
        ),
        (_("Expected salary change"), ["salary_change", "salary_assumption"]),
        (
            _("Accreditation"),
            [
                "accreditation",
                "accrediting_body",
                "accreditation_verified_on",
                "accreditation_note",
            ],
        ),
        (_("Notes"), ["notes"]),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.user = self.user  # clean() may need it

    def fieldsets(self):
        """The fields in labelled groups, for a long form that reads in sections."""
        return [
            (legend, [self[name] for name in names if name in self.fields])
            for legend, names in self.GROUPS
        ]


class CompleteForm(forms.Form):
    add_skills = forms.BooleanField(
        label=_("Add this item's skills to my profile"), required=False, initial=True
    )


class ContactForm(OwnerFormMixin, forms.ModelForm):
    class Meta:
        model = Contact
        fields = [
            "name",
            "organisation",
            "role",
            "industry",
            "how_we_met",
            "met_on",
            "email",
            "phone",
            "tags",
            "follow_up_days",
            "notes",
        ]
        widgets = {"met_on": DATE, "notes": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        if self.instance.pk is None:
            from growth import networking

            try:
                networking.check_room_for(self.user, 1)
            except networking.TooManyContacts as error:
                raise forms.ValidationError(str(error), code="too_many_contacts") from None
        return super().clean()


class InteractionForm(forms.ModelForm):
    class Meta:
        model = Interaction
        fields = ["date", "kind", "summary"]
        widgets = {"date": DATE, "summary": forms.Textarea(attrs={"rows": 2})}


class AssociationForm(OwnerFormMixin, forms.ModelForm):
    class Meta:
        model = Association
        fields = ["name", "kind", "industry", "website", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class MembershipForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["member_number", "started_on", "renews_on", "fee", "currency"]
        widgets = {"started_on": DATE, "renews_on": DATE}


class FeedForm(OwnerFormMixin, forms.ModelForm):
    class Meta:
        model = Feed
        fields = ["url", "title", "industry"]
        help_texts = {"title": _("Optional: taken from the feed when empty.")}

    def clean_url(self):
        url = self.cleaned_data["url"]
        if not is_fetchable(url):
            raise forms.ValidationError(_("Give an http or https address."))
        if is_private_literal(url) and not safe_http.private_addresses_allowed():
            raise forms.ValidationError(
                _(
                    "This address is on this machine or a private network: Parcours reads "
                    "feeds on the public internet only."
                )
            )
        duplicates = Feed.objects.for_user(self.user).filter(url=url)
        if self.instance.pk:
            duplicates = duplicates.exclude(pk=self.instance.pk)
        if duplicates.exists():
            raise forms.ValidationError(_("You already follow this feed."))
        return url

    def clean(self):
        limit = limits.get("GROWTH_MAX_FEEDS")
        if self.instance.pk is None and Feed.objects.filter(user=self.user).count() >= limit:
            raise forms.ValidationError(
                _("You follow %(limit)s feeds, the most Parcours keeps: unfollow one first.")
                % {"limit": limit},
                code="too_many_feeds",
            )
        return super().clean()


class ReadingNoteForm(OwnerFormMixin, forms.ModelForm):
    class Meta:
        model = ReadingNote
        fields = ["title", "source", "read_on", "takeaways", "goals"]
        widgets = {"read_on": DATE, "takeaways": forms.Textarea(attrs={"rows": 4})}


class VCardUploadForm(forms.Form):
    file = forms.FileField(
        label=_("vCard file (.vcf)"),
        help_text=_("Exported from your phone, your email or a professional network."),
    )
