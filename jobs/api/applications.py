"""The jobs API's application routes: applications, their status and detected skills (see
jobs/api/__init__.py). Another person's application answers 404 {"detail"}.
"""

from datetime import datetime

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from core.access import get_owned_or_404, owned
from core.api_schemas import ErrorOut
from core.api_validation import bound_form, form_invalid
from jobs import applications, postings, tasks
from jobs.forms import ApplicationForm
from jobs.models import (
    Application,
    DetectedSkill,
)
from jobs.models import Status as Pipeline

router = Router()  # tagged "jobs" by the package

# Schemas --------------------------------------------------------------------------------------


class StatusChangeOut(Schema):
    from_status: str
    to_status: str
    changed_at: datetime


class DetectedSkillOut(Schema):
    id: int
    skill_id: int
    skill_uri: str
    label: str
    confidence: float
    matched_text: str
    removed: bool
    in_profile: bool
    near_profile: bool  # the profile holds a broader, narrower or related skill


class ApplicationOut(Schema):
    id: int
    title: str
    organisation: str
    posting_url: str
    posting_text: str
    posting_language: str
    occupation_id: int | None
    status: str
    notes: str
    created_at: datetime
    updated_at: datetime


class ApplicationDetailOut(ApplicationOut):
    skills_pending: bool  # the posting's skills are being detected in the background
    history: list[StatusChangeOut]
    skills: list[DetectedSkillOut]


class ApplicationIn(Schema):
    title: str = Field(..., min_length=1, max_length=200)
    organisation: str = Field(..., min_length=1, max_length=200)
    posting_url: str = Field("", max_length=500)
    posting_text: str = Field("", max_length=50_000)
    posting_language: str | None = Field(None, pattern="^(en|fr)$")
    occupation_id: int | None = None
    status: str = Field("saved", pattern="^(saved|applied|interview|offer|rejected|withdrawn)$")
    notes: str = ""


class ApplicationPatch(Schema):
    title: str | None = Field(None, min_length=1, max_length=200)
    organisation: str | None = Field(None, min_length=1, max_length=200)
    posting_url: str | None = Field(None, max_length=500)
    posting_text: str | None = Field(None, max_length=50_000)
    posting_language: str | None = Field(None, pattern="^(en|fr)$")
    occupation_id: int | None = None
    notes: str | None = None


class StatusIn(Schema):
    status: str = Field(..., pattern="^(saved|applied|interview|offer|rejected|withdrawn)$")
    note: str = Field("", max_length=300)


# Helpers --------------------------------------------------------------------------------------


def owned_application(request, application_id):
    return get_owned_or_404(Application, request.auth, pk=application_id)


def valid_form(form_class, payload, instance=None):
    """The page's form bound to `payload` (over `instance`), valid, or 422 with its problems."""
    form = bound_form(form_class, payload, instance)
    if not form.is_valid():
        raise form_invalid(form)
    return form


def _application_data(payload):
    data = dict(payload)
    if "occupation_id" in data:
        data["occupation"] = data.pop("occupation_id")
    return data


def _language(user):
    return user.language if user.language in ("en", "fr") else "en"


def _detail(application, user):
    skills = list(application.detected_skills.select_related("skill"))
    gap = postings.posting_gap(user, skills)
    have = {item.skill_id for item, _mine in gap.has}
    near = {item.skill_id for item, _mine in gap.partial}
    return {
        **ApplicationOut.from_orm(application).model_dump(),
        "skills_pending": tasks.detection_pending(application),
        "history": list(application.history.all()),
        "skills": [
            {
                "id": d.pk,
                "skill_id": d.skill_id,
                "skill_uri": d.skill.uri,
                "label": d.skill.label(),
                "confidence": d.confidence,
                "matched_text": d.matched_text,
                "removed": d.removed,
                "in_profile": d.skill_id in have,
                "near_profile": d.skill_id in near,
            }
            for d in skills
        ],
    }


# Applications ---------------------------------------------------------------------------------


@router.get("/jobs/applications", response=list[ApplicationOut])
def list_applications(request, status: str | None = None):
    applications = owned(Application, request.auth)
    if status is not None:
        if status not in Pipeline.values:
            raise HttpError(
                422,
                _("Unknown status: use one of %(values)s.")
                % {"values": ", ".join(Pipeline.values)},
            )
        applications = applications.filter(status=status)
    return applications


@router.post("/jobs/applications", response={201: ApplicationDetailOut})
def create_application(request, payload: ApplicationIn):
    data = _application_data(payload.dict())
    data["posting_language"] = data["posting_language"] or _language(request.auth)
    form = valid_form(ApplicationForm, data)
    application = applications.save_application(
        form.save(commit=False), request.auth, posting_changed=True
    )
    return Status(201, _detail(application, request.auth))


@router.get("/jobs/applications/{application_id}", response=ApplicationDetailOut)
def get_application(request, application_id: int):
    return _detail(owned_application(request, application_id), request.auth)


@router.patch("/jobs/applications/{application_id}", response=ApplicationDetailOut)
def update_application(request, application_id: int, payload: ApplicationPatch):
    application = owned_application(request, application_id)
    form = valid_form(
        ApplicationForm, _application_data(payload.dict(exclude_unset=True)), application
    )
    application = applications.save_application(
        form.save(commit=False),
        request.auth,
        posting_changed=bool({"posting_text", "posting_language"} & set(form.changed_data)),
    )
    return _detail(application, request.auth)


@router.delete("/jobs/applications/{application_id}", response={204: None})
def delete_application(request, application_id: int):
    owned_application(request, application_id).delete()
    return Status(204, None)


@router.post("/jobs/applications/{application_id}/status", response=ApplicationDetailOut)
def change_status(request, application_id: int, payload: StatusIn):
    application = owned_application(request, application_id)
    application.move_to(payload.status, note=payload.note)
    return _detail(application, request.auth)


@router.post(
    "/jobs/applications/{application_id}/skills/detect",
    response={200: ApplicationDetailOut, 409: ErrorOut},
)
def detect_skills(request, application_id: int):
    application = owned_application(request, application_id)
    try:
        postings.detect_skills(application)
    except postings.ExtractionUnavailable as error:
        raise HttpError(409, _("Skill detection is not available in this installation.")) from error
    return _detail(application, request.auth)


@router.delete("/jobs/applications/{application_id}/skills/{detected_id}", response={204: None})
def remove_skill(request, application_id: int, detected_id: int):
    """Mark a detected skill as wrong: it stays out of later detections."""
    detected = get_owned_or_404(
        DetectedSkill,
        request.auth,
        application__pk=application_id,
        pk=detected_id,
    )
    detected.removed = True
    detected.save(update_fields=["removed"])
    return Status(204, None)
