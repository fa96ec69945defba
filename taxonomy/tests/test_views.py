"""The taxonomy pages: overview, occupation, skills profile, targets, gap, transferable."""

from unittest import mock

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from taxonomy import actions
from taxonomy.models import OccupationSkill, Skill, SkillEvidence, TargetOccupation, UserSkill
from taxonomy.tests.base import TaxonomyTestCase

ATTRIBUTION = "This service uses the ESCO classification of the European Commission."


class FakeMatch:
    def __init__(self, concept, label=None):
        self.concept_id = concept.pk
        self.uri = concept.uri
        self.label = label or concept.label_en
        self.matched_label = label or concept.label_en
        self.score = 0.9


class OverviewTests(TaxonomyTestCase):
    def test_it_shows_targets_and_the_skills_profile(self):
        TargetOccupation.objects.create(user=self.alice, occupation=self.occupation("hca"))
        UserSkill.objects.create(user=self.alice, skill=self.skill("drive"), proficiency=3)
        self.login()
        response = self.client.get(reverse("taxonomy:index"))
        self.assertContains(response, "health care assistant")
        self.assertContains(response, "drive vehicles")
        self.assertContains(response, "Advanced")
        self.assertContains(response, ATTRIBUTION)

    def test_it_offers_the_occupation_search_box(self):
        self.login()
        response = self.client.get(reverse("taxonomy:index"))
        self.assertContains(response, f'action="{reverse("taxonomy:occupation_search")}"')

    def test_it_asks_visitors_to_log_in(self):
        response = self.client.get(reverse("taxonomy:index"))
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("accounts:login"), response["Location"])


class OccupationPageTests(TaxonomyTestCase):
    def test_it_shows_the_occupation_in_both_languages_with_its_skills(self):
        self.login()
        UserSkill.objects.create(user=self.alice, skill=self.skill("communicate"))
        response = self.client.get(reverse("taxonomy:occupation", args=[self.occupation("hca").pk]))
        self.assertContains(response, "<h1>health care assistant</h1>", html=True)
        self.assertContains(response, "préposé aux bénéficiaires/préposée aux bénéficiaires")
        self.assertContains(response, "nursing assistant, care assistant")
        self.assertContains(response, "Health care assistants work in a team")
        self.assertContains(response, "Personal care workers in health services")
        self.assertContains(response, "Essential skills (4)")
        self.assertContains(response, "<h3>assisting and caring</h3>", html=True)
        self.assertContains(response, "<h3>health and welfare</h3>", html=True)
        self.assertContains(response, "in your profile", count=1)
        self.assertContains(response, "patient transport aide")  # a specialisation
        self.assertContains(response, ATTRIBUTION)

    def test_it_lists_related_occupations_by_shared_essential_skills(self):
        self.login()
        response = self.client.get(reverse("taxonomy:occupation", args=[self.occupation("hca").pk]))
        related = response.context["related"]
        self.assertEqual(
            [(item["label"], item["shared"]) for item in related],
            [("nurse responsible for general care", 3), ("patient transport aide", 1)],
        )

    def test_it_speaks_french_to_a_french_speaker(self):
        self.alice.language = "fr"
        self.alice.save()
        self.login()
        response = self.client.get(reverse("taxonomy:occupation", args=[self.occupation("hca").pk]))
        self.assertContains(
            response, "<h1>préposé aux bénéficiaires/préposée aux bénéficiaires</h1>", html=True
        )
        self.assertContains(response, "aide-soignant, aide-soignante")
        self.assertContains(response, "show empathy")  # no French label: English

    def test_its_query_count_does_not_grow_with_the_skills(self):
        self.login()
        url = reverse("taxonomy:occupation", args=[self.occupation("nurse").pk])
        with CaptureQueriesContext(connection) as small:
            self.client.get(url)
        for index in range(30):
            extra = Skill.objects.create(uri=f"urn:test:{index}", label_en=f"extra {index}")
            OccupationSkill.objects.create(
                occupation=self.occupation("nurse"), skill=extra, relation_type="optional"
            )
            UserSkill.objects.create(user=self.alice, skill=extra)
        with CaptureQueriesContext(connection) as large:
            response = self.client.get(url)
        self.assertContains(response, "extra 29")
        self.assertEqual(len(small), len(large))

    def test_an_unknown_occupation_is_404(self):
        self.login()
        self.assertEqual(
            self.client.get(reverse("taxonomy:occupation", args=[999999])).status_code, 404
        )

    def test_making_it_a_target_opens_the_gap(self):
        self.login()
        hca = self.occupation("hca")
        response = self.client.post(
            reverse("taxonomy:make_target", args=[hca.pk]), {"horizon": "short"}
        )
        target = TargetOccupation.objects.get(user=self.alice)
        self.assertRedirects(response, reverse("taxonomy:gap", args=[target.pk]))
        self.assertEqual((target.occupation, target.horizon), (hca, "short"))
        # Again with another horizon: the same target, updated.
        self.client.post(reverse("taxonomy:make_target", args=[hca.pk]), {"horizon": "long"})
        self.assertEqual(TargetOccupation.objects.get(user=self.alice).horizon, "long")

    def test_a_bad_horizon_is_refused_with_a_message(self):
        self.login()
        hca = self.occupation("hca")
        response = self.client.post(
            reverse("taxonomy:make_target", args=[hca.pk]), {"horizon": "someday"}, follow=True
        )
        self.assertContains(response, "Choose a horizon")
        self.assertFalse(TargetOccupation.objects.exists())

    def test_making_a_target_needs_post(self):
        self.login()
        url = reverse("taxonomy:make_target", args=[self.occupation("hca").pk])
        self.assertEqual(self.client.get(url).status_code, 405)


class SkillsProfileTests(TaxonomyTestCase):
    def test_it_adds_an_esco_skill_with_level_years_and_evidence(self):
        self.login()
        response = self.client.post(
            reverse("taxonomy:profile"),
            {
                "skill": self.skill("assist").pk,
                "free_text": "assist patients with special needs",
                "proficiency": "3",
                "years_of_experience": "2.5",
                "evidence_kind": "job",
                "evidence_description": "Two years at a seniors' residence",
            },
        )
        self.assertRedirects(response, reverse("taxonomy:profile"))
        user_skill = UserSkill.objects.get(user=self.alice)
        self.assertEqual(
            (user_skill.skill, user_skill.proficiency, str(user_skill.years_of_experience)),
            (self.skill("assist"), 3, "2.5"),
        )
        self.assertEqual(user_skill.evidence.get().kind, "job")
        page = self.client.get(reverse("taxonomy:profile"))
        self.assertContains(page, "Two years at a seniors")
        self.assertContains(page, "I handle complex situations")

    def test_free_text_is_mapped_to_a_close_esco_skill(self):
        self.login()
        drive = self.skill("drive")
        with mock.patch("taxonomy.profile.search_skills", return_value=[FakeMatch(drive)]):
            self.client.post(
                reverse("taxonomy:profile"),
                {
                    "free_text": "Drive vehicles",
                    "proficiency": "2",
                    "years_of_experience": "1",
                },
            )
        self.assertEqual(UserSkill.objects.get(user=self.alice).skill, drive)

    def test_free_text_without_a_close_match_is_kept_as_typed(self):
        self.login()
        with mock.patch(
            "taxonomy.profile.search_skills", return_value=[FakeMatch(self.skill("drive"))]
        ):
            response = self.client.post(
                reverse("taxonomy:profile"),
                {
                    "free_text": "Knitting for charity",
                    "proficiency": "1",
                    "years_of_experience": "0",
                },
                follow=True,
            )
        user_skill = UserSkill.objects.get(user=self.alice)
        self.assertEqual((user_skill.skill, user_skill.free_text), (None, "Knitting for charity"))
        self.assertContains(response, "no ESCO skill matched closely")

    def test_bad_input_gives_clear_errors_and_keeps_nothing(self):
        self.login()
        response = self.client.post(
            reverse("taxonomy:profile"),
            {
                "free_text": "",
                "proficiency": "9",
                "years_of_experience": "-1",
                "evidence_kind": "job",
            },
        )
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Choose a skill from the list or type one.", status_code=400)
        self.assertContains(response, "Describe the evidence, or choose none.", status_code=400)
        self.assertContains(response, "Select a valid choice", status_code=400)
        self.assertFalse(UserSkill.objects.exists())

    def test_the_picker_lists_matching_esco_skills(self):
        self.login()
        with mock.patch(
            "taxonomy.profile.search_skills", return_value=[FakeMatch(self.skill("drive"))]
        ) as search:
            response = self.client.get(reverse("taxonomy:skill_picker"), {"free_text": "driv"})
        search.assert_called_once_with("driv", "en", limit=8)
        self.assertContains(response, f'data-skill-id="{self.skill("drive").pk}"')

    def test_it_edits_a_skill_and_adds_evidence(self):
        self.login()
        user_skill = UserSkill.objects.create(user=self.alice, skill=self.skill("drive"))
        response = self.client.post(
            reverse("taxonomy:edit_skill", args=[user_skill.pk]),
            {
                "proficiency": "4",
                "years_of_experience": "10",
                "evidence_kind": "feedback",
                "evidence_description": "My manager praised my driving",
            },
        )
        self.assertRedirects(response, reverse("taxonomy:profile"))
        user_skill.refresh_from_db()
        self.assertEqual(user_skill.proficiency, 4)
        evidence = user_skill.evidence.get()
        self.client.post(reverse("taxonomy:delete_evidence", args=[evidence.pk]))
        self.assertFalse(SkillEvidence.objects.exists())

    def test_it_removes_a_skill(self):
        self.login()
        user_skill = UserSkill.objects.create(user=self.alice, skill=self.skill("drive"))
        self.client.post(reverse("taxonomy:delete_skill", args=[user_skill.pk]))
        self.assertFalse(UserSkill.objects.exists())

    def test_another_person_cannot_see_or_change_alices_skills(self):
        user_skill = UserSkill.objects.create(user=self.alice, skill=self.skill("drive"))
        evidence = SkillEvidence.objects.create(user_skill=user_skill, kind="job", description="x")
        self.login(self.bob)
        self.assertNotContains(self.client.get(reverse("taxonomy:profile")), "drive vehicles")
        self.assertEqual(
            self.client.get(reverse("taxonomy:edit_skill", args=[user_skill.pk])).status_code, 404
        )
        self.assertEqual(
            self.client.post(reverse("taxonomy:delete_skill", args=[user_skill.pk])).status_code,
            404,
        )
        self.assertEqual(
            self.client.post(reverse("taxonomy:delete_evidence", args=[evidence.pk])).status_code,
            404,
        )
        self.assertTrue(UserSkill.objects.filter(pk=user_skill.pk).exists())
        self.assertEqual(
            self.client.get(reverse("taxonomy:delete_skill", args=[user_skill.pk])).status_code, 405
        )


class TargetAndGapPageTests(TaxonomyTestCase):
    def setUp(self):
        super().setUp()
        self.target = TargetOccupation.objects.create(
            user=self.alice, occupation=self.occupation("hca")
        )
        UserSkill.objects.create(user=self.alice, skill=self.skill("communicate"))
        UserSkill.objects.create(user=self.alice, skill=self.skill("monitor"))

    def test_the_gap_page_shows_coverage_formula_and_guide(self):
        self.login()
        response = self.client.get(reverse("taxonomy:gap", args=[self.target.pk]))
        self.assertContains(response, "You cover 46% of this occupation")
        self.assertContains(response, "3 × essential skills covered")
        self.assertContains(response, "2 covered, 0 partly covered, 2 missing")
        self.assertContains(response, "Skills development guide")
        self.assertContains(
            response, "Take a course or a continuing education module on human anatomy."
        )
        self.assertContains(response, ATTRIBUTION)

    def test_it_changes_the_horizon_and_removes_the_target(self):
        self.login()
        self.client.post(
            reverse("taxonomy:update_target", args=[self.target.pk]), {"horizon": "long"}
        )
        self.target.refresh_from_db()
        self.assertEqual(self.target.horizon, "long")
        self.client.post(reverse("taxonomy:delete_target", args=[self.target.pk]))
        self.assertFalse(TargetOccupation.objects.exists())

    def test_a_registered_handler_turns_a_suggestion_into_an_object_in_one_click(self):
        received = []

        def handle(user, suggestion):
            received.append((user, suggestion))
            return "/goals/"

        actions.register("test.step", "Add as a goal step", handle, kinds={"training"})
        self.addCleanup(actions.unregister, "test.step")
        self.login()
        page = self.client.get(reverse("taxonomy:gap", args=[self.target.pk]))
        self.assertContains(page, "Add as a goal step")
        anatomy = self.skill("anatomy")
        response = self.client.post(
            reverse("taxonomy:gap_action", args=[self.target.pk]),
            {
                "handler": "test.step",
                "skill": anatomy.pk,
                "kind": "training",
            },
        )
        self.assertRedirects(response, "/goals/", fetch_redirect_response=False)
        user, suggestion = received[0]
        self.assertEqual(
            (user, suggestion.skill_id, suggestion.kind), (self.alice, anatomy.pk, "training")
        )
        self.assertIn("human anatomy", suggestion.text)
        # A kind the handler does not take, or an unknown handler: 404, nothing created.
        for data in (
            {"handler": "test.step", "skill": anatomy.pk, "kind": "reading"},
            {"handler": "nope", "skill": anatomy.pk, "kind": "training"},
            {"handler": "test.step", "skill": "x", "kind": "training"},
        ):
            self.assertEqual(
                self.client.post(
                    reverse("taxonomy:gap_action", args=[self.target.pk]), data
                ).status_code,
                404,
            )
        self.assertEqual(len(received), 1)

    def test_a_handler_can_refuse_with_a_message(self):
        def refuse(user, suggestion):
            raise actions.ActionRefused("Create a goal first.")

        actions.register("test.refuse", "Refuse", refuse)
        self.addCleanup(actions.unregister, "test.refuse")
        self.login()
        response = self.client.post(
            reverse("taxonomy:gap_action", args=[self.target.pk]),
            {
                "handler": "test.refuse",
                "skill": self.skill("anatomy").pk,
                "kind": "training",
            },
            follow=True,
        )
        self.assertContains(response, "Create a goal first.")

    def test_another_person_gets_404_for_alices_target(self):
        self.login(self.bob)
        for name in ("gap",):
            self.assertEqual(
                self.client.get(reverse(f"taxonomy:{name}", args=[self.target.pk])).status_code, 404
            )
        for name in ("update_target", "delete_target", "gap_action"):
            self.assertEqual(
                self.client.post(
                    reverse(f"taxonomy:{name}", args=[self.target.pk]), {"horizon": "short"}
                ).status_code,
                404,
            )
        self.assertTrue(
            TargetOccupation.objects.filter(pk=self.target.pk, horizon="medium").exists()
        )


class TransferablePageTests(TaxonomyTestCase):
    def test_it_ranks_occupations_and_explains_the_overlap(self):
        UserSkill.objects.create(user=self.alice, skill=self.skill("assist"))
        UserSkill.objects.create(user=self.alice, skill=self.skill("drive"))
        self.login()
        response = self.client.get(reverse("taxonomy:transferable"))
        self.assertEqual(response.context["results"][0].label, "patient transport aide")
        self.assertContains(response, "100% covered; 2 of 2 essential skills.")
        response = self.client.get(reverse("taxonomy:transferable"), {"major_group": "2"})
        self.assertContains(response, "No occupation in this group uses your skills yet.")

    def test_a_bad_filter_shows_everything(self):
        UserSkill.objects.create(user=self.alice, skill=self.skill("assist"))
        self.login()
        response = self.client.get(reverse("taxonomy:transferable"), {"major_group": "x"})
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.context["results"])
