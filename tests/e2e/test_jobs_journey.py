"""A person adds an application from a pasted posting, prepares "What are your career goals?"
until it fits the job, records a post-interview reflection and finds its technique again when
preparing the next interview, in English and in French."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import User
from accounts.testing import PASSWORD
from jobs.models import Application
from taxonomy.models import Skill

TEXT = {
    "en": {
        "title": "Sales manager",
        "organisation": "Acme Distribution",
        "posting": (
            "Sales manager. We are hiring a sales manager to lead a team of sales "
            "representatives, meet our customers every week and grow revenue across Quebec. "
            "Excellent customer service is essential."
        ),
        "contradicting": (
            "My goal is to find a role that doesn't involve working with customers as much."
        ),
        "aligned": (
            "In three years, I want to lead a larger sales team. This role is the right step "
            "toward that, and I will help you grow revenue and keep your customers loyal."
        ),
        "went_well": "I told the story of my biggest client win clearly.",
        "technique": "Open with a number: the revenue I brought in last year",
        "add": "Add an application",
        "save_application": "Save the application",
        "prepare_interview": "Prepare the interview",
        "prepare_goals": "Prepare my answer to “What are your career goals?”",
        "check": "Check the alignment with the posting",
        "not_aligned": "Not aligned",
        "aligned_text": "Your answer matches the job you are applying for.",
        "schedule": "Schedule an interview",
        "save_interview": "Save the interview",
        "write_reflection": "Write the post-interview reflection",
        "save_reflection": "Save the reflection",
        "skills": "Skills in the posting",
        "detecting": "are being detected",
        "skill": "customer service",
        "next_title": "Regional sales director",
        "tried": "I tried it",
        "tried_badge": "Tried it",
    },
    "fr": {
        "title": "Directrice des ventes",
        "organisation": "Distribution Acme",
        "posting": (
            "Directeur ou directrice des ventes. Nous recrutons une personne pour diriger une "
            "équipe de représentants, rencontrer nos clients chaque semaine et faire croître le "
            "chiffre d'affaires au Québec. Un excellent service à la clientèle est essentiel."
        ),
        "contradicting": "Je veux un poste où je serai moins en contact avec les clients.",
        "aligned": (
            "Dans trois ans, je veux diriger une plus grande équipe de vente. Ce poste est la "
            "bonne étape vers ce but, et je vous aiderai à faire croître le chiffre d'affaires "
            "et à fidéliser vos clients."
        ),
        "went_well": "J'ai raconté clairement ma plus belle réussite auprès d'un client.",
        "technique": "Commencer par un chiffre : les ventes que j'ai générées l'an dernier",
        "add": "Ajouter une candidature",
        "save_application": "Enregistrer la candidature",
        "prepare_interview": "Préparer l’entrevue",
        "prepare_goals": "Préparer ma réponse à « Quels sont vos objectifs de carrière? »",
        "check": "Vérifier la cohérence avec l’offre d’emploi",
        "not_aligned": "Pas cohérente",
        "aligned_text": "Votre réponse correspond au poste pour lequel vous postulez.",
        "schedule": "Planifier une entrevue",
        "save_interview": "Enregistrer l’entrevue",
        "write_reflection": "Écrire le retour sur l’entrevue",
        "save_reflection": "Enregistrer le retour",
        "skills": "Compétences de l’offre d’emploi",
        "detecting": "sont en cours de détection",
        "skill": "service à la clientèle",
        "next_title": "Directrice régionale des ventes",
        "tried": "Je l’ai essayée",
        "tried_badge": "Essayée",
    },
}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_application_coach_and_reflection(page, screenshot, signed_in, lang):
    words = TEXT[lang]
    Skill.objects.create(
        uri="http://data.europa.eu/esco/skill/test-customer-service",
        label_en="customer service",
        label_fr="service à la clientèle",
    )
    user = User.objects.create_user(
        f"jobs-{lang}@example.org", PASSWORD, display_name="Journey", language=lang
    )
    # The live server's first request imports every app (URL conf); on a loaded machine that
    # can take longer than the default timeout, which is for a person's clicks.
    page.goto("/accounts/login/", timeout=60_000)
    signed_in(page, user)

    # An application from a pasted posting.
    page.goto("/jobs/")
    page.get_by_role("link", name=words["add"]).click()
    page.fill("input[name=title]", words["title"])
    page.fill("input[name=organisation]", words["organisation"])
    page.fill("textarea[name=posting_text]", words["posting"])
    page.select_option("select[name=posting_language]", value=lang)
    page.get_by_role("button", name=words["save_application"]).click()
    expect(page.locator("h1")).to_have_text(words["title"])
    expect(page.locator("#skills h2")).to_have_text(words["skills"])
    # Saved at once; the skills are detected in the background and appear without a reload.
    expect(page.locator("#skills [role=status]")).to_contain_text(words["detecting"])
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    expect(page.locator("#skills .skill-list li", has_text=words["skill"])).to_contain_text(
        "✗", timeout=20_000
    )
    screenshot("application")

    # "What are your career goals?" contradicts the role, then fits it.
    page.get_by_role("link", name=words["prepare_interview"]).click()
    page.get_by_role("button", name=words["prepare_goals"]).click()
    page.fill("textarea[name=text]", words["contradicting"])
    page.get_by_role("button", name=words["check"]).click()
    result = page.locator("#check-result")
    expect(result).to_contain_text(words["not_aligned"])
    expect(result.locator("[data-code=contradicts_role]")).to_be_visible()
    expect(result.locator("blockquote.example")).to_be_visible()
    screenshot("not-aligned")
    page.fill("textarea[name=text]", words["aligned"])
    page.get_by_role("button", name=words["check"]).click()
    expect(result).to_contain_text(words["aligned_text"])
    expect(result.locator("[data-code]")).to_have_count(0)
    screenshot("aligned")

    # The interview took place: a post-interview reflection with a technique for next time.
    application = Application.objects.get(user=user)
    page.goto(f"/jobs/{application.pk}/")
    page.get_by_role("link", name=words["schedule"]).click()
    held = timezone.localtime(timezone.now() - datetime.timedelta(days=2))
    page.fill("input[name=scheduled_at]", held.strftime("%Y-%m-%dT10:00"))
    page.get_by_role("button", name=words["save_interview"]).click()
    page.get_by_role("link", name=words["write_reflection"]).click()
    page.fill("textarea[name=went_well]", words["went_well"])
    page.fill("textarea[name=techniques]", words["technique"])
    page.get_by_role("button", name=words["save_reflection"]).click()
    expect(page.locator("#interviews")).to_contain_text(words["technique"])

    # Preparing the next interview, for another application: the technique is there.
    page.goto("/jobs/new/")
    page.fill("input[name=title]", words["next_title"])
    page.fill("input[name=organisation]", words["organisation"])
    page.get_by_role("button", name=words["save_application"]).click()
    page.get_by_role("link", name=words["prepare_interview"]).click()
    technique = page.locator(".technique", has_text=words["technique"])
    expect(technique).to_be_visible()
    technique.get_by_role("button", name=words["tried"]).click()
    expect(page.locator(".technique", has_text=words["technique"])).to_contain_text(
        words["tried_badge"]
    )
    screenshot("technique-surfaces")
