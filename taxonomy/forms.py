"""Forms of the skills profile and the target occupations."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from taxonomy.models import Horizon, ProficiencyLevel, Skill, SkillEvidence


class SkillFieldsMixin(forms.Form):
    proficiency = forms.TypedChoiceField(
        label=_("Proficiency"),
        choices=ProficiencyLevel.choices,
        coerce=int,
        initial=ProficiencyLevel.BEGINNER,
        widget=forms.RadioSelect,
    )
    years_of_experience = forms.DecimalField(
        label=_("Years of experience"),
        min_value=Decimal("0"),
        max_value=Decimal("80"),
        max_digits=4,
        decimal_places=1,
        initial=0,
        help_text=_("Count the years you used it, at work or elsewhere; 0.5 for six months."),
    )


class EvidenceFieldsMixin(forms.Form):
    evidence_kind = forms.ChoiceField(
        label=_("Evidence"),
        choices=[("", _("No evidence for now")), *SkillEvidence.Kind.choices],
        required=False,
        help_text=_("What shows you have this skill: a job, a project, a training, feedback."),
    )
    evidence_description = forms.CharField(
        label=_("Describe the evidence"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: “Two years as a caregiver at a seniors' residence”."),
    )

    def clean(self):
        data = super().clean()
        kind, description = data.get("evidence_kind"), (data.get("evidence_description") or "")
        if kind and not description.strip():
            self.add_error("evidence_description", _("Describe the evidence, or choose none."))
        if description.strip() and not kind:
            self.add_error("evidence_kind", _("Choose what kind of evidence this is."))
        return data

    def evidence(self):
        kind = self.cleaned_data.get("evidence_kind")
        return [(kind, self.cleaned_data["evidence_description"])] if kind else []


class AddSkillForm(SkillFieldsMixin, EvidenceFieldsMixin):
    """Add a skill: an ESCO skill picked from the search, or free text."""

    skill = forms.ModelChoiceField(
        queryset=Skill.objects.all(), required=False, widget=forms.HiddenInput
    )
    free_text = forms.CharField(
        label=_("Skill"),
        max_length=200,
        required=False,
        help_text=_(
            "Type a few words and pick the matching ESCO skill, or keep what you typed: "
            "it is matched to ESCO when a close match exists."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off", "type": "search"}),
    )
    field_order = [
        "free_text",
        "skill",
        "proficiency",
        "years_of_experience",
        "evidence_kind",
        "evidence_description",
    ]

    def clean(self):
        data = super().clean()
        if not data.get("skill") and not (data.get("free_text") or "").strip():
            self.add_error("free_text", _("Choose a skill from the list or type one."))
        return data


class EditSkillForm(SkillFieldsMixin, EvidenceFieldsMixin):
    """Change the level and experience of a skill, and optionally add evidence."""


class TargetForm(forms.Form):
    horizon = forms.ChoiceField(label=_("Horizon"), choices=Horizon.choices, initial=Horizon.MEDIUM)


class TransferableFilterForm(forms.Form):
    major_group = forms.ChoiceField(label=_("Occupation group"), required=False)

    def __init__(self, *args, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["major_group"].choices = [("", _("All groups")), *groups]

    def clean_major_group(self):
        value = self.cleaned_data.get("major_group") or ""
        if value and not value.isdigit():
            raise ValidationError(_("Choose a group from the list."))
        return value
