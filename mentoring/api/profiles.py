"""The mentoring API's profile routes: my mentor profile (checked by the profile page's form)
and the mentors who fit me, each score explained.
"""

from typing import Literal

from ninja import Field, Router, Schema

from core.access import get_owned_or_404, owned
from core.api_schemas import ErrorOut, RowId
from core.api_validation import form_invalid, form_value
from mentoring import selectors
from mentoring.choices import LANGUAGE_CODES, Approach, Channel, Frequency, Structure, Value
from mentoring.forms import MentorProfileForm
from mentoring.models import MentorProfile

router = Router()  # tagged "mentoring" by the package


class ProfileIn(Schema):
    headline: str = Field("", max_length=200)
    bio: str = ""
    skill_ids: list[RowId] = []
    occupation_ids: list[RowId] = []
    industries: str = Field("", max_length=300)
    years_of_experience: int = Field(0, ge=0, le=70)
    values: list[Value] = []
    values_other: str = Field("", max_length=300)
    approach: Approach = Approach.EITHER
    structure: Structure = Structure.EITHER
    frequency: Frequency = Frequency.EITHER
    channel: Channel = Channel.EITHER
    languages: list[Literal[tuple(LANGUAGE_CODES)]] = Field(..., min_length=1)
    capacity: int = Field(2, ge=1, le=20)
    availability: str = Field("", max_length=300)
    accepting_requests: bool = True


class ProfileOut(Schema):
    id: int
    name: str
    headline: str
    bio: str
    skill_ids: list[int]
    occupation_ids: list[int]
    industries: str
    years_of_experience: int
    values: list[str]
    values_other: str
    approach: str
    structure: str
    frequency: str
    channel: str
    languages: list[str]
    capacity: int
    places_left: int
    availability: str
    accepting_requests: bool


class PartOut(Schema):
    key: str
    title: str
    points: float
    max_points: int
    sentence: str
    items: list[str]


class MatchOut(Schema):
    mentor_id: int
    name: str
    headline: str
    score: float
    parts: list[PartOut]


def _profile_out(profile):
    return {
        "id": profile.pk,
        "name": profile.user.display_name,
        "headline": profile.headline,
        "bio": profile.bio,
        "skill_ids": [s.pk for s in profile.skills.all()],
        "occupation_ids": [o.pk for o in profile.occupations.all()],
        "industries": profile.industries,
        "years_of_experience": profile.years_of_experience,
        "values": profile.values,
        "values_other": profile.values_other,
        "approach": profile.approach,
        "structure": profile.structure,
        "frequency": profile.frequency,
        "channel": profile.channel,
        "languages": profile.languages,
        "capacity": profile.capacity,
        "places_left": profile.places_left,
        "availability": profile.availability,
        "accepting_requests": profile.accepting_requests,
    }


@router.get("/mentoring/profile", response={200: ProfileOut, 404: ErrorOut})
def get_profile(request):
    profile = get_owned_or_404(
        MentorProfile.objects.select_related("user").prefetch_related("skills", "occupations"),
        request.auth,
    )
    return _profile_out(profile)


@router.put("/mentoring/profile", response=ProfileOut)
def put_profile(request, payload: ProfileIn):
    """Create or replace your mentor profile; checked by the profile page's form."""
    data = payload.dict()
    data["skills"], data["occupations"] = data.pop("skill_ids"), data.pop("occupation_ids")
    profile = owned(MentorProfile, request.auth).first() or MentorProfile(user=request.auth)
    form = MentorProfileForm({k: form_value(v) for k, v in data.items()}, instance=profile)
    if not form.is_valid():
        raise form_invalid(form)
    return _profile_out(form.save())


@router.get("/mentoring/matches", response=list[MatchOut])
def matches(request, limit: int = 20):
    """Mentors for the caller, best first, with the explanation of each score (limit 1–200)."""
    limit = max(1, min(limit, 200))
    return [
        {
            "mentor_id": match.mentor.pk,
            "name": match.mentor.user.display_name,
            "headline": match.mentor.headline,
            "score": match.score,
            "parts": match.as_dict()["parts"],
        }
        for match in selectors.rank_mentors(request.auth, limit=limit)
    ]
