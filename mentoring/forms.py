"""Forms of the mentoring app. Rules live in mentoring.lifecycle; forms check shapes."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.access import owned
from mentoring.choices import LANGUAGES, Value
from mentoring.models import KeepInTouch, MenteePreferences, MentorProfile
from taxonomy.models import Occupation, Skill

STYLE_WIDGETS = {
    "approach": forms.RadioSelect,
    "structure": forms.RadioSelect,
    "frequency": forms.RadioSelect,
    "channel": forms.RadioSelect,
}


class MentorProfileForm(forms.ModelForm):
    values = forms.MultipleChoiceField(
        label=_("Values"),
        choices=Value.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you mentor in"),
        choices=LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one language you can mentor in.")},
    )
    skills = forms.ModelMultipleChoiceField(
        label=_("Skills"),
        queryset=Skill.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    occupations = forms.ModelMultipleChoiceField(
        label=_("Occupations you have worked in"),
        queryset=Occupation.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = MentorProfile
        fields = [
            "headline",
            "bio",
            "skills",
            "occupations",
            "industries",
            "years_of_experience",
            "values",
            "values_other",
            "approach",
            "structure",
            "frequency",
            "channel",
            "languages",
            "capacity",
            "availability",
            "accepting_requests",
        ]
        widgets = {"bio": forms.Textarea(attrs={"rows": 4}), **STYLE_WIDGETS}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the chosen concepts are rendered; the search box adds others (see the template).
        chosen = self.instance.pk and self.instance
        self.fields["skills"].widget.choices = []
        self.fields["occupations"].widget.choices = []
        if chosen:
            self.chosen_skills = list(self.instance.skills.all())
            self.chosen_occupations = list(self.instance.occupations.all())
        else:
            self.chosen_skills, self.chosen_occupations = [], []

    def clean_languages(self):
        return list(dict.fromkeys(self.cleaned_data["languages"]))  # in order, once each


class MenteePreferencesForm(forms.ModelForm):
    values = forms.MultipleChoiceField(
        label=_("Values that matter to you"),
        choices=Value.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=LANGUAGES)
    other_languages = forms.MultipleChoiceField(
        label=_("Other languages you are comfortable in"),
        choices=LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = MenteePreferences
        fields = ["values", "values_other", "approach", "structure", "frequency", "channel"]
        widgets = STYLE_WIDGETS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        languages = list(self.instance.languages or [])
        if languages:
            self.fields["preferred_language"].initial = languages[0]
            self.fields["other_languages"].initial = languages[1:]

    def save(self, commit=True):
        first = self.cleaned_data["preferred_language"]
        others = [c for c in self.cleaned_data["other_languages"] if c != first]
        self.instance.languages = [first, *others]
        return super().save(commit)


class RequestForm(forms.Form):
    goals = forms.ModelMultipleChoiceField(
        label=_("Goals to share with this mentor"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only the goals you tick are shared, and you can change this later."),
    )
    objectives = forms.CharField(
        label=_("Objectives (if no goal fits)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    hoped_gain = forms.CharField(
        label=_("What I hope to gain from this mentorship"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say what you hope to gain from this mentorship.")},
    )

    def __init__(self, *args, user, **kwargs):
        from goals.models import Goal, GoalStatus

        super().__init__(*args, **kwargs)
        self.fields["goals"].queryset = (
            owned(Goal, user).filter(status=GoalStatus.ACTIVE).order_by("deadline", "id")
        )

    def clean(self):
        data = super().clean()
        if not data.get("goals") and not (data.get("objectives") or "").strip():
            raise forms.ValidationError(
                _("Choose at least one of your goals or write your objectives before asking.")
            )
        return data


class ShareGoalsForm(forms.Form):
    goals = forms.ModelMultipleChoiceField(
        label=_("Goals shared with this mentorship"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, user, **kwargs):
        from goals.models import Goal

        super().__init__(*args, **kwargs)
        self.fields["goals"].queryset = owned(Goal, user).order_by("deadline", "id")


class DeclineForm(forms.Form):
    message = forms.CharField(
        label=_("Your message to the mentee"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Write a kind message: the mentee will read it.")},
    )


class EndForm(forms.Form):
    OUTCOMES = [
        ("completed", _("The goals are met: we keep in touch")),
        ("ended", _("We end it early")),
    ]
    outcome = forms.ChoiceField(label=_("How it ends"), choices=OUTCOMES, widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason or closing words"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        data = super().clean()
        if data.get("outcome") == "ended" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Give a reason: it helps the other person understand."))
        return data


class SessionForm(forms.Form):
    scheduled_at = forms.DateTimeField(
        label=_("Date and time"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        error_messages={"invalid": _("Enter a date and time, for example 2026-03-14 18:30.")},
    )
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"), min_value=5, max_value=480, initial=60
    )
    questions = forms.CharField(
        label=_("Questions I want to ask (one per line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class QuestionsForm(forms.Form):
    questions = forms.CharField(
        label=_("Questions I want to ask (one per line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class SharedNotesForm(forms.Form):
    shared_notes = forms.CharField(
        label=_("Shared notes"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )


class PrivateNoteForm(forms.Form):
    text = forms.CharField(
        label=_("My private notes (only I can read them)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    heard = forms.CharField(
        label=_("What I heard, in my own words"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ActionForm(forms.Form):
    title = forms.CharField(label=_("Action"), max_length=300)
    due_date = forms.DateField(
        label=_("Due date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class ReviewForm(forms.Form):
    link = forms.ModelChoiceField(label=_("Goal"), queryset=None)
    note = forms.CharField(label=_("Progress reviewed"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, links, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["link"].queryset = links
        self.fields["link"].label_from_instance = lambda link: link.goal.statement


class FeedbackForm(forms.Form):
    link = forms.ModelChoiceField(
        label=_("About the goal"), queryset=None, required=False, empty_label=_("No goal")
    )
    observation = forms.CharField(
        label=_("What I observed"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Facts, not judgements: what happened, what you saw or read."),
    )
    suggestion = forms.CharField(
        label=_("What could work better"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One concrete thing to try next time."),
    )

    def __init__(self, *args, links, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["link"].queryset = links
        self.fields["link"].label_from_instance = lambda link: link.goal.statement


class ReflectionForm(forms.Form):
    text = forms.CharField(
        label=_("My reflection on this feedback"), widget=forms.Textarea(attrs={"rows": 3})
    )
    action_taken = forms.CharField(
        label=_("What I did with it"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    shared = forms.BooleanField(label=_("Share my reflection with my mentor"), required=False)


class ThanksForm(forms.Form):
    message = forms.CharField(
        label=_("Your thank-you"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Write a few words of thanks.")},
    )


class KeepInTouchForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=KeepInTouch.Kind.choices)
    message = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 3}))


def default_session_time():
    now = timezone.localtime() + datetime.timedelta(days=7)
    return now.replace(hour=18, minute=0, second=0, microsecond=0)
