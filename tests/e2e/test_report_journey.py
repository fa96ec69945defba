"""Report journey, in English and in French: open "my career plan" from the overview, read it,
print it without the menus, and download it as a PDF."""

import datetime
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from accounts.models import User
from accounts.testing import PASSWORD
from goals.models import CheckIn, Goal, Stage
from growth.models import LearningItem

WORDS = {
    "en": {
        "link": "My career plan (print / PDF)",
        "title": "My career plan",
        "goals": "Career goals",
        "learning": "Learning plan",
        "verdict": "Pays for itself in about 5 months.",
        "pdf": "Download as PDF",
    },
    "fr": {
        "link": "Mon plan de carrière (impression / PDF)",
        "title": "Mon plan de carrière",
        "goals": "Objectifs de carrière",
        "learning": "Plan de formation",
        "verdict": "Se rentabilise en environ 5 mois.",
        "pdf": "Télécharger en PDF",
    },
}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_person_prints_and_downloads_their_career_plan(page, screenshot, signed_in, lang):
    words = WORDS[lang]
    user = User.objects.create_user(
        f"report-{lang}@example.org", PASSWORD, display_name="Journey", language=lang
    )
    goal = Goal.objects.create(
        owner=user,
        statement="Lead a data team by 2028-06-30",
        indicator_name="projects led",
        baseline=0,
        target_value=4,
        start_date=datetime.date(2026, 1, 1),
        deadline=datetime.date(2028, 6, 30),
    )
    Stage.objects.create(goal=goal, title="Lead one project", deadline=datetime.date(2027, 1, 1))
    CheckIn.objects.create(
        goal=goal, note="First project", indicator_value=1, date=datetime.date(2026, 6, 1)
    )
    LearningItem.objects.create(
        user=user, title="Team leadership course", cost=Decimal("900"), salary_change=2400
    )
    page.set_default_timeout(60_000)
    expect.set_options(timeout=60_000)
    signed_in(page, user)

    page.get_by_role("link", name=words["link"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(words["title"])
    expect(page.get_by_role("heading", name=words["goals"])).to_be_visible()
    expect(page.get_by_text("Lead a data team by 2028-06-30")).to_be_visible()
    expect(page.get_by_text("Lead one project")).to_be_visible()
    expect(page.locator("figure.report-chart svg")).to_be_visible()
    expect(page.get_by_role("heading", name=words["learning"])).to_be_visible()
    expect(page.get_by_role("cell", name=words["verdict"])).to_be_visible()
    screenshot("report")

    # On paper: no menus, no buttons, the plan only.
    page.emulate_media(media="print")
    expect(page.locator("header.site-header")).to_be_hidden()
    expect(page.get_by_role("link", name=words["pdf"])).to_be_hidden()
    expect(page.get_by_text("Lead a data team by 2028-06-30")).to_be_visible()
    screenshot("report-print")
    page.emulate_media(media="screen")

    with page.expect_download() as download:
        page.get_by_role("link", name=words["pdf"]).click()
    path = download.value.path()
    with open(path, "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    assert download.value.suggested_filename.endswith(".pdf")
