"""Forms of the organisations app. Rules live in the domain modules; forms check shapes."""

import base64
import datetime
import zlib

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.access import owned
from core.api_schemas import MAX_ROW_ID
from organisations.modelfile import MAX_BYTES
from organisations.models import (
    Cadence,
    Evidence,
    JobRole,
    Role,
    Team,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class Form(forms.Form):
    """Rendered with the shared accessible templates: errors above each field, required marks."""

    template_name = "core/forms/form.html"


class OrganisationForm(Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    slug = forms.SlugField(
        label=_("Short name"),
        max_length=60,
        required=False,
        help_text=_("Letters, digits and hyphens, used in addresses. Empty: made from the name."),
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class InviteForm(Form):
    email = forms.EmailField(label=_("Email"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)
    team = forms.ModelChoiceField(label=_("Team"), queryset=Team.objects.none(), required=False)

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.filter(organisation=organisation)


class MemberForm(Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    team = forms.ModelChoiceField(label=_("Team"), queryset=Team.objects.none(), required=False)
    job_role = forms.ModelChoiceField(
        label=_("Current job role"), queryset=JobRole.objects.none(), required=False
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.filter(organisation=organisation)
        self.fields["job_role"].queryset = JobRole.objects.filter(
            model__organisation=organisation
        ).order_by("model__name_en", "position", "id")


class TeamForm(Form):
    name = forms.CharField(label=_("Team name"), max_length=150)


class ProposeForm(Form):
    """An administrator picks a manager and a report; a manager picks a report."""

    manager = forms.TypedChoiceField(label=_("Manager"), coerce=int)
    report = forms.TypedChoiceField(label=_("Person managed"), coerce=int)
    cadence = forms.ChoiceField(
        label=_("Rhythm of 1:1 conversations"), choices=Cadence.choices, initial=Cadence.BIWEEKLY
    )

    def __init__(self, *args, members, managers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["manager"].choices = [(m.user_id, m.user.display_name) for m in managers]
        self.fields["report"].choices = [(m.user_id, m.user.display_name) for m in members]


class CadenceForm(Form):
    cadence = forms.ChoiceField(label=_("Rhythm of 1:1 conversations"), choices=Cadence.choices)


class ShareGoalsForm(Form):
    goals = forms.ModelMultipleChoiceField(
        label=_("Goals my manager sees"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, user, **kwargs):
        from goals.models import Goal

        super().__init__(*args, **kwargs)
        self.fields["goals"].queryset = owned(Goal, user).order_by("deadline", "id")


def default_conversation_time():
    when = timezone.localtime() + datetime.timedelta(days=7)
    return when.replace(hour=10, minute=0, second=0, microsecond=0)


class ConversationForm(Form):
    scheduled_at = forms.DateTimeField(
        label=_("Date and time"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        error_messages={"invalid": _("Enter a date and time, for example 2026-03-14 10:00.")},
    )
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"), min_value=5, max_value=480, initial=30
    )
    cycle = forms.ModelChoiceField(label=_("Development cycle"), queryset=None, required=False)

    def __init__(self, *args, cycles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cycle"].queryset = cycles


class TopicForm(Form):
    text = forms.CharField(label=_("Topic for the agenda"), max_length=500)


class SharedNotesForm(Form):
    shared_notes = forms.CharField(
        label=_("Shared notes (both of you read them)"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class PrivateNoteForm(Form):
    private_notes = forms.CharField(
        label=_("My private notes (only I can read them)"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ActionForm(Form):
    title = forms.CharField(label=_("Action"), max_length=300)
    owner = forms.ChoiceField(label=_("Who does it"))
    due_date = forms.DateField(label=_("Due date"), required=False, widget=DATE)

    def __init__(self, *args, link, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [
            (str(link.report_id), link.report.display_name),
            (str(link.manager_id), link.manager.display_name),
        ]


class StepForm(Form):
    goal = forms.ModelChoiceField(label=_("Goal"), queryset=None)

    def __init__(self, *args, user, **kwargs):
        from goals.models import Goal, GoalStatus

        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = owned(Goal, user).filter(status=GoalStatus.ACTIVE)


def pack(document_json: str) -> str:
    """The checked document as the preview page carries it to the confirmation: compressed, so
    that a model file near the size limit still fits a form field."""
    return base64.b64encode(zlib.compress(document_json.encode("utf-8"), 6)).decode("ascii")


def unpack(text: str) -> bytes:
    """The document `pack` made, decompressed no further than the size limit."""
    try:
        raw = base64.b64decode(text, validate=True)
        inflater = zlib.decompressobj()
        document = inflater.decompress(raw, MAX_BYTES + 1)
    except (ValueError, zlib.error):
        raise forms.ValidationError(_("This preview is damaged: choose the file again.")) from None
    if len(document) > MAX_BYTES or inflater.unconsumed_tail:
        raise forms.ValidationError(
            _("The file is too large (over %(mb)s MB).") % {"mb": MAX_BYTES // 1024**2}
        )
    return document


class ImportForm(Form):
    file = forms.FileField(
        label=_("Competency model file (CSV or JSON)"),
        required=False,
        help_text=_("Exported from Parcours or written by hand: see the example files."),
    )
    content = forms.CharField(required=False, widget=forms.HiddenInput)
    file_format = forms.ChoiceField(
        label=_("Format"),
        choices=[("", _("From the file name")), ("csv", "CSV"), ("json", "JSON")],
        required=False,
    )

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload is not None:
            if upload.size > MAX_BYTES:
                raise forms.ValidationError(
                    _("The file is too large (over %(mb)s MB).") % {"mb": MAX_BYTES // 1024**2}
                )
            data["raw"] = upload.read()
            data["filename"] = upload.name
        elif data.get("content"):
            data["raw"] = unpack(data["content"])
            data["filename"] = ""
        else:
            raise forms.ValidationError(_("Choose a file to import."))
        return data


class CycleForm(Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    starts_on = forms.DateField(label=_("Starts on"), widget=DATE)
    self_review_due = forms.DateField(label=_("Self-reviews due"), widget=DATE)
    manager_review_due = forms.DateField(label=_("Manager reviews due"), widget=DATE)
    ends_on = forms.DateField(label=_("Conversations held by"), widget=DATE)


class ObjectiveForm(Form):
    title = forms.CharField(label=_("Objective"), max_length=300)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    team = forms.ModelChoiceField(
        label=_("Team"),
        queryset=None,
        required=False,
        empty_label=_("The whole organisation"),
    )

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams


class AlignForm(Form):
    objective = forms.ModelChoiceField(label=_("Objective it serves"), queryset=None)
    why_me = forms.CharField(
        label=_("Why it matters to me"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    why_team = forms.CharField(
        label=_("Why it matters to the team"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, objectives, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objective"].queryset = objectives


class AssessmentStartForm(Form):
    role = forms.ModelChoiceField(label=_("Job role to assess against"), queryset=None)

    def __init__(self, *args, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].queryset = roles


class RatingsForm(Form):
    """One level and one comment per competency, and the summary (self-review or review)."""

    summary = forms.CharField(
        label=_("Summary"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, rows, levels, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("Not assessed"))] + [
            (str(level.level), f"{level.level}. {level.name()}") for level in levels
        ]
        self.rows = rows
        for row in rows:
            key = row.competency.pk
            self.fields[f"level_{key}"] = forms.TypedChoiceField(
                label=_("Level"),
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
                initial=row.rating.level,
            )
            self.fields[f"comment_{key}"] = forms.CharField(
                label=_("Comment"),
                required=False,
                max_length=4000,
                initial=row.rating.comment,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def rows_with_fields(self):
        """(row, level field, comment field) for each competency, in order."""
        return [
            (row, self[f"level_{row.competency.pk}"], self[f"comment_{row.competency.pk}"])
            for row in self.rows
        ]

    def ratings(self):
        return {
            row.competency.pk: (
                self.cleaned_data.get(f"level_{row.competency.pk}"),
                self.cleaned_data.get(f"comment_{row.competency.pk}", ""),
            )
            for row in self.rows
        }


class EvidenceForm(Form):
    competency = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_ROW_ID)
    kind = forms.ChoiceField(label=_("Kind"), choices=Evidence.Kind.choices)
    text = forms.CharField(label=_("Evidence"), max_length=500)
    source_kind = forms.ChoiceField(
        choices=[("", ""), ("checkin", "checkin"), ("learning", "learning")],
        required=False,
        widget=forms.HiddenInput,
    )
    source_id = forms.IntegerField(
        required=False, min_value=1, max_value=MAX_ROW_ID, widget=forms.HiddenInput
    )
