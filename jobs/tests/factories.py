"""Small builders for the jobs tests."""

import datetime

from django.utils import timezone

from jobs.models import (
    Application,
    Interview,
    InterviewReflection,
    PracticeAttempt,
    PreparedAnswer,
    Status,
)
from taxonomy.models import Occupation, Skill

CARE_POSTING_EN = (
    "Health care assistant at Riverside Long-Term Care. You will help residents with bathing, "
    "dressing and meals, move them safely, and report changes in their health to the nurses. "
    "Teamwork and patience with older adults are essential."
)


def make_application(user, title="Health care assistant", status=Status.SAVED, **fields):
    fields.setdefault("organisation", "Riverside Long-Term Care")
    fields.setdefault("posting_text", CARE_POSTING_EN)
    application = Application.objects.create(user=user, title=title, status=status, **fields)
    application.record_creation()
    return application


def make_interview(application, days_from_now=-1, **fields):
    fields.setdefault("kind", "video")
    fields.setdefault("with_whom", "Julie Roy")
    return Interview.objects.create(
        application=application,
        scheduled_at=timezone.now() + datetime.timedelta(days=days_from_now),
        **fields,
    )


def make_reflection(interview, techniques=("Use the STAR method",), **fields):
    fields.setdefault("went_well", "I explained my internship well.")
    fields.setdefault("do_differently", "Slow down.")
    reflection = InterviewReflection.objects.create(interview=interview, **fields)
    reflection.set_techniques(list(techniques))
    return reflection


def make_answer(user, application=None, question_key="career_goals", text="", **fields):
    fields.setdefault("language", "en")
    return PreparedAnswer.objects.create(
        user=user, application=application, question_key=question_key, text=text, **fields
    )


def make_attempt(answer, seconds=75, text="My attempt"):
    started = timezone.now() - datetime.timedelta(seconds=seconds)
    return PracticeAttempt.objects.create(
        answer=answer, text=text, started_at=started, finished_at=timezone.now()
    )


def make_skill(label_en, label_fr="", uri=None):
    return Skill.objects.create(
        uri=uri or f"http://data.europa.eu/esco/skill/test-{label_en.replace(' ', '-')}",
        label_en=label_en,
        label_fr=label_fr,
    )


def make_occupation(label_en, label_fr=""):
    return Occupation.objects.create(
        uri=f"http://data.europa.eu/esco/occupation/test-{label_en.replace(' ', '-')}",
        label_en=label_en,
        label_fr=label_fr,
    )
