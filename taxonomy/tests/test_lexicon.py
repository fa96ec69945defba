"""The ESCO label lookup inside free text (taxonomy/lexicon.py)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from accounts.testing import BaseTestCase
from taxonomy import lexicon
from taxonomy.models import Occupation, Skill


def occupation(name, label_en, label_fr="", alt_en="", alt_fr=""):
    return Occupation.objects.create(
        uri=f"urn:test:occupation:{name}",
        label_en=label_en,
        label_fr=label_fr,
        alt_labels_en=alt_en,
        alt_labels_fr=alt_fr,
    )


def skill(name, label_en, label_fr="", alt_en="", kind="skill/competence"):
    return Skill.objects.create(
        uri=f"urn:test:skill:{name}",
        label_en=label_en,
        label_fr=label_fr,
        alt_labels_en=alt_en,
        skill_type=kind,
    )


class LexiconTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.roofer = occupation("roofer", "roofer", "couvreur/couvreuse", alt_en="shingler")
        cls.vet = occupation(
            "vet", "general veterinarian", "vétérinaire", alt_en="general vet\nveterinary surgeon"
        )
        occupation("vet2", "official veterinarian", "inspecteur vétérinaire")
        # "general" is an alternative label here, but it modifies other labels: no occupation.
        cls.army = occupation("army", "army general", "général d'armée", alt_en="general")
        occupation("gp", "general practitioner", "médecin généraliste")
        cls.python = skill("python", "Python (computer programming)", "Python", kind="knowledge")
        cls.psychology = skill("psy", "psychology", "psychologie", kind="knowledge")
        skill("plan", "plan", "planifier")  # a one-word skill that is a verb: not a target
        cls.roofs = skill("roofs", "install roofing", "installer une toiture", alt_en="fit roofs")

    def find(self, text):
        return [(hit.kind, hit.concept_id, hit.text) for hit in lexicon.labels_in(text)]

    def test_it_finds_preferred_and_alternative_labels_with_their_place(self):
        text = "I want to become a Shingler, then install roofing"
        hits = lexicon.labels_in(text)
        self.assertEqual(
            [(h.kind, h.concept_id) for h in hits],
            [("occupation", self.roofer.pk), ("skill", self.roofs.pk)],
        )
        for hit in hits:
            self.assertEqual(text[hit.start : hit.end], hit.text)

    def test_it_finds_every_gender_form_and_plural(self):
        self.assertEqual(
            self.find("Devenir couvreuse"), [("occupation", self.roofer.pk, "couvreuse")]
        )
        self.assertEqual(self.find("des couvreurs"), [("occupation", self.roofer.pk, "couvreurs")])
        self.assertEqual(
            self.find("Devenir vétérinaire"), [("occupation", self.vet.pk, "vétérinaire")]
        )

    def test_it_prefers_the_longest_label(self):
        self.assertEqual(
            self.find("a general veterinarian"),
            [("occupation", self.vet.pk, "general veterinarian")],
        )

    def test_a_modifier_is_not_an_occupation_but_a_head_noun_is_a_role(self):
        self.assertEqual(self.find("Get a general education"), [])
        # "veterinarian" heads two labels: a role, though no concept is that word alone.
        self.assertEqual(self.find("a veterinarian"), [("occupation", None, "veterinarian")])

    def test_one_word_skills_are_knowledge_or_proper_names(self):
        self.assertEqual(self.find("Learn Python"), [("skill", self.python.pk, "Python")])
        self.assertEqual(self.find("I like python snakes"), [])  # a name needs its capital
        self.assertEqual(
            self.find("Study psychology"), [("skill", self.psychology.pk, "psychology")]
        )
        self.assertEqual(self.find("Plan my career"), [])

    def test_the_persons_own_is_not_an_occupation_named(self):
        quarry = occupation("quarry", "quarry worker", "carrier/carrière")
        self.assertEqual(self.find("Avancer dans ma carrière"), [])
        self.assertEqual(self.find("devenir carrière"), [("occupation", quarry.pk, "carrière")])

    def test_it_follows_changes_to_the_taxonomy(self):
        self.assertEqual(self.find("Become a thatcher"), [])
        thatcher = occupation("thatcher", "thatcher", "chaumier/chaumière")
        self.assertEqual(self.find("Become a thatcher"), [("occupation", thatcher.pk, "thatcher")])

    def test_it_keeps_the_same_answers_through_its_copy_on_disk(self):
        built = lexicon.lexicon()
        copy = lexicon.Lexicon.from_json(built.as_json(), built.fingerprint)
        for text in ("Devenir couvreuse", "Learn Python", "a veterinarian", "install roofing"):
            self.assertEqual(copy.find(text), built.find(text))


class EmptyTaxonomyTests(BaseTestCase):
    def test_it_is_empty_and_finds_nothing(self):
        self.assertEqual(len(lexicon.lexicon()), 0)
        self.assertEqual(lexicon.labels_in("Become a roofer"), [])


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=120))
def test_it_never_raises_on_arbitrary_text(value):
    built = lexicon.Lexicon(
        occupations=[
            (1, [("roofer", "en", "preferred"), ("couvreur/couvreuse", "fr", "preferred")])
        ],
        skills=[(2, [("Python (computer programming)", "en", "preferred")], True)],
    )
    for hit in built.find(value):
        assert value[hit.start : hit.end] == hit.text
