"""Small builders for organisations tests: an organisation with an administrator, members, a
manager link, and a two-role competency model whose competencies map to ESCO skills made here."""

import datetime

from django.utils import timezone

from accounts.models import User
from accounts.testing import PASSWORD
from organisations import framework, modelfile, people
from organisations.models import ManagerLink, Membership, Role
from taxonomy.models import Skill

ESCO = "http://data.europa.eu/esco/skill/"


def person(email, name, language="en", password=None, **fields):
    """A person; without a password (no slow hashing) unless a browser must sign them in."""
    return User.objects.create_user(email, password, display_name=name, language=language, **fields)


def person_with_password(email, name, language="en", **fields):
    return person(email, name, language, PASSWORD, **fields)


def skills(*names):
    """ESCO skills with predictable URIs (`ESCO + name`)."""
    return [
        Skill.objects.get_or_create(
            uri=ESCO + name, defaults={"label_en": name, "label_fr": f"{name} (fr)"}
        )[0]
        for name in names
    ]


def organisation(admin, name="Acme", slug="acme"):
    org = people.create_organisation(admin, name, slug)
    return org, Membership.objects.get(organisation=org, user=admin)


def member(org, user, role=Role.MEMBER, team=None, job_role=None):
    return Membership.objects.create(
        organisation=org, user=user, role=role, team=team, job_role=job_role
    )


def link(org, manager, report, active=True):
    return ManagerLink.objects.create(
        organisation=org,
        manager=manager,
        report=report,
        status=ManagerLink.Status.ACTIVE if active else ManagerLink.Status.PROPOSED,
        accepted_at=timezone.now() if active else None,
    )


def document(code="analysts", competencies=3, skills_per=1):
    """A small valid model: 3 levels, `competencies` competencies with an indicator per level and
    ESCO skills, two roles of one track (Analyst I expects 1 everywhere, II expects 2)."""
    made = skills(*[f"c{i}-s{j}" for i in range(competencies) for j in range(skills_per)])
    doc = modelfile.Document(
        code=code,
        name_en="Analyst framework",
        name_fr="Référentiel des analystes",
        description_en="What analysts do",
        description_fr="Ce que font les analystes",
        levels=[
            modelfile.Level(1, "Basic", "De base"),
            modelfile.Level(2, "Solid", "Solide", "Alone", "Seul"),
            modelfile.Level(3, "Expert", "Expert"),
        ],
    )
    for i in range(competencies):
        doc.competencies.append(
            modelfile.CompetencyDoc(
                f"c{i}",
                f"Competency {i}",
                f"Compétence {i}",
                indicators=[
                    modelfile.IndicatorDoc(level, f"C{i} at {level}", f"C{i} au niveau {level}")
                    for level in (1, 2, 3)
                ],
                esco_skills=[s.uri for s in made[i * skills_per : (i + 1) * skills_per]],
            )
        )
    for level in (1, 2):
        doc.roles.append(
            modelfile.RoleDoc(
                f"analyst-{level}",
                f"Analyst {'I' * level}",
                f"Analyste {'I' * level}",
                track_en="Analyst",
                track_fr="Analyste",
                level=level,
                expectations=[(c.code, level) for c in doc.competencies],
            )
        )
    return doc


def model(org, **kwargs):
    return framework.apply(org, document(**kwargs))


def days(n):
    return timezone.now() + datetime.timedelta(days=n)
