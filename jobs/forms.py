"""Forms of the jobs app. Labels, help and errors are translated."""

from django import forms
from django.utils.translation import gettext_lazy as _

from jobs.models import (
    Application,
    Interview,
    InterviewReflection,
    PracticeAttempt,
    PreparedAnswer,
    Status,
)

MAX_POSTING = 50_000


class ApplicationForm(forms.ModelForm):
    occupation_search = forms.CharField(
        label=_("Find the target occupation"),
        required=False,
        help_text=_("Type a few letters of the occupation, e.g. “nurse” or “préposé”."),
    )

    class Meta:
        model = Application
        fields = [
            "title",
            "organisation",
            "posting_url",
            "posting_text",
            "posting_language",
            "occupation",
            "status",
            "notes",
        ]
        widgets = {
            "posting_text": forms.Textarea(attrs={"rows": 12}),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "occupation": forms.HiddenInput(),
        }
        error_messages = {
            "title": {"required": _("Give the job title, as the posting says it.")},
            "organisation": {"required": _("Give the organisation that is hiring.")},
            "posting_url": {"invalid": _("Enter a full web address, starting with https://.")},
        }

    def clean_posting_text(self):
        text = self.cleaned_data["posting_text"]
        if len(text) > MAX_POSTING:
            raise forms.ValidationError(
                _(
                    "This posting is too long (over %(limit)d characters): "
                    "paste the part about the job."
                )
                % {"limit": MAX_POSTING}
            )
        return text


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Move to"),
        choices=Status.choices,
        error_messages={"invalid_choice": _("Choose one of the statuses in the list.")},
    )


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class InterviewForm(forms.ModelForm):
    class Meta:
        model = Interview
        fields = ["scheduled_at", "duration_minutes", "kind", "with_whom", "location", "notes"]
        widgets = {
            "scheduled_at": DateTimeLocalInput(),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "with_whom": _("Names and roles, e.g. “Julie Roy, head nurse; HR advisor”."),
        }
        error_messages = {
            "scheduled_at": {
                "required": _("Give the date and time of the interview."),
                "invalid": _("Enter a date and time, e.g. 2026-03-14 10:00."),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scheduled_at"].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        self.fields["duration_minutes"].min_value = 5
        self.fields["duration_minutes"].max_value = 600
        self.fields["duration_minutes"].widget.attrs.update(min=5, max=600)

    def clean_duration_minutes(self):
        value = self.cleaned_data["duration_minutes"]
        if value is None or not 5 <= value <= 600:
            raise forms.ValidationError(_("Give a duration between 5 and 600 minutes."))
        return value


class ReflectionForm(forms.ModelForm):
    techniques = forms.CharField(
        label=_("Techniques to try next time"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line. They will be shown when you prepare your next interview."),
    )

    class Meta:
        model = InterviewReflection
        fields = ["went_well", "do_differently"]
        widgets = {
            "went_well": forms.Textarea(attrs={"rows": 4}),
            "do_differently": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["techniques"] = "\n".join(
                t.text for t in self.instance.techniques.order_by("created_at", "id")
            )

    def clean_techniques(self):
        lines = [line.strip() for line in self.cleaned_data["techniques"].splitlines()]
        lines = [line for line in lines if line]
        if any(len(line) > 500 for line in lines):
            raise forms.ValidationError(_("Keep each technique under 500 characters."))
        return list(dict.fromkeys(lines))

    def clean(self):
        data = super().clean()
        if not any(
            [data.get("went_well", "").strip(), data.get("do_differently", "").strip()]
        ) and not data.get("techniques"):
            raise forms.ValidationError(
                _("Write at least one thing: what went well, what to change, or a technique.")
            )
        return data


class AnswerForm(forms.ModelForm):
    class Meta:
        model = PreparedAnswer
        fields = ["text", "language"]
        widgets = {"text": forms.Textarea(attrs={"rows": 8})}


class OwnQuestionForm(forms.Form):
    custom_question = forms.CharField(
        label=_("Your own question"),
        max_length=300,
        error_messages={"required": _("Write the question you want to prepare.")},
    )


class AttemptForm(forms.ModelForm):
    class Meta:
        model = PracticeAttempt
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 8})}
        labels = {"text": _("What you said (type it, or a summary)")}
