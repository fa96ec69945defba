"""The person's side of her organisations in her export: what travels, what never does, the
round trip, the read-only history an import makes, and files refused whole."""

import copy
import json

from django.test import TestCase
from django.urls import reverse

from core import portability
from core.portability import ImportRefused, export_person, import_person
from goals.models import Goal
from organisations import assessments, conversations, people
from organisations.models import GoalAlignment, JobRole, Objective, OrganisationRecord, Role
from organisations.tests import factories


class Export(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.ada = factories.person("ada@example.org", "Ada")
        cls.li = factories.person("li@example.org", "Li")
        cls.sam = factories.person("sam@example.org", "Sam", language="fr")
        cls.org, cls.admin = factories.organisation(cls.ada, "Les Érables", "erables")
        model = factories.model(cls.org)
        role = JobRole.objects.get(model=model, code="analyst-1")
        team = people.create_team(cls.admin, "Soins")
        li_member = factories.member(cls.org, cls.li, Role.MANAGER)
        sam_member = factories.member(cls.org, cls.sam, team=team, job_role=role)
        link = factories.link(cls.org, cls.li, cls.sam)
        talk = conversations.schedule(link, cls.li, factories.days(-3))
        conversations.save_private_note(talk, cls.sam, "Mes notes")
        conversations.save_private_note(talk, cls.li, "LI-ONLY")
        conversations.save_shared_notes(talk, cls.li, "SHARED-NOTES")
        mine = assessments.start_self_assessment(sam_member, role)
        mine.ratings.update(level=2, comment="Solide")
        assessments.add_evidence(mine, cls.sam, mine.ratings.first().competency_id, "Un projet")
        assessments.submit(mine, cls.sam)
        review = assessments.start_manager_assessment(li_member, cls.sam)
        review.ratings.update(level=1, comment="LI-REVIEW")
        assessments.submit(review, cls.li)
        goal = Goal.objects.create(owner=cls.sam, statement="Devenir PAB II")
        objective = Objective.objects.create(organisation=cls.org, title="Moins de chutes")
        GoalAlignment.objects.create(goal=goal, objective=objective, why_me="Confiance")

    def document(self, person):
        return json.loads(portability.dumps(export_person(person)))

    def test_it_exports_her_side_and_never_others(self):
        [record] = self.document(self.sam)["organisations"]
        self.assertEqual(
            (record["organisation"], record["role"], record["team"], record["job_role"]),
            ("Les Érables", "member", "Soins", "Analyste I"),
        )
        [assessment] = record["self_assessments"]
        self.assertEqual(assessment["ratings"][0]["comment"], "Solide")
        self.assertEqual(
            assessment["ratings"][0]["evidence"], [{"kind": "other", "text": "Un projet"}]
        )
        self.assertEqual(
            [(n["with"], n["text"]) for n in record["private_notes"]], [("Li", "Mes notes")]
        )
        self.assertEqual(record["goal_links"][0]["objective"], "Moins de chutes")
        text = json.dumps(record)
        for foreign in ("LI-ONLY", "LI-REVIEW", "SHARED-NOTES"):
            self.assertNotIn(foreign, text)

    def test_it_round_trips_as_a_read_only_history(self):
        document = self.document(self.sam)
        copy_of_sam = import_person(document, email="sam2@example.org")
        [stored] = OrganisationRecord.objects.filter(owner=copy_of_sam)
        self.assertEqual(stored.organisation_name, "Les Érables")
        self.assertFalse(copy_of_sam.org_memberships.exists())  # linked to no organisation
        again = self.document(copy_of_sam)
        self.assertEqual(again["organisations"], document["organisations"])
        self.client.force_login(copy_of_sam)
        page = self.client.get(reverse("organisations:history", args=[stored.pk]))
        self.assertContains(page, "Mes notes")
        self.assertContains(page, "Solide")
        self.client.force_login(self.sam)
        self.assertEqual(
            self.client.get(reverse("organisations:history", args=[stored.pk])).status_code, 404
        )
        self.client.force_login(copy_of_sam)
        self.client.post(reverse("organisations:history_delete", args=[stored.pk]))
        self.assertFalse(OrganisationRecord.objects.exists())

    def test_it_refuses_a_damaged_record_and_writes_nothing(self):
        document = self.document(self.sam)
        cases = [
            (("role",), "owner", 'role: "owner" is not one of'),
            (("organisation",), "x" * 201, "organisation: longer than 200"),
            (("joined_at",), "yesterday", "joined_at"),
            (("self_assessments", 0, "ratings", 0, "level"), 11, "level: expected a whole"),
            (("private_notes", 0, "text"), "\ud800", "text: expected text"),
            (("goal_links", 0, "why_me"), 7, "why_me: expected text"),
        ]
        for path, value, message in cases:
            damaged = copy.deepcopy(document)
            spot = damaged["organisations"][0]
            for key in path[:-1]:
                spot = spot[key]
            spot[path[-1]] = value
            with self.assertRaises(ImportRefused) as refused:
                import_person(damaged, email="copy@example.org")
            self.assertIn(message, str(refused.exception))
        damaged = copy.deepcopy(document)
        damaged["organisations"][0]["salary"] = 1
        with self.assertRaisesMessage(ImportRefused, "organisations[0].salary: unknown field"):
            import_person(damaged, email="copy@example.org")
        self.assertFalse(OrganisationRecord.objects.exists())

    def test_an_older_file_without_the_section_imports(self):
        document = self.document(self.ada)
        del document["organisations"]
        person = import_person(document, email="ada2@example.org")
        self.assertFalse(OrganisationRecord.objects.filter(owner=person).exists())
