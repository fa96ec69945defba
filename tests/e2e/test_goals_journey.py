"""A person turns a vague goal into a SMART one, plans it, checks in, reviews it and reads its
history, in English and in French."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import User
from accounts.testing import PASSWORD

TEXT = {
    "en": {
        "vague": "get better at management",
        "smart": "Become a team manager by leading 3 projects by June 30, 2028",
        "indicator": "projects led",
        "stages": ["Lead a first project", "Lead a second project"],
        "step": "Ask my director for a project",
        "weekly": "Read one chapter on leadership",
        "checkins": ["My director agreed: first project starts", "Delivered the first project"],
        "reason": "The reorganisation delays projects",
        "not_met": "Not met",
        "met": "Met",
        "save_goal": "Save the goal",
        "add_stage": "Add a stage",
        "add_step": "Add a step",
        "save": "Save",
        "check_in": "Check in",
        "save_checkin": "Save the check-in",
        "review": "Start a review",
        "record": "Record the review",
        "history": "Revision history",
        "stage_too_late": "after the goal's deadline",
        "filled": "The deadline field was filled from your goal",
        "which": "Which deadline is right?",
        "goals_date": "The goal's date, 2028-06-30",
        "effort": "1.5 h",
    },
    "fr": {
        "vague": "m'améliorer en gestion",
        "smart": "Devenir gestionnaire d'équipe en menant 3 projets d'ici le 30 juin 2028",
        "indicator": "projets menés",
        "stages": ["Mener un premier projet", "Mener un deuxième projet"],
        "step": "Demander un projet à ma directrice",
        "weekly": "Lire un chapitre sur le leadership",
        "checkins": [
            "Ma directrice a accepté : le premier projet commence",
            "Premier projet livré",
        ],
        "reason": "La réorganisation retarde les projets",
        "not_met": "Non respecté",
        "met": "Respecté",
        "save_goal": "Enregistrer l'objectif",
        "add_stage": "Ajouter une étape intermédiaire",
        "add_step": "Ajouter une action",
        "save": "Enregistrer",
        "check_in": "Faire un point d'étape",
        "save_checkin": "Enregistrer le point d'étape",
        "review": "Commencer un bilan",
        "record": "Enregistrer le bilan",
        "history": "Historique des révisions",
        "stage_too_late": "après l'échéance de l'objectif",
        "filled": "Le champ Échéance a été rempli d'après votre objectif",
        "which": "Quelle échéance est la bonne\u00a0?",
        "goals_date": "La date de l'objectif, 2028-06-30",
        "effort": "1,5\u00a0h",
    },
}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_goal_from_vague_to_reviewed(page, screenshot, signed_in, lang):
    words = TEXT[lang]
    user = User.objects.create_user(
        f"journey-{lang}@example.org", PASSWORD, display_name="Journey", language=lang
    )
    # The live server's first request imports every app; on a busy machine that alone can pass
    # the page timeout, so warm it up outside the journey.
    page.request.get("/accounts/login/", timeout=60_000)
    signed_in(page, user)

    # A vague goal: the live SMART check says what is missing and suggests a rewrite.
    page.goto("/goals/new/")
    statement = page.locator("textarea[name=statement]")
    statement.fill(words["vague"])
    feedback = page.locator("#smart-feedback")
    expect(feedback.locator("[data-criterion=specific][data-met=no]")).to_be_visible()
    expect(feedback).to_contain_text(words["not_met"])
    expect(feedback.locator(".suggestions li").first).to_be_visible()
    screenshot("vague-goal")

    # Made SMART: the criteria are met, and the date written in the goal fills the deadline
    # field (the two are one fact).
    statement.fill(words["smart"])
    expect(feedback.locator("[data-criterion=time_bound][data-met=yes]")).to_be_visible()
    expect(feedback.locator("[data-criterion=measurable][data-met=yes]")).to_be_visible()
    expect(feedback.locator("[data-deadline-note]")).to_contain_text(words["filled"])
    expect(page.locator("input[name=deadline]")).to_have_value("2028-06-30")
    page.fill("input[name=indicator_name]", words["indicator"])
    page.fill("input[name=baseline]", "0")
    page.fill("input[name=target_value]", "3")
    page.fill("input[name=start_date]", timezone.localdate().isoformat())
    screenshot("smart-goal")

    # Another date in the deadline field: the two disagree, nothing is judged on either, and
    # the person chooses which one is right (here, the goal's: the field takes it back).
    page.fill("input[name=deadline]", "2028-09-30")
    page.locator("input[name=deadline]").dispatch_event("change")
    choice = feedback.locator("[data-deadline-conflict]")
    expect(choice).to_contain_text(words["which"])
    expect(choice).to_contain_text("2028-09-30")
    expect(feedback.locator("[data-criterion=time_bound][data-met=unknown]")).to_be_visible()
    screenshot("deadline-choice")
    choice.get_by_label(words["goals_date"]).click()  # the check runs again at once
    expect(page.locator("input[name=deadline]")).to_have_value("2028-06-30")
    expect(feedback.locator("[data-deadline-conflict]")).to_have_count(0)
    expect(feedback.locator("[data-criterion=time_bound][data-met=yes]")).to_be_visible()
    page.get_by_role("button", name=words["save_goal"]).click()
    expect(page.locator("h1")).to_have_text(words["smart"])
    goal_url = page.url

    # Two stages; a stage past the deadline is refused with a clear message.
    page.get_by_role("link", name=words["add_stage"]).click()
    page.fill("input[name=title]", "Trop tard / Too late")
    page.fill("input[name=deadline]", "2028-12-31")
    page.get_by_role("button", name=words["save"], exact=True).click()
    expect(page.locator(".errorlist")).to_contain_text(words["stage_too_late"])
    for title, deadline in zip(words["stages"], ["2027-06-30", "2028-03-31"], strict=True):
        page.goto(goal_url)
        page.get_by_role("link", name=words["add_stage"]).click()
        page.fill("input[name=title]", title)
        page.fill("input[name=deadline]", deadline)
        page.get_by_role("button", name=words["save"], exact=True).click()
        expect(page.locator("main")).to_contain_text(title)

    # Steps: one in the first stage, one weekly.
    page.get_by_role("link", name=words["add_step"], exact=True).click()
    page.fill("input[name=title]", words["step"])
    page.select_option("select[name=stage]", label=words["stages"][0])
    page.fill("input[name=due_date]", (timezone.localdate() + _days(7)).isoformat())
    page.fill("input[name=estimated_effort_hours]", "90 min")  # minutes are fine
    page.get_by_role("button", name=words["save"], exact=True).click()
    expect(page.locator("main")).to_contain_text(words["effort"])
    page.get_by_role("link", name=words["add_step"], exact=True).click()
    page.fill("input[name=title]", words["weekly"])
    page.fill("input[name=due_date]", timezone.localdate().isoformat())
    page.select_option("select[name=recurrence]", value="weekly")
    page.get_by_role("button", name=words["save"], exact=True).click()
    expect(page.locator("main")).to_contain_text(words["step"])
    expect(page.locator("main")).to_contain_text(words["weekly"])

    # Two check-ins, each with a new indicator value.
    for note, value in zip(words["checkins"], ["0", "1"], strict=True):
        page.locator("summary", has_text=words["check_in"]).click()
        page.fill("textarea[name=note]", note)
        page.fill("input[name=indicator_value]", value)
        page.get_by_role("button", name=words["save_checkin"]).click()
        expect(page.locator("main")).to_contain_text(note)
    expect(page.locator(".chart svg circle.point")).to_have_count(3)  # start + two check-ins
    expect(page.locator(".chart svg line.ideal")).to_be_visible()
    expect(page.locator("[role=progressbar]")).to_have_attribute("aria-valuenow", "33")
    screenshot("plan-and-check-ins")

    # A review adjusts the deadline, with the reason.
    page.goto("/goals/reviews/")
    page.get_by_role("link", name=words["review"]).click()
    page.select_option("select[name$=decision]", value="adjust")
    page.fill("textarea[name$=reason]", words["reason"])
    page.locator("details summary").click()
    page.fill("input[name$=deadline]", "2028-09-30")
    screenshot("review")
    page.get_by_role("button", name=words["record"]).click()
    expect(page.locator("main")).to_contain_text(words["reason"])

    # The history shows what changed and why; the chart is on the goal's page.
    page.goto(goal_url)
    expect(page.locator("main")).to_contain_text("2028-09-30")
    page.get_by_role("link", name=words["history"]).click()
    history = page.locator("main")
    expect(history).to_contain_text(words["reason"])
    expect(history).to_contain_text("2028-06-30")
    expect(history).to_contain_text("2028-09-30")
    screenshot("history")
    assert re.search(r"/goals/\d+/history/$", page.url)


def _days(n):
    return datetime.timedelta(days=n)
