"""The ESCO taxonomy (occupations, skills, their links and hierarchies) and each person's
skills profile and target occupations.

Labels are stored per language; `label(language)` picks the person's language and falls back to
English where ESCO has no French label.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Horizon(models.TextChoices):
    SHORT = "short", _("Short term (up to 12 months)")
    MEDIUM = "medium", _("Medium term (up to 36 months)")
    LONG = "long", _("Long term (beyond 36 months)")


class BilingualConcept(models.Model):
    """Fields and behaviour shared by every ESCO concept."""

    uri = models.CharField(max_length=255, unique=True)
    label_en = models.CharField(max_length=400)
    label_fr = models.CharField(max_length=400, blank=True)
    description_en = models.TextField(blank=True)
    description_fr = models.TextField(blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.label()

    def label(self, language=None):
        language = (language or get_language() or "en")[:2]
        if language == "fr" and self.label_fr:
            return self.label_fr
        return self.label_en

    def description(self, language=None):
        language = (language or get_language() or "en")[:2]
        if language == "fr" and self.description_fr:
            return self.description_fr
        return self.description_en


class IscoGroup(BilingualConcept):
    """An ISCO-08 group (major group 1 digit down to unit group 4 digits)."""

    code = models.CharField(max_length=8, db_index=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )

    class Meta:
        ordering = ["code"]

    @property
    def major_group(self):
        return self.code[:1]


class Occupation(BilingualConcept):
    """An ESCO occupation."""

    code = models.CharField(max_length=40, blank=True)
    isco_group = models.ForeignKey(
        IscoGroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="occupations"
    )
    # Broader occupation, for ESCO occupations that specialise another occupation.
    broader = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="narrower"
    )
    # Newline-separated, as in the ESCO files.
    alt_labels_en = models.TextField(blank=True)
    alt_labels_fr = models.TextField(blank=True)
    hidden_labels_en = models.TextField(blank=True)
    hidden_labels_fr = models.TextField(blank=True)
    skills = models.ManyToManyField("Skill", through="OccupationSkill", related_name="occupations")
    # True when a newer ESCO release dropped the occupation but someone still targets it.
    retired = models.BooleanField(default=False)

    class Meta:
        ordering = ["label_en"]


class SkillGroup(BilingualConcept):
    """A node of the ESCO skills hierarchy (e.g. "communication, collaboration and creativity")."""

    code = models.CharField(max_length=40, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    # 0 for the four pillars (skills, knowledge, transversal, language), 1 for their children...
    level = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["code"]


class Skill(BilingualConcept):
    """An ESCO skill/competence or knowledge concept."""

    class SkillType(models.TextChoices):
        SKILL = "skill/competence", _("skill")
        KNOWLEDGE = "knowledge", _("knowledge")

    skill_type = models.CharField(max_length=32, choices=SkillType.choices, blank=True)
    reuse_level = models.CharField(max_length=32, blank=True)
    alt_labels_en = models.TextField(blank=True)
    alt_labels_fr = models.TextField(blank=True)
    is_transversal = models.BooleanField(default=False)
    # Broader concepts in the hierarchy: groups, and for some skills a broader skill.
    groups = models.ManyToManyField(SkillGroup, blank=True, related_name="skills")
    broader = models.ManyToManyField("self", blank=True, symmetrical=False, related_name="narrower")
    # The level-1 group the skill sits under (e.g. "communication, collaboration and
    # creativity", "health and welfare"), computed by the import: pages group skills by it.
    top_group = models.ForeignKey(
        SkillGroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # True when a newer ESCO release dropped the skill but someone's profile still uses it.
    retired = models.BooleanField(default=False)

    class Meta:
        ordering = ["label_en"]


class RelationType(models.TextChoices):
    ESSENTIAL = "essential", _("essential")
    OPTIONAL = "optional", _("optional")


class OccupationSkill(models.Model):
    """An occupation needs a skill, essentially or optionally."""

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="skill_links")
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="occupation_links")
    relation_type = models.CharField(max_length=16, choices=RelationType.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["occupation", "skill"], name="unique_occupation_skill")
        ]


class SkillRelation(models.Model):
    """A skill relates to another skill (ESCO skill–skill relations)."""

    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="related_links")
    related = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="+")
    relation_type = models.CharField(max_length=16, choices=RelationType.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["skill", "related"], name="unique_skill_relation")
        ]


class ProficiencyLevel(models.IntegerChoices):
    BEGINNER = 1, _("Beginner: I know the basics and need guidance")
    INTERMEDIATE = 2, _("Intermediate: I do it on my own in usual situations")
    ADVANCED = 3, _("Advanced: I handle complex situations and help others")
    EXPERT = 4, _("Expert: I am a reference and can teach it")


class UserSkill(models.Model):
    """A skill in a person's profile, with how well they master it and the evidence."""

    owner_path = "user"  # who sees it: core.access

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="skills"
    )
    skill = models.ForeignKey(
        Skill, null=True, blank=True, on_delete=models.PROTECT, related_name="user_skills"
    )
    # What the person typed when no ESCO skill fitted.
    free_text = models.CharField(_("skill"), max_length=200, blank=True)
    proficiency = models.PositiveSmallIntegerField(
        _("proficiency"), choices=ProficiencyLevel.choices, default=ProficiencyLevel.BEGINNER
    )
    years_of_experience = models.DecimalField(
        _("years of experience"), max_digits=4, decimal_places=1, default=0
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-proficiency", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "skill"],
                condition=models.Q(skill__isnull=False),
                name="unique_user_skill",
            )
        ]

    def __str__(self):
        return self.label()

    def label(self, language=None):
        return self.skill.label(language) if self.skill_id else self.free_text

    @property
    def level_name(self):
        """ "Beginner", "Intermediate"... in the active language (the descriptor left out)."""
        return str(self.get_proficiency_display()).split(":")[0].strip()

    @property
    def level_descriptor(self):
        display = str(self.get_proficiency_display())
        return display.split(":", 1)[1].strip() if ":" in display else ""


class SkillEvidence(models.Model):
    """What shows a person has a skill: a job, a project, a training, feedback."""

    owner_path = "user_skill__user"  # who sees it: core.access

    class Kind(models.TextChoices):
        JOB = "job", _("job")
        PROJECT = "project", _("project")
        TRAINING = "training", _("training")
        FEEDBACK = "feedback", _("feedback")

    user_skill = models.ForeignKey(UserSkill, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    description = models.TextField(_("description"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]


class TargetOccupation(models.Model):
    """An occupation a person aims at, with the horizon they give themselves."""

    owner_path = "user"  # who sees it: core.access

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="target_occupations"
    )
    occupation = models.ForeignKey(Occupation, on_delete=models.PROTECT, related_name="targets")
    horizon = models.CharField(
        _("horizon"), max_length=8, choices=Horizon.choices, default=Horizon.MEDIUM
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "occupation"], name="unique_target_occupation")
        ]

    def __str__(self):
        return self.occupation.label()


class TaxonomyImport(models.Model):
    """One run of `parcours taxonomy import`: when, from where, and what changed.

    The latest row also tells long-running processes that cached matrices are stale.
    """

    source = models.CharField(max_length=500)
    finished_at = models.DateTimeField(auto_now_add=True)
    elapsed_seconds = models.FloatField(default=0)
    # {"occupations": {"created": 3007, "updated": 0, "deleted": 0, "kept": 0}, ...}
    changes = models.JSONField(default=dict)
    # Concepts a newer release dropped but people still use, kept and marked retired.
    kept = models.JSONField(default=list)
    warnings = models.JSONField(default=list)

    class Meta:
        ordering = ["-finished_at", "-id"]

    def __str__(self):
        return f"{self.source} ({self.finished_at:%Y-%m-%d %H:%M})"

    @property
    def changed(self):
        return any(value for counts in self.changes.values() for key, value in counts.items())
