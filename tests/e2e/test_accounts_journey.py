"""Accounts journey, in English and in French: sign up, log in, switch the language, create an
API token and use it, revoke it, log out."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)
expect.set_options(timeout=10_000)

PASSWORD = "a journey passphrase 2026"

# What a person reads, in each language.
WORDS = {
    "en": {
        "create_account": "Create your account",
        "sign_up": "Sign up",
        "welcome": "Welcome, Dana",
        "log_in": "Log in",
        "log_out": "Log out",
        "switch_to_other": "Français",
        "create_token": "Create the token",
        "token_name": "Token name",
        "done": "Done",
        "revoke": "Revoke",
        "revoke_confirm": "Revoke the token",
        "revoked": "was revoked",
        "copy_hint": "Copy it now: you will not see it again.",
        "logged_out": "You are logged out.",
        "email": "Email",
        "password": "Password",
        "confirmation": "Password confirmation",
        "display_name": "Display name",
        "language": "Preferred language",
    },
    "fr": {
        "create_account": "Créer votre compte",
        "sign_up": "S'inscrire",
        "welcome": "Bienvenue, Dana",
        "log_in": "Se connecter",
        "log_out": "Se déconnecter",
        "switch_to_other": "English",
        "create_token": "Créer le jeton",
        "token_name": "Nom du jeton",
        "done": "Terminé",
        "revoke": "Révoquer",
        "revoke_confirm": "Révoquer le jeton",
        "revoked": "a été révoqué",
        "copy_hint": "Copiez-le maintenant : vous ne le reverrez plus.",
        "logged_out": "Vous êtes déconnecté.",
        "email": "Courriel",
        "password": "Mot de passe",
        "confirmation": "Confirmation du mot de passe",
        "display_name": "Nom affiché",
        "language": "Langue préférée",
    },
}

# The main navigation's real labels, by the path each entry links to.
NAVIGATION = {
    "/goals/": {"en": "Goals", "fr": "Objectifs"},
    "/occupations/": {"en": "Skills & occupations", "fr": "Compétences et professions"},
    "/skills/": {"en": "Skills & occupations", "fr": "Compétences et professions"},
    "/growth/": {"en": "Growth", "fr": "Perfectionnement"},
    "/jobs/": {"en": "Jobs", "fr": "Emplois"},
    "/mentoring/": {"en": "Mentoring", "fr": "Mentorat"},
    "/agenda/": {"en": "Agenda", "fr": "Agenda"},
    "/orgs/": {"en": "Organisation", "fr": "Organisation"},
}


def field(page, label):
    """The form field labelled `label` (a required field's label ends with its * marker)."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}\s*\*?$"))


def check_navigation(page, language):
    links = page.locator("nav.main-nav a")
    expect(links.first).to_be_visible()
    seen = {}
    for index in range(links.count()):
        link = links.nth(index)
        seen[link.get_attribute("href")] = link.inner_text().strip()
    assert seen, "the main navigation is empty"
    for href, label in seen.items():
        assert href in NAVIGATION, f"unexpected navigation entry {href}"
        assert label == NAVIGATION[href][language], (href, label)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_accounts_journey(page, screenshot, browser, live_server, language):
    words = WORDS[language]
    other = "fr" if language == "en" else "en"
    email = f"dana.{language}@example.org"

    # A visitor arrives; in French, they switch the interface before signing up.
    page.goto("/", timeout=60_000)  # the live server's first answer imports every app
    if language == "fr":
        page.get_by_role("button", name="Français").click()
    expect(page.locator("html")).to_have_attribute("lang", language)
    screenshot("landing")

    # Sign up; in English, the language is chosen on the form.
    page.get_by_role("link", name=words["create_account"]).first.click()
    field(page, words["email"]).fill(email)
    field(page, words["display_name"]).fill("Dana")
    field(page, words["password"]).fill(PASSWORD)
    field(page, words["confirmation"]).fill(PASSWORD)
    language_select = field(page, words["language"])
    if language == "en":
        language_select.select_option("en")
    else:
        expect(language_select).to_have_value("fr")
    screenshot("signup-form")
    page.get_by_role("button", name=words["sign_up"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(words["welcome"])
    screenshot("signed-up")

    # Log out, then log in with the new account.
    page.get_by_role("button", name=words["log_out"]).click()
    expect(page.get_by_text(words["logged_out"])).to_be_visible()
    page.get_by_role("banner").get_by_role("link", name=words["log_in"]).click()
    field(page, words["email"]).fill(email)
    field(page, words["password"]).fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name=words["log_in"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(words["welcome"])
    check_navigation(page, language)
    screenshot("logged-in")

    # Switch the language: the navigation follows, and so does the profile.
    page.get_by_role("button", name=words["switch_to_other"]).click()
    expect(page.locator("html")).to_have_attribute("lang", other)
    expect(page.get_by_role("heading", level=1)).to_have_text(WORDS[other]["welcome"])
    check_navigation(page, other)
    screenshot("language-switched")
    words = WORDS[other]

    # Create an API token on the profile page: it is shown once.
    page.get_by_role("banner").get_by_role("link", name="Dana").click()
    field(page, words["token_name"]).fill("journey script")
    page.get_by_role("button", name=words["create_token"]).click()
    expect(page.get_by_text(words["copy_hint"])).to_be_visible()
    raw = page.locator("#raw-token").input_value()
    assert raw.startswith("prc_")
    screenshot("token-created")

    # A script (no browser session) calls the API with it.
    script = browser.new_context(base_url=live_server.url)
    api = script.request
    me = api.get("/api/me", headers={"Authorization": f"Bearer {raw}"})
    assert me.status == 200
    assert me.json()["email"] == email
    assert me.json()["language"] == other

    # Revoke it, after confirming; the script is refused from then on.
    page.get_by_role("link", name=words["done"]).click()
    expect(page.get_by_role("cell", name="journey script", exact=True)).to_be_visible()
    page.get_by_role("link", name=re.compile(words["revoke"])).click()
    screenshot("revoke-confirm")
    page.get_by_role("button", name=words["revoke_confirm"]).click()
    expect(page.get_by_text(words["revoked"])).to_be_visible()
    screenshot("token-revoked")
    refused = api.get("/api/me", headers={"Authorization": f"Bearer {raw}"})
    assert refused.status == 401
    assert "detail" in refused.json()
    script.close()

    # Log out.
    page.get_by_role("button", name=words["log_out"]).click()
    expect(page.get_by_text(words["logged_out"])).to_be_visible()
    expect(page.get_by_role("banner").get_by_role("link", name=words["log_in"])).to_be_visible()
    screenshot("logged-out")
