"""The competencies of a person's job role reach the SMART check and the statement writer."""

from django.test import TestCase

from goals import smart
from goals.context import role_contexts
from organisations.models import JobRole
from organisations.tests import factories


class RoleCompetencies(TestCase):
    def test_the_role_held_and_the_next_level_give_their_competencies(self):
        ada = factories.person("ada@example.org", "Ada")
        sam = factories.person("sam@example.org", "Sam", language="fr")
        org, _admin = factories.organisation(ada, "Les Érables", "erables")
        model = factories.model(org)
        factories.member(org, sam, job_role=JobRole.objects.get(model=model, code="analyst-1"))
        contexts = role_contexts(sam)
        # Named in Sam's language, whatever the page's.
        self.assertEqual(
            [(c.role, c.aim) for c in contexts],
            [("Analyste I chez Les Érables", False), ("Analyste II chez Les Érables", True)],
        )
        self.assertEqual(contexts[0].competencies, ("Compétence 0", "Compétence 1", "Compétence 2"))
        result = smart.check(
            "Atteindre le niveau 2 en compétence 1 d'ici le 2030-01-01",
            "fr",
            profile=smart.profile_for(sam),
        )
        self.assertTrue(result.relevant.met)
        self.assertIn("Analyste I chez Les Érables", result.relevant.reason)

    def test_nobody_in_an_organisation_has_no_role_context(self):
        self.assertEqual(role_contexts(factories.person("x@example.org", "X")), [])
