"""Organisations journey, in English and in French: an administrator creates the residence's
organisation, imports its competency model (preview, then import) and invites a manager and a
member; both accept; the member accepts his manager, assesses himself, reads his gap to the
next level and adds a learning item from it; the manager plans a 1:1 and adds a topic; they
hold it and an action item becomes a step of the member's goal; the manager never reads the
member's job applications nor his private notes."""

import re
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import expect

from goals.models import Goal, Step
from growth.models import LearningItem
from jobs.models import Application
from organisations.tests import factories
from taxonomy.models import Skill

pytestmark = pytest.mark.django_db(transaction=True)
expect.set_options(timeout=15_000)

MODEL_FILE = Path(__file__).parents[2] / "organisations" / "data" / "care-team.csv"
ESCO = "http://data.europa.eu/esco/skill/"
SKILLS = {
    "2475cd27-8d6c-4318-a364-21395b23acba": (
        "empathise with the healthcare user",
        "faire preuve d’empathie vis-à-vis du patient",
    ),
    "d93f9e29-9740-4231-8486-13d377b99f05": (
        "develop a collaborative therapeutic relationship",
        "développer une relation thérapeutique collaborative",
    ),
    "24f980ba-b44f-4739-b563-205104c3190d": (
        "provide basic support to patients",
        "apporter un soutien élémentaire aux patients",
    ),
    "b5a8ce01-a4ae-43c1-b4e4-c44be6804691": (
        "distribute meals to patients",
        "distribuer des repas aux patients",
    ),
    "ce0d6a42-59c1-433e-ab62-adfc969c46bb": (
        "ensure safety of healthcare users",
        "assurer la sécurité des patients",
    ),
    "51e79cb4-fab3-404c-88f3-cd4a1bd5879e": (
        "deal with emergency care situations",
        "gérer des situations de soins d’urgence",
    ),
    "1448431a-4fe5-4ca3-83db-665e0df3f130": (
        "conduct cleaning tasks",
        "exécuter des tâches de nettoyage",
    ),
    "6f46a3bb-eb18-4c3e-b05b-8b073fceb4fb": (
        "sterilization techniques",
        "techniques de stérilisation",
    ),
    "76395873-7fe2-4f9a-b4b6-9932f8cbd0b4": (
        "follow clinical guidelines",
        "suivre les directives cliniques",
    ),
    "d3b74d50-7fc9-4051-9335-58d129a4a064": (
        "monitor basic patients signs",
        "surveiller les signes de base des patients",
    ),
    "2e90ef65-646a-4b1d-8597-26ca88aa1c6b": ("identify abnormalities", "détecter des anomalies"),
    "b34a15fe-dc14-43eb-9eb3-c227238a029c": (
        "convey medical routine information",
        "transmettre des informations médicales de routine",
    ),
    "a17286c5-238d-4f0b-bc24-29e9121345de": ("listen actively", "écouter activement"),
    "c65aa043-98da-4136-9877-494e72d9e4cf": (
        "interact with healthcare users",
        "interagir avec les usagers du système de santé",
    ),
    "bccafecc-4d80-43d3-8c9f-aef382c3926f": (
        "work with nursing staff",
        "travailler avec du personnel infirmier",
    ),
    "68088afb-3afd-4538-8e25-377a63f09666": (
        "communicate with nursing staff",
        "communiquer avec le personnel infirmier",
    ),
    "eba85523-6ad2-4cd9-9b27-a0b6a39b8cfa": (
        "work in multidisciplinary health teams",
        "travailler au sein d’équipes médicales pluridisciplinaires",
    ),
    "4d614c92-0c48-4a11-a5ed-416b34fd50d2": (
        "manage healthcare users' data",
        "gérer les données des usagers",
    ),
    "d15ce60f-ddab-41ce-ba56-398451b77b60": (
        "have computer literacy",
        "avoir des connaissances en informatique",
    ),
    "634865e0-2ec2-4b7f-bb7f-c196637f0f7b": ("older adults' needs", "besoins des adultes âgés"),
    "52c19dc8-651f-4095-98fe-dcb2799d702e": ("geriatrics", "gériatrie"),
    "b4910ea9-578d-4767-bd68-00a315a64e09": (
        "evaluate older adults' ability to take care of themselves",
        "évaluer la capacité d’un adulte âgé à prendre soin de lui-même",
    ),
    "f90d4810-8bac-4e5e-b870-3e35a4138ff7": (
        "accept own accountability",
        "assumer ses responsabilités",
    ),
    "aa238394-8126-4ada-be2f-9dfe065cf314": (
        "adhere to organisational guidelines",
        "respecter des lignes directrices d’organisation d’une entreprise",
    ),
    "9fcf9918-fdef-49c3-aedc-518eb1e7e1f5": (
        "comply with legislation related to health care",
        "respecter la législation dans le domaine de la santé",
    ),
}
PRIVATE = "Je regarde des offres ailleurs / looking at other offers"

WORDS = {
    "en": {
        "create_org": "Create an organisation",
        "name": "Name",
        "create": "Create",
        "competencies": "Competencies",
        "import_model": "Import a competency model",
        "preview": "Preview the file",
        "new_model": "A new model: Care team competency framework (care-team).",
        "import": "Import",
        "model": "Care team competency framework",
        "people": "People",
        "invite": "Invite someone",
        "send": "Send the invitation",
        "accept_invitation": "Accept the invitation",
        "save": "Save",
        "propose_manager": "Propose a manager",
        "propose": "Propose",
        "accept": "Accept",
        "would_be": "Li would be your manager",
        "assess": "Assess myself",
        "start": "Start a self-assessment",
        "share": "Share it with my manager",
        "submit": "Submit",
        "submitted": "Submitted",
        "role": "Care aide I",
        "next_gap": "My gap to the next level (Care aide II)",
        "gap_title": "My gap to Care aide II",
        "learning": "Add to my learning plan",
        "my_team": "My team",
        "plan_one": "Plan one",
        "plan_it": "Plan it",
        "topic": "Topic for the agenda",
        "add_topic": "Add the topic",
        "private": "My private notes (only I can read them)",
        "save_private": "Save my private notes",
        "conversations": "1:1 conversations",
        "action": "Action",
        "who": "Who does it",
        "add_action": "Add the action",
        "held": "We held this conversation",
        "make_step": "Make it a goal step",
        "goal_step": "Goal step",
        "held_status": "Held",
        "save_sharing": "Save my sharing choice",
        "next_talk": "Next 1:1:",
    },
    "fr": {
        "create_org": "Créer une organisation",
        "name": "Nom",
        "create": "Créer",
        "competencies": "Compétences",
        "import_model": "Importer un référentiel de compétences",
        "preview": "Prévisualiser le fichier",
        "new_model": (
            "Un nouveau référentiel : Référentiel de compétences de l'équipe de soins (care-team)."
        ),
        "import": "Importer",
        "model": "Référentiel de compétences de l'équipe de soins",
        "people": "Personnes",
        "invite": "Inviter une personne",
        "send": "Envoyer l'invitation",
        "accept_invitation": "Accepter l'invitation",
        "save": "Enregistrer",
        "propose_manager": "Proposer un ou une gestionnaire",
        "propose": "Proposer",
        "accept": "Accepter",
        "would_be": "Li serait votre gestionnaire",
        "assess": "M'autoévaluer",
        "start": "Commencer une autoévaluation",
        "share": "La partager avec mon ou ma gestionnaire",
        "submit": "Soumettre",
        "submitted": "Soumise",
        "role": "Préposé(e) aux bénéficiaires I",
        "next_gap": "Mon écart avec le niveau suivant (Préposé(e) aux bénéficiaires II)",
        "gap_title": "Mon écart avec le poste Préposé(e) aux bénéficiaires II",
        "learning": "Ajouter à mon plan de formation",
        "my_team": "Mon équipe",
        "plan_one": "En planifier une",
        "plan_it": "La planifier",
        "topic": "Sujet à l'ordre du jour",
        "add_topic": "Ajouter le sujet",
        "private": "Mes notes privées (moi seul ou seule peux les lire)",
        "save_private": "Enregistrer mes notes privées",
        "conversations": "Rencontres individuelles",
        "action": "Action",
        "who": "Qui s'en charge",
        "add_action": "Ajouter l'action",
        "held": "Nous avons tenu cette rencontre",
        "make_step": "En faire une action de l'objectif",
        "goal_step": "Action d'un objectif",
        "held_status": "Tenue",
        "save_sharing": "Enregistrer mon choix de partage",
        "next_talk": "Prochaine rencontre individuelle :",
    },
}


def nbsp(text):
    """What the French page shows: a non-breaking space before a colon."""
    return text.replace(" :", "\u00a0:")


def invitation_path(email):
    message = next(m for m in reversed(mail.outbox) if m.to == [email])
    url = re.search(r"https?://\S+/orgs/join/\S+/", message.body).group(0)
    return "/orgs/join/" + url.split("/orgs/join/", 1)[1]


def browser_for(browser, live_server, signed_in, person):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30_000)
    page = context.new_page()
    signed_in(page, person)
    return context, page


@pytest.fixture
def shot(request):
    """Save a full-page screenshot of any page (the manager's, the member's) next to the
    journey's other screenshots (tests/e2e/conftest.py: `screenshot`)."""
    from tests.e2e.conftest import ARTIFACTS

    folder = ARTIFACTS / "screenshots" / re.sub(r"[^\w.-]+", "_", request.node.name)
    folder.mkdir(parents=True, exist_ok=True)

    def take(page, name, full_page=True):
        page.screenshot(path=str(folder / f"{name}.png"), full_page=full_page)

    return take


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_organisations_journey(page, browser, live_server, signed_in, screenshot, shot, lang):
    words = WORDS[lang]
    Skill.objects.bulk_create(
        Skill(uri=ESCO + key, label_en=en, label_fr=fr) for key, (en, fr) in SKILLS.items()
    )
    ada = factories.person_with_password("ada@example.org", "Ada", language=lang)
    li = factories.person_with_password("li@example.org", "Li", language=lang)
    sam = factories.person_with_password("sam@example.org", "Sam", language=lang)
    goal = Goal.objects.create(owner=sam, statement="Obtenir l'attestation PDSB d'ici juin 2030")
    application = Application.objects.create(user=sam, title="Préposé, résidence concurrente")
    page.goto("/accounts/login/", timeout=60_000)

    # The administrator creates the organisation and imports its competency model.
    signed_in(page, ada)
    page.goto("/orgs/")
    page.get_by_role("link", name=words["create_org"]).click()
    page.locator("input[name=name]").fill("Résidence Les Érables")
    page.locator("input[name=slug]").fill("les-erables")
    page.get_by_role("button", name=words["create"], exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Résidence Les Érables")
    page.locator("nav.subnav").get_by_role("link", name=words["competencies"]).click()
    page.get_by_role("link", name=words["import_model"]).click()
    page.set_input_files("input[name=file]", str(MODEL_FILE))
    page.get_by_role("button", name=words["preview"]).click()
    expect(page.locator("main")).to_contain_text(nbsp(words["new_model"]))
    screenshot("import-preview")
    page.get_by_role("button", name=words["import"], exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(words["model"])
    expect(page.locator("table.matrix tbody tr")).to_have_count(3)
    screenshot("competency-model")

    # She invites a manager and a member.
    for email, role in (("li@example.org", "manager"), ("sam@example.org", "member")):
        page.goto("/orgs/les-erables/people/")
        page.get_by_role("link", name=words["invite"]).click()
        page.locator("input[name=email]").fill(email)
        page.locator("select[name=role]").select_option(role)
        page.get_by_role("button", name=words["send"]).click()
        expect(page.locator(".message.success")).to_contain_text(email)

    # Both accept, each in their own browser.
    li_context, manager = browser_for(browser, live_server, signed_in, li)
    sam_context, member = browser_for(browser, live_server, signed_in, sam)
    for person, email in ((manager, "li@example.org"), (member, "sam@example.org")):
        person.goto(invitation_path(email))
        person.get_by_role("button", name=words["accept_invitation"]).click()
        expect(person.get_by_role("heading", level=1)).to_have_text("Résidence Les Érables")

    # The administrator sets Sam's job role and proposes Li as his manager.
    page.goto("/orgs/les-erables/people/")
    page.get_by_role("link", name="Sam").click()
    page.locator("select[name=job_role]").select_option(label=words["role"])
    page.get_by_role("button", name=words["save"], exact=True).click()
    page.get_by_role("link", name=words["propose_manager"]).first.click()
    page.locator("select[name=manager]").select_option(label="Li")
    page.locator("select[name=report]").select_option(label="Sam")
    page.get_by_role("button", name=words["propose"], exact=True).click()
    screenshot("people")

    # Sam accepts his manager and assesses himself against his role, sharing it with Li.
    member.goto("/orgs/les-erables/")
    expect(member.locator("main")).to_contain_text(words["would_be"])
    shot(member, "member-home")
    member.get_by_role("button", name=words["accept"], exact=True).first.click()
    member.get_by_role("link", name=words["assess"]).first.click()
    member.get_by_role("button", name=words["start"]).click()
    levels = member.locator("select[name^=level_]")
    expect(levels).to_have_count(10)
    for index in range(10):
        levels.nth(index).select_option("2" if index % 3 else "1")
    shot(member, "member-self-assessment")
    member.get_by_label(words["share"]).check()
    member.get_by_role("button", name=words["submit"], exact=True).click()
    expect(member.locator("main .lead")).to_contain_text(words["submitted"])

    # He reads his gap to the next level and adds a learning item from its guide.
    member.goto("/orgs/les-erables/")
    member.locator("main .lead").get_by_role("link", name=words["role"]).click()
    member.get_by_role("link", name=words["next_gap"]).click()
    expect(member.get_by_role("heading", level=1)).to_have_text(words["gap_title"])
    expect(member.locator("main td.status-below").first).to_be_visible()
    shot(member, "member-gap-to-next-level")
    shot(member, "member-gap-to-next-level-top", full_page=False)
    member.get_by_role("button", name=words["learning"]).first.click()
    expect(member).to_have_url(re.compile(r"/growth/learning/\d+/edit/$"))
    assert LearningItem.objects.filter(user=sam).count() == 1

    # He shares his goal with Li (nothing else of his is shared).
    member.goto("/orgs/les-erables/")
    member.get_by_label(goal.statement).check()
    member.get_by_role("button", name=words["save_sharing"]).click()
    expect(member.get_by_label(goal.statement)).to_be_checked()

    # Li plans a 1:1 and adds a topic to the shared agenda.
    manager.goto("/orgs/les-erables/")
    manager.locator("nav.subnav").get_by_role("link", name=words["my_team"]).click()
    expect(manager.locator("main table")).to_contain_text("Sam")
    shot(manager, "manager-my-team")
    manager.get_by_role("link", name=re.compile(words["plan_one"])).click()
    manager.locator("input[name=scheduled_at]").fill("2030-03-14T10:00")
    manager.get_by_role("button", name=words["plan_it"]).click()
    manager.get_by_label(words["topic"]).fill("Horaires de nuit / night shifts")
    manager.get_by_role("button", name=words["add_topic"]).click()
    expect(manager.locator("main")).to_contain_text("Horaires de nuit / night shifts")
    conversation_url = manager.url

    # Sam prepares: his own private notes.
    member.goto(conversation_url)
    expect(member.locator("main")).to_contain_text("Horaires de nuit / night shifts")
    member.get_by_label(words["private"]).fill(PRIVATE)
    member.get_by_role("button", name=words["save_private"]).click()

    # They hold it: Li adds an action for Sam and marks it held; Sam makes it a goal step.
    manager.goto(conversation_url)
    manager.locator("input[name=title]").fill("Faire 10 transferts supervisés")
    manager.get_by_label(words["who"]).select_option(label="Sam")
    manager.get_by_role("button", name=words["add_action"]).click()
    manager.get_by_role("button", name=words["held"]).click()
    expect(manager.locator("main")).to_contain_text(words["held_status"])
    member.goto(conversation_url)
    member.get_by_role("button", name=re.compile(words["make_step"])).click()
    expect(member.locator("main")).to_contain_text(words["goal_step"])
    shot(member, "member-conversation")
    assert Step.objects.filter(goal=goal, title="Faire 10 transferts supervisés").exists()

    # Li never reads Sam's private notes nor his job applications.
    manager.goto(conversation_url)
    expect(manager.locator("main")).to_contain_text("Faire 10 transferts supervisés")
    expect(manager.locator("main")).to_contain_text(goal.statement)  # shared, with progress
    expect(manager.locator("main")).to_contain_text(nbsp(words["next_talk"]))
    expect(manager.locator("main")).not_to_contain_text(PRIVATE)
    shot(manager, "manager-conversation")
    response = manager.goto(f"/jobs/{application.pk}/")
    assert response.status == 404
    expect(manager.locator("main")).not_to_contain_text(application.title)
    li_context.close()
    sam_context.close()
