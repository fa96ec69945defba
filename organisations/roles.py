"""Job roles and career tracks: what a role expects, the next level, the roles a person holds.

Also the provider of goals.context: the competencies of the role a person holds and of the next
level, given to the SMART check ("relevant") and the career goal statement writer as plain data.
"""

from django.db.models import Prefetch, Q, QuerySet
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.models import User
from goals.context import RoleContext
from organisations.models import Expectation, Indicator, JobRole, Membership, Organisation


def roles_of(organisation: Organisation) -> QuerySet:
    """Every job role of the organisation's models, by model, track and level."""
    return (
        JobRole.objects.filter(model__organisation=organisation)
        .select_related("model")
        .order_by("model__name_en", "position", "id")
    )


def next_level(role: JobRole) -> JobRole | None:
    """The role one level up on the same track of the same model, or None."""
    if not (role.track_en or role.track_fr):
        return None
    return (
        JobRole.objects.filter(model_id=role.model_id, level=role.level + 1)
        .filter(Q(track_en=role.track_en, track_fr=role.track_fr))
        .exclude(pk=role.pk)
        .order_by("position", "id")
        .first()
    )


def track_of(role: JobRole) -> list[JobRole]:
    """The roles of the same track, lowest level first (the role alone without a track)."""
    if not (role.track_en or role.track_fr):
        return [role]
    return list(
        JobRole.objects.filter(
            model_id=role.model_id, track_en=role.track_en, track_fr=role.track_fr
        ).order_by("level", "position", "id")
    )


def expectations(role: JobRole) -> list[Expectation]:
    """The role's expectations with their competency, its ESCO mappings and the indicators at
    the expected level (`.indicators_at_level`). Three queries."""
    rows = list(
        Expectation.objects.filter(role=role)
        .select_related("competency")
        .prefetch_related(Prefetch("competency__indicators", queryset=Indicator.objects.all()))
        .order_by("competency__position", "competency_id")
    )
    for row in rows:
        row.indicators_at_level = [
            i for i in row.competency.indicators.all() if i.level == row.level
        ]
    return rows


def role_contexts(user: User) -> list[RoleContext]:
    """goals.context provider: the competencies of each role `user` holds, and of the next level
    of it, named in her language. Two queries whatever the number of organisations."""
    language = (getattr(user, "language", None) or get_language() or "en")[:2]
    memberships = list(
        Membership.objects.active()
        .filter(user=user, job_role__isnull=False)
        .select_related("job_role", "organisation")
    )
    if not memberships:
        return []
    held = [m.job_role for m in memberships]
    wanted = Q(pk__in=[role.pk for role in held])
    for role in held:
        if role.track_en or role.track_fr:
            wanted |= Q(
                model_id=role.model_id,
                track_en=role.track_en,
                track_fr=role.track_fr,
                level=role.level + 1,
            )
    roles = list(
        JobRole.objects.filter(wanted).prefetch_related(
            Prefetch(
                "expectations",
                queryset=Expectation.objects.select_related("competency").order_by(
                    "competency__position", "competency_id"
                ),
            )
        )
    )
    contexts = []
    for membership in memberships:
        role = membership.job_role
        nexts = [
            r
            for r in roles
            if r.model_id == role.model_id
            and r.level == role.level + 1
            and (r.track_en, r.track_fr) == (role.track_en, role.track_fr)
            and (role.track_en or role.track_fr)
        ]
        mine = next((r for r in roles if r.pk == role.pk), role)
        for found, aim in [(mine, False)] + [(r, True) for r in nexts[:1]]:
            with translation.override(language):
                label = _("%(role)s at %(organisation)s") % {
                    "role": found.name(language),
                    "organisation": membership.organisation,
                }
            contexts.append(
                RoleContext(
                    role=label,
                    competencies=tuple(
                        e.competency.name(language) for e in found.expectations.all()
                    ),
                    aim=aim,
                )
            )
    return contexts
