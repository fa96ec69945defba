from django.utils import translation

from accounts.testing import BaseTestCase
from mentoring import lifecycle, selectors
from mentoring.matching import MenteeFacts, MentorFacts, exclusion, explain, score_parts, total
from mentoring.tests import factories
from taxonomy.models import Occupation, OccupationSkill, Skill, TargetOccupation, UserSkill


def test_it_scores_a_hand_made_pair_part_by_part():
    mentee = MenteeFacts(
        needs=frozenset({"sql", "python", "stats", "viz", "etl"}),
        values=frozenset({"learning", "integrity", "balance"}),
        style={
            "approach": "exploratory",
            "structure": "structured",
            "frequency": "",
            "channel": "",
        },
        languages=("fr", "en"),
    )
    mentor = MentorFacts(
        key=1,
        expertise=frozenset({"sql", "python", "stats", "cooking"}),
        values=frozenset({"learning", "service"}),
        style={"approach": "either", "structure": "flexible"},
        languages=("en",),
        capacity=4,
        active=1,
    )
    parts = score_parts(mentee, mentor)
    assert parts == {
        "skills": 3 / 5,
        "values": 1 / 3,
        "style": 1 / 2,
        "language": 0.5,
        "capacity": 3 / 4,
    }
    # 45·0.6 + 20/3 + 20·0.5 + 10·0.5 + 5·0.75 = 27 + 6.667 + 10 + 5 + 3.75
    assert total(parts) == 52.4


def test_it_gives_half_credit_for_a_neighbouring_skill_and_caps_at_five():
    mentee = MenteeFacts(needs=frozenset(f"s{i}" for i in range(10)), languages=("en",))
    mentor = MentorFacts(key=1, expertise=frozenset({"s0", "s1"}), languages=("en",))
    assert score_parts(mentee, mentor, partial=frozenset({"s2", "s3"}))["skills"] == 3 / 5
    expert = MentorFacts(key=2, expertise=frozenset(f"s{i}" for i in range(7)), languages=("en",))
    assert score_parts(mentee, expert)["skills"] == 1.0


def test_it_is_neutral_where_the_mentee_said_nothing():
    mentee = MenteeFacts(languages=("en",))
    mentor = MentorFacts(key=1, languages=("en",), capacity=2)
    parts = score_parts(mentee, mentor)
    assert (parts["skills"], parts["values"], parts["style"]) == (0.5, 0.5, 0.5)
    assert total(parts) == 22.5 + 10 + 10 + 10 + 5


def test_it_applies_the_hard_filters():
    mentee = MenteeFacts(languages=("fr",))
    assert exclusion(mentee, MentorFacts(key=1, languages=("en",))) == "no_language"
    assert exclusion(mentee, MentorFacts(key=1, languages=("fr",), capacity=1, active=1)) == "full"
    assert exclusion(mentee, MentorFacts(key=1, languages=("fr",), accepting=False)) == (
        "not_accepting"
    )
    assert exclusion(mentee, MentorFacts(key=1, languages=("fr",)), same_person=True) == "self"
    assert exclusion(mentee, MentorFacts(key=1, languages=("fr", "en"))) is None


def test_it_explains_with_the_concrete_items_in_english_and_french():
    mentee = MenteeFacts(
        needs=frozenset({1, 2, 3, 4, 5}),
        values=frozenset({"learning", "balance"}),
        style={"approach": "exploratory"},
        languages=("fr", "en"),
    )
    mentor = MentorFacts(
        key=9,
        expertise=frozenset({1, 2, 3}),
        values=frozenset({"learning"}),
        style={"approach": "directive"},
        languages=("fr",),
        capacity=3,
        active=1,
    )
    labels = {1: "SQL", 2: "Python", 3: "statistics", 4: "ETL", 5: "dashboards"}
    with translation.override("en"):
        match = explain(mentee, mentor, "Maria", skill_labels=labels, value_labels={})
        sentences = {p.key: p.sentence for p in match.parts}
    assert sentences["skills"] == "Maria knows 3 of the 5 skills you need: Python, SQL, statistics."
    assert sentences["values"] == "You share 1 value: learning."
    assert sentences["style"].startswith("Maria works the way you prefer on 0 of 1 point.")
    assert "Different: Approach: Directive" in sentences["style"]
    assert sentences["language"] == "Maria speaks your preferred language (French)."
    assert sentences["capacity"] == "Maria has 2 places left out of 3."
    assert [p.points for p in match.parts] == [27.0, 10.0, 0.0, 10.0, 3.3]
    assert match.score == 50.3
    with translation.override("fr"):
        match = explain(mentee, mentor, "Maria", skill_labels=labels, value_labels={})
    assert match.parts[0].sentence == (
        "Maria maîtrise 3 des 5 compétences dont vous avez besoin : Python, SQL, statistics."
    )


class RankMentorsTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.skills = [
            Skill.objects.create(uri=f"s{i}", label_en=f"skill {i}", label_fr=f"compétence {i}")
            for i in range(6)
        ]
        cls.broader = Skill.objects.create(uri="b", label_en="data work", label_fr="données")
        cls.skills[4].broader.add(cls.broader)
        cls.occupation = Occupation.objects.create(uri="o", label_en="data analyst")
        for skill in cls.skills[:5]:
            OccupationSkill.objects.create(
                occupation=cls.occupation, skill=skill, relation_type="essential"
            )
        TargetOccupation.objects.create(user=cls.alice, occupation=cls.occupation)
        UserSkill.objects.create(user=cls.alice, skill=cls.skills[0])  # she has skill 0
        factories.preferences(cls.alice, languages=["en"], values=["learning", "integrity"])
        cls.maria = factories.person("maria@example.org", "Maria")
        cls.paul = factories.person("paul@example.org", "Paul")
        cls.zoe = factories.person("zoe@example.org", "Zoé", language="fr")
        cls.maria_profile = factories.mentor_profile(
            cls.maria, skills=[cls.skills[1], cls.skills[2], cls.broader]
        )
        cls.paul_profile = factories.mentor_profile(cls.paul, skills=[cls.skills[1]], values=[])
        factories.mentor_profile(cls.zoe, skills=cls.skills, languages=["fr"])
        factories.mentor_profile(cls.alice, skills=cls.skills)  # never her own mentor

    def test_it_ranks_mentors_with_the_gaps_of_the_target_occupation(self):
        with translation.override("en"):
            matches = selectors.rank_mentors(self.alice)
        assert [m.mentor.user.display_name for m in matches] == ["Maria", "Paul"]
        maria = matches[0]
        skills = maria.parts[0]
        # Needs: skills 1-4 (0 is already hers). Maria: 1, 2 fully; 4 through its broader skill.
        assert skills.sentence == (
            "Maria knows 2 of the 4 skills you need: skill 1, skill 2. "
            "Close to: skill 4 (half credit)."
        )
        assert skills.points == round(45 * 2.5 / 4, 1)
        assert maria.parts[1].sentence == "You share 2 values: Integrity, Learning."

    def test_it_leaves_out_full_mentors_and_counts_places_from_active_mentorships(self):
        self.maria_profile.capacity = 1
        self.maria_profile.save()
        mentorship = lifecycle.send_request(self.bob, self.maria_profile, "Learn", objectives="X")
        assert [m.mentor.user for m in selectors.rank_mentors(self.alice)][0] == self.maria
        lifecycle.accept(mentorship, self.maria)
        assert self.maria not in [m.mentor.user for m in selectors.rank_mentors(self.alice)]
        lifecycle.complete(mentorship, self.maria)
        assert self.maria in [m.mentor.user for m in selectors.rank_mentors(self.alice)]

    def test_it_counts_goal_skills_as_needs(self):
        goal = factories.goal(self.bob)
        goal.target_skills.add(self.skills[5])
        needs = selectors.mentee_needs(self.bob)
        assert needs == {self.skills[5].pk}
