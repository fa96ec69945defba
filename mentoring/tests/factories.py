"""Small builders for mentoring tests."""

import datetime

from django.utils import timezone

from accounts.models import User
from accounts.testing import PASSWORD
from goals.models import Goal
from mentoring import lifecycle
from mentoring.models import MenteePreferences, MentorProfile, Session


def person(email, name, language="en", password=None):
    """A person; without a password (no slow hashing) unless a browser must sign them in."""
    return User.objects.create_user(email, password, display_name=name, language=language)


def person_with_password(email, name, language="en"):
    return person(email, name, language, PASSWORD)


def mentor_profile(user, **fields):
    defaults = {
        "languages": ["en", "fr"],
        "capacity": 2,
        "values": ["learning", "integrity"],
        "approach": "exploratory",
        "structure": "structured",
        "frequency": "biweekly",
        "channel": "spoken",
        "headline": f"{user.display_name} mentors",
    }
    defaults.update(fields)
    skills = defaults.pop("skills", [])
    profile = MentorProfile.objects.create(user=user, **defaults)
    if skills:
        profile.skills.set(skills)
    return profile


def preferences(user, **fields):
    defaults = {"languages": ["en"], "values": [], "approach": "either"}
    defaults.update(fields)
    return MenteePreferences.objects.create(user=user, **defaults)


def goal(owner, statement="Become a data analyst within a year", **fields):
    return Goal.objects.create(owner=owner, statement=statement, **fields)


def active_mentorship(mentee, profile, goals=(), objectives=""):
    mentorship = lifecycle.send_request(
        mentee,
        profile,
        "Learn how analysts work",
        goals=goals,
        objectives=objectives or ("" if goals else "Change careers"),
    )
    return lifecycle.accept(mentorship, profile.user)


def session(mentorship, days=-7, questions="What should I learn first?"):
    return Session.objects.create(
        mentorship=mentorship,
        scheduled_at=timezone.now() + datetime.timedelta(days=days),
        questions=questions,
    )
