"""Forms of the goals app; every message is translated and says what to do next."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from goals.effort import largest, parse_effort, readable_hours
from goals.models import (
    CheckIn,
    Decision,
    Goal,
    Obstacle,
    Reflection,
    Requirement,
    ReviewSettings,
    Stage,
    Step,
)
from goals.statement_deadline import KEEP_DEADLINE, KEEP_STATEMENT, follows, settle_goal
from taxonomy.models import Occupation, Skill

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class EffortField(forms.Field):
    """An effort in hours typed as people say it ("30 min", "1 h 30", "1,5 h", "2 heures"),
    shown back readably in the person's language (goals.effort); stored in hours."""

    widget = forms.TextInput

    def __init__(self, *, max_hours: Decimal, **kwargs):
        self.max_hours = max_hours
        kwargs.setdefault("label", _("Estimated effort"))
        kwargs.setdefault("help_text", _("In hours or minutes: “30 min”, “1 h 30”, “2.5 h”."))
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        return parse_effort(value, self.max_hours)

    def prepare_value(self, value):
        if isinstance(value, Decimal | float | int) and not isinstance(value, bool):
            return readable_hours(value)
        return value

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "autocomplete": "off", "size": 12}


def effort_field(model) -> EffortField:
    """The effort field for `model`'s `estimated_effort_hours` (its largest value)."""
    return EffortField(max_hours=largest(model._meta.get_field("estimated_effort_hours")))


class GoalForm(forms.ModelForm):
    """A goal; its statement's date and its deadline field are settled into one fact
    (goals.statement_deadline): `settled` says what was decided."""

    estimated_effort_hours = effort_field(Goal)
    # When the statement and the deadline field disagree, the person says which one is right.
    keep_deadline = forms.ChoiceField(
        label=_("Which deadline is right?"),
        choices=[(KEEP_STATEMENT, _("The goal's")), (KEEP_DEADLINE, _("The deadline field's"))],
        required=False,
        widget=forms.RadioSelect,
    )
    # The date the deadline field holds only because the statement said so: it then follows
    # the statement's date when that changes.
    deadline_follows = forms.DateField(required=False, widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Why are you changing this goal?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kept with the previous version in the goal's history."),
    )

    class Meta:
        model = Goal
        fields = [
            "statement",
            "description",
            "horizon",
            "target_occupation",
            "target_skills",
            "indicator_name",
            "indicator_unit",
            "baseline",
            "target_value",
            "start_date",
            "deadline",
            "estimated_effort_hours",
            "status",
            "review_cadence",
        ]
        widgets = {
            "statement": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 3}),
            "start_date": DATE,
            "deadline": DATE,
        }
        help_texts = {
            "statement": _("What you want to achieve, by when, and how you will know."),
            "indicator_name": _("What you will count or check, e.g. “applications sent”."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        # Only the person's own targets and skills are offered, so the lists stay short.
        self.fields["target_occupation"].queryset = Occupation.objects.filter(
            targets__user=user
        ).distinct()
        self.fields["target_skills"].queryset = Skill.objects.filter(
            user_skills__user=user
        ).distinct()
        self.fields["target_skills"].required = False
        if self.instance.pk is None:
            del self.fields["reason"]
            del self.fields["status"]
        else:
            self.fields["deadline_follows"].initial = follows(self.instance)
        self.settled = None

    def clean(self):
        # The goal's own rules (indicator, deadline, stages) are the model's: Goal.clean.
        data = super().clean()
        if "statement" in data and "deadline" in data:
            self.settled = settle_goal(
                self.instance if self.instance.pk else None,
                data["statement"],
                data["deadline"],
                today=timezone.localdate(),
                follows=data.get("deadline_follows"),
                keep=data.get("keep_deadline", ""),
                lang=get_language(),
            )
            if self.settled.conflict:
                self.add_error("deadline", self.settled.message())
            elif self.settled.change:
                data["statement"], data["deadline"] = self.settled.statement, self.settled.deadline
                # Shown as settled if the page comes back (another field's error).
                self.data = self.data.copy()
                self.data["statement"] = self.settled.statement
                self.data["deadline"] = self.data["deadline_follows"] = (
                    self.settled.deadline.isoformat()
                )
        if self.instance.pk and self.has_changed() and not data.get("reason", "").strip():
            tracked = set(self.changed_data) & set(Goal.REVISED_FIELDS)
            if tracked:
                self.add_error(
                    "reason", _("Say briefly why you are changing this goal; it is kept.")
                )
        return data


class StageForm(forms.ModelForm):
    class Meta:
        model = Stage
        fields = ["title", "deadline", "description", "done"]
        widgets = {"deadline": DATE, "description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, goal, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.goal = goal


class StageProposalForm(forms.Form):
    title = forms.CharField(label=_("Intermediate goal"), max_length=300)
    deadline = forms.DateField(label=_("Deadline"), widget=DATE)

    def __init__(self, *args, goal, **kwargs):
        super().__init__(*args, **kwargs)
        self.goal = goal

    def clean(self):
        data = super().clean()
        if data.get("title") and data.get("deadline"):
            try:
                Stage(goal=self.goal, **data).clean()  # the stage's own rule, one message
            except ValidationError as error:
                self.add_error(None, error)
        return data


StageProposalFormSet = forms.formset_factory(StageProposalForm, extra=0, min_num=1)


class StepForm(forms.ModelForm):
    estimated_effort_hours = effort_field(Step)

    class Meta:
        model = Step
        fields = [
            "title",
            "stage",
            "due_date",
            "recurrence",
            "recurrence_until",
            "estimated_effort_hours",
            "description",
        ]
        widgets = {
            "due_date": DATE,
            "recurrence_until": DATE,
            "description": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "due_date": _("For a repeating step, the first day it falls on."),
        }

    def __init__(self, *args, goal, **kwargs):
        super().__init__(*args, **kwargs)
        self.goal = goal
        self.instance.goal = goal
        self.fields["stage"].queryset = goal.stages.all()


class ObstacleForm(forms.ModelForm):
    class Meta:
        model = Obstacle
        fields = ["description", "way_to_overcome"]
        widgets = {"way_to_overcome": forms.Textarea(attrs={"rows": 2})}


class RequirementForm(forms.ModelForm):
    class Meta:
        model = Requirement
        fields = ["kind", "description", "acquired"]


class CheckInForm(forms.ModelForm):
    class Meta:
        model = CheckIn
        fields = ["date", "kind", "note", "lesson", "indicator_value"]
        widgets = {
            "date": DATE,
            "note": forms.Textarea(attrs={"rows": 2}),
            "lesson": forms.Textarea(attrs={"rows": 2}),
        }


class ReflectionForm(forms.ModelForm):
    class Meta:
        model = Reflection
        fields = Reflection.QUESTIONS
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in Reflection.QUESTIONS}
        help_texts = {
            "skills_to_develop": _("One per line: each becomes a suggested goal."),
            "time_and_means": _("Hours per week, budget, support around you."),
        }

    def clean(self):
        data = super().clean()
        if not any((data.get(name) or "").strip() for name in Reflection.QUESTIONS):
            raise forms.ValidationError(_("Answer at least one question before saving."))
        return data


class ReviewSettingsForm(forms.ModelForm):
    class Meta:
        model = ReviewSettings
        fields = ["cadence"]


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=Decision.choices)
    reason = forms.CharField(label=_("Why"), widget=forms.Textarea(attrs={"rows": 2}))
    statement = forms.CharField(label=_("New statement"), required=False, max_length=500)
    deadline = forms.DateField(label=_("New deadline"), required=False, widget=DATE)
    target_value = forms.DecimalField(
        label=_("New target value"), required=False, max_digits=12, decimal_places=2
    )

    def __init__(self, *args, goal, **kwargs):
        super().__init__(*args, **kwargs)
        self.goal = goal

    def clean(self):
        data = super().clean()
        if data.get("decision") == Decision.ADJUST:
            changes = {k: data.get(k) for k in ("statement", "deadline", "target_value")}
            if all(v in (None, "") for v in changes.values()):
                raise forms.ValidationError(
                    _("To adjust, give a new statement, deadline or target value.")
                )
            try:
                self.goal.check_changes(**self.changes())  # the goal's own rules: Goal.clean
            except ValidationError as error:
                self.add_error(None, error)
        return data

    def changes(self):
        return {
            k: self.cleaned_data.get(k)
            for k in ("statement", "deadline", "target_value")
            if self.cleaned_data.get(k) not in (None, "")
        }


class StatementAnswerForm(forms.Form):
    answer = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False)


class StatementTextForm(forms.Form):
    text = forms.CharField(
        label=_("Career goal statement"), widget=forms.Textarea(attrs={"rows": 6})
    )
    note = forms.CharField(label=_("What changed"), required=False, max_length=300)
