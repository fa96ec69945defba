"""Mentoring journey, in English and in French: a mentee with a goal finds mentors, reads why
the first one matches and asks her; the mentor accepts in her own browser; they hold a session
with prepared questions and notes; the mentor leaves constructive feedback; the mentee thanks
her; the mentorship completes and the keep-in-touch reminder appears."""

import re

import pytest
from playwright.sync_api import expect

from mentoring.tests import factories
from taxonomy.models import Occupation, OccupationSkill, Skill, TargetOccupation

pytestmark = pytest.mark.django_db(transaction=True)
expect.set_options(timeout=10_000)

WORDS = {
    "en": {
        "find": "Find a mentor",
        "why": "Why this mentor",
        "knows": "Maria knows 2 of the 3 skills you need: SQL, statistics.",
        "ask": "Ask for mentoring",
        "hoped_gain": "What I hope to gain from this mentorship",
        "send": "Send my request",
        "requested": "Requested",
        "request_from": "Request from Sam",
        "accept": "Accept",
        "plan": "Plan a session",
        "questions": "Questions I want to ask (one per line)",
        "plan_submit": "Plan the session",
        "listen": "Open the listening view",
        "private": "My private notes (only I can read them)",
        "save_private": "Save my private notes",
        "shared": "Shared notes",
        "save_shared": "Save the shared notes",
        "back_session": "Back to the session",
        "back": "Back to the mentorship",
        "give_feedback": "Give constructive feedback",
        "observed": "What I observed",
        "better": "What could work better",
        "share_feedback": "Share my feedback",
        "thanks": "Your thank-you",
        "say_thanks": "Say thank you",
        "complete": "Complete or end the mentorship",
        "goals_met": "The goals are met: we keep in touch",
        "confirm": "Confirm",
        "keep_in_touch": "Keep in touch",
        "next_touch": "Next keep-in-touch",
    },
    "fr": {
        "find": "Trouver un mentor",
        "why": "Pourquoi ce mentor",
        "knows": ("Maria maîtrise 2 des 3 compétences dont vous avez besoin : SQL, statistiques."),
        "ask": "Demander du mentorat",
        "hoped_gain": "Ce que j'espère retirer de cette relation de mentorat",
        "send": "Envoyer ma demande",
        "requested": "Demandée",
        "request_from": "Demande de Sam",
        "accept": "Accepter",
        "plan": "Planifier une rencontre",
        "questions": "Questions que je veux poser (une par ligne)",
        "plan_submit": "Planifier la rencontre",
        "listen": "Ouvrir la vue d'écoute",
        "private": "Mes notes privées (moi seul ou seule peux les lire)",
        "save_private": "Enregistrer mes notes privées",
        "shared": "Notes partagées",
        "save_shared": "Enregistrer les notes partagées",
        "back_session": "Retour à la rencontre",
        "back": "Retour à la relation de mentorat",
        "give_feedback": "Donner une rétroaction constructive",
        "observed": "Ce que j'ai observé",
        "better": "Ce qui pourrait mieux fonctionner",
        "share_feedback": "Partager ma rétroaction",
        "thanks": "Votre remerciement",
        "say_thanks": "Dire merci",
        "complete": "Conclure ou terminer la relation de mentorat",
        "goals_met": "Les objectifs sont atteints : nous gardons le contact",
        "confirm": "Confirmer",
        "keep_in_touch": "Garder le contact",
        "next_touch": "Prochain contact",
    },
}


def setup_people(lang):
    skills = {
        name: Skill.objects.create(uri=f"s-{name}", label_en=name, label_fr=fr)
        for name, fr in [("SQL", "SQL"), ("statistics", "statistiques"), ("Python", "Python")]
    }
    analyst = Occupation.objects.create(uri="o", label_en="data analyst", label_fr="analyste")
    for skill in skills.values():
        OccupationSkill.objects.create(occupation=analyst, skill=skill, relation_type="essential")
    sam = factories.person_with_password("sam@example.org", "Sam", language=lang)
    TargetOccupation.objects.create(user=sam, occupation=analyst)
    goal = factories.goal(
        sam, "Devenir analyste de données" if lang == "fr" else "Become an analyst"
    )
    maria = factories.person_with_password("maria@example.org", "Maria", language=lang)
    factories.mentor_profile(maria, skills=[skills["SQL"], skills["statistics"]], capacity=2)
    other = factories.person("paul@example.org", "Paul", language=lang)
    factories.mentor_profile(other, skills=[skills["Python"]], values=[])
    return sam, maria, goal


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_mentoring_journey(page, browser, live_server, signed_in, screenshot, lang):
    words = WORDS[lang]
    sam, maria, goal = setup_people(lang)

    # The live server's first request loads the URLs and every app's API: give it time once.
    page.goto("/accounts/login/", timeout=60_000)

    # The mentee finds mentors and reads why the first one matches.
    signed_in(page, sam)
    page.goto("/mentoring/")
    page.locator("main").get_by_role("link", name=words["find"]).first.click()
    first = page.locator("main article").first
    expect(first.get_by_role("heading", level=2)).to_have_text("Maria")
    first.locator("summary").click()
    expect(first).to_contain_text(words["knows"])
    first.get_by_role("link", name="Maria").click()
    expect(page.get_by_role("heading", name=words["why"])).to_be_visible()
    expect(page.locator("main")).to_contain_text(words["knows"])
    screenshot("why-this-mentor")
    page.get_by_role("link", name=words["ask"]).click()
    page.get_by_label(goal.statement).check()
    page.get_by_label(words["hoped_gain"]).fill("SQL advice / conseils SQL")
    page.get_by_role("button", name=words["send"]).click()
    expect(page.locator("main .badge").first).to_have_text(words["requested"])
    mentorship_url = page.url

    # The mentor accepts, in her own browser.
    mentor_context = browser.new_context(base_url=live_server.url)
    mentor_context.set_default_timeout(10_000)
    mentor = mentor_context.new_page()
    signed_in(mentor, maria)
    mentor.goto("/mentoring/")
    mentor.get_by_role("link", name=words["request_from"]).click()
    mentor.get_by_role("button", name=words["accept"]).click()
    expect(mentor.get_by_role("link", name=words["plan"])).to_be_visible()

    # The mentee plans a session with her questions.
    page.goto(mentorship_url)
    page.get_by_role("link", name=words["plan"]).click()
    page.locator("input[name=scheduled_at]").fill("2030-03-14T18:30")
    page.get_by_label(words["questions"]).fill("Where do I start with SQL?\nHow to talk about it?")
    page.get_by_role("button", name=words["plan_submit"]).click()
    expect(page.locator("main ol")).to_contain_text("Where do I start with SQL?")
    session_url = page.url

    # The mentor listens and takes notes in the focused view.
    mentor.goto(session_url)
    mentor.get_by_role("link", name=words["listen"]).click()
    expect(mentor.locator("main")).to_contain_text("Where do I start with SQL?")
    mentor.get_by_label(words["private"]).fill("Motivated; nervous about interviews")
    mentor.get_by_role("button", name=words["save_private"]).click()
    mentor.get_by_label(words["shared"]).fill("Start with SQL joins this week.")
    mentor.get_by_role("button", name=words["save_shared"]).click()
    mentor.get_by_role("link", name=words["back_session"]).click()
    mentor.get_by_role("link", name=words["give_feedback"]).click()
    mentor.get_by_label(words["observed"]).fill("You undersell your accounting work.")
    mentor.get_by_label(words["better"]).fill("Say one number about it.")
    mentor.get_by_role("button", name=words["share_feedback"]).click()

    # The mentee reads the shared notes and feedback, not the private notes, and thanks her.
    page.goto(session_url)
    expect(page.locator("main")).to_contain_text("Start with SQL joins this week.")
    expect(page.locator("main")).not_to_contain_text("nervous about interviews")
    page.get_by_role("link", name=words["back"]).click()
    expect(page.locator("main")).to_contain_text("You undersell your accounting work.")
    page.get_by_label(words["thanks"]).fill("Merci Maria!")
    page.get_by_role("button", name=words["say_thanks"]).click()
    expect(page.locator("main")).to_contain_text("Merci Maria!")

    # The goals are met: the mentorship completes and the keep-in-touch reminder appears.
    page.get_by_role("link", name=words["complete"]).click()
    page.get_by_label(words["goals_met"]).check()
    page.get_by_role("button", name=words["confirm"]).click()
    expect(page.get_by_role("heading", name=words["keep_in_touch"])).to_be_visible()
    expect(page.locator("main")).to_contain_text(words["next_touch"])
    assert re.search(r"/mentoring/\d+/$", page.url)
    screenshot("keep-in-touch")
    mentor_context.close()
