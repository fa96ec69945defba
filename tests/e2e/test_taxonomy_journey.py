"""Browser journey: find an occupation, make it a target, add skills, read the gap.

The data is a real subset of ESCO v1.1.1 (the health care assistant occupation with its real
English/French labels, its essential skills and their hierarchy), cut once per session from
the official files and imported per test with the real importer, which also rebuilds the
search index.
"""

import re

import pytest
from django.conf import settings

from accounts.models import User
from accounts.testing import PASSWORD
from taxonomy.importer import import_esco
from taxonomy.search import search_occupations, search_skills
from taxonomy.tests.esco_fixture import HEALTH_CARE_ASSISTANT, write_real_subset

JOURNEYS = {
    "en": {
        "query": "health care assistant",
        "occupation": "healthcare assistant",
        "make_target": "Make this a target",
        "search": "Search",
        "skills": ["listen actively", "support nurses", "promote inclusion"],
        "add": "Add this skill",
        "level": "Intermediate",
        "add_skills_link": "Add skills to your profile",
        "gap_heading": re.compile(r"You cover \d+% of this occupation's skills"),
        "guide": "Skills development guide",
        "suggestion": re.compile(r"Take on a small project|Take a course|Find a hands-on"),
        "nav": "Skills & occupations",
    },
    "fr": {
        "query": "préposé aux bénéficiaires",
        "occupation": "aide-soignant en institution/aide-soignante en institution",
        "make_target": "En faire une profession visée",
        "search": "Rechercher",
        "skills": ["écouter activement", "aider des infirmières", "promouvoir l’inclusion"],
        "add": "Ajouter cette compétence",
        "level": "Intermédiaire",
        "add_skills_link": "Ajouter des compétences à votre profil",
        "gap_heading": re.compile(r"Vous maîtrisez \d+ % des compétences de cette profession"),
        "guide": "Guide de développement des compétences",
        "suggestion": re.compile(r"Réalisez un petit projet|Suivez un cours|Trouvez un atelier"),
        "nav": "Compétences et professions",
    },
}


@pytest.fixture(scope="session")
def esco_subset(tmp_path_factory):
    return write_real_subset(
        settings.PARCOURS_ESCO_DIR, tmp_path_factory.mktemp("esco-subset"), [HEALTH_CARE_ASSISTANT]
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_taxonomy_journey(page, screenshot, signed_in, esco_subset, language):
    words = JOURNEYS[language]
    import_esco(esco_subset, show_progress=False)
    # Loading the query encoder takes seconds on a busy machine: do it before the journey.
    search_occupations(words["query"], lang=language)
    search_skills(words["skills"][0], lang=language)
    person = User.objects.create_user(
        f"journey-{language}@example.org", PASSWORD, display_name="Dominique", language=language
    )
    # The live server's first request imports every app: warm it up outside the journey.
    page.request.get("/accounts/login/", timeout=60_000)
    signed_in(page, person)

    # Search the occupation from the "Skills & occupations" page.
    page.locator(".main-nav").get_by_role("link", name=words["nav"]).click()
    page.get_by_role("searchbox").fill(words["query"])
    page.get_by_role("button", name=words["search"], exact=True).click()
    result = page.locator("main").get_by_role("link", name=words["occupation"])
    screenshot("search")
    result.first.click()

    # The occupation page, then make it a target.
    page.get_by_role("heading", level=1, name=words["occupation"]).wait_for()
    page.get_by_role("button", name=words["make_target"]).click()
    page.get_by_role("heading", level=1).filter(has_text=words["occupation"]).wait_for()

    # Add three skills through the ESCO picker.
    page.get_by_role("link", name=words["add_skills_link"]).click()
    for skill in words["skills"]:
        page.get_by_role("searchbox").fill(skill)
        page.locator("#skill-picker").get_by_role(
            "button", name=re.compile("^" + re.escape(skill))
        ).first.click()
        page.get_by_role("radio", name=re.compile(words["level"])).check()
        page.get_by_role("button", name=words["add"]).click()
        page.get_by_role("cell", name=skill, exact=True).wait_for()
    screenshot("profile")

    # Back to the target's gap: coverage and a development suggestion.
    page.locator(".main-nav").get_by_role("link", name=words["nav"]).click()
    page.locator("main").get_by_role("link", name=words["occupation"]).click()
    page.get_by_role("heading", name=words["gap_heading"]).wait_for()
    assert page.get_by_role("heading", name=words["guide"]).is_visible()
    assert page.get_by_text(words["suggestion"]).first.is_visible()
    covered = page.locator(".status-list li").filter(has_text=words["skills"][0])
    assert covered.count() >= 1
    screenshot("gap")
