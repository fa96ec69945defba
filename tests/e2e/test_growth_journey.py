"""Growth journey, in English and in French: add a training paid by a loan and see its payback;
add a contact met a while ago and see the follow-up due, on the contact list and in the agenda."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import User
from accounts.testing import PASSWORD

WORDS = {
    "en": {
        "growth": "Growth",
        "add_training": "Add a training",
        "save": "Save",
        "verdict": "Pays for itself in about 1 year 11 months.",
        "unverified": "Accreditation not verified.",
        "interest": "Interest",
        "contacts": "Contacts",
        "add_contact": "Add a contact",
        "due": "Follow-up due since",
        "agenda": "Agenda",
        "follow_up": "Follow up with Sophie Gagnon",
        "assumption": "Analyst pay scale: one step up once certified",
    },
    "fr": {
        "growth": "Perfectionnement",
        "add_training": "Ajouter une formation",
        "save": "Enregistrer",
        "verdict": "Se rentabilise en environ 1 an 11 mois.",
        "unverified": "Agrément non vérifié.",
        "interest": "Intérêts",
        "contacts": "Contacts",
        "add_contact": "Ajouter un contact",
        "due": "Relance à faire depuis",
        "agenda": "Agenda",
        "follow_up": "Relancer Sophie Gagnon",
        "assumption": "Échelle salariale d’analyste : un échelon de plus une fois certifié",
    },
}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_training_paid_by_a_loan_and_a_contact_to_follow_up(page, screenshot, signed_in, lang):
    words = WORDS[lang]
    user = User.objects.create_user(
        f"growth-{lang}@example.org", PASSWORD, display_name="Journey", language=lang
    )
    # Generous waits: the suite shares two cores with other browser journeys.
    page.set_default_timeout(60_000)
    expect.set_options(timeout=60_000)
    signed_in(page, user)

    # A certificate paid with a loan: 10 000 at 5 % over 60 months, for 6 000 more a year.
    page.locator("nav.main-nav").get_by_role("link", name=words["growth"]).click()
    page.get_by_role("link", name=words["add_training"]).first.click()
    page.fill("input[name=title]", "Certificate in data analysis")
    page.select_option("select[name=kind]", value="certification")
    page.fill("input[name=provider]", "Université de Montréal")
    page.fill("input[name=cost]", "10000")
    page.select_option("select[name=payer]", value="loan")
    page.fill("input[name=loan_rate]", "5")
    page.fill("input[name=loan_term_months]", "60")
    page.fill("input[name=salary_change]", "6000")
    page.fill("input[name=salary_assumption]", words["assumption"])
    page.locator("main form").get_by_role("button", name=words["save"]).click()
    expect(page.locator("h1")).to_have_text("Certificate in data analysis")
    expect(page.get_by_test_id("roi-verdict")).to_have_text(words["verdict"])
    expect(page.locator("main")).to_contain_text(words["assumption"])
    expect(page.locator("main")).to_contain_text(words["interest"])
    expect(page.locator(".warning-box")).to_contain_text(words["unverified"])
    screenshot("training-payback")

    # A contact met 100 days ago, to follow up every 90 days: the follow-up is due.
    met = timezone.localdate() - datetime.timedelta(days=100)
    page.get_by_role("link", name=words["contacts"], exact=True).click()
    page.get_by_role("link", name=words["add_contact"]).click()
    page.fill("input[name=name]", "Sophie Gagnon")
    page.fill("input[name=organisation]", "Hydro-Québec")
    page.fill("input[name=met_on]", met.isoformat())
    page.fill("input[name=follow_up_days]", "90")
    page.locator("main form").get_by_role("button", name=words["save"]).click()
    expect(page.locator("h1")).to_have_text("Sophie Gagnon")
    expect(page.locator("main")).to_contain_text(words["due"])
    page.get_by_role("link", name=words["contacts"], exact=True).click()
    row = page.locator("tr", has_text="Sophie Gagnon")
    expect(row).to_contain_text(words["due"])
    screenshot("contact-due")

    # The agenda lists the follow-up.
    page.locator("nav.main-nav").get_by_role("link", name=words["agenda"]).click()
    expect(page.get_by_role("link", name=words["follow_up"])).to_be_visible()
    screenshot("agenda")
