"""The organisation part of the permission walk (tests/test_permission_walk.py).

Alice is a member of the organisation "walk". Dana administers it; Mike is Alice's manager (she
accepted him) and reads what she shares with him: one goal, one self-assessment, their 1:1 and
its agenda (ALICE-TEAM-… markers). Tess is Alice's teammate: she sees the roster, never a 1:1.
Eve managed Alice before and left the organisation: she reaches nothing any more, not even what
she wrote. Alice also left another organisation ("walk-old"), whose record only she reads.

`build(...)` adds this to the world; the tables below say, for each route, who reads it.
docs/apps/permission-walk.md describes the roles.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from accounts.models import User
from goals.models import Goal
from organisations import assessments, conversations, people
from organisations.models import (
    Assessment,
    CompetencyModel,
    Cycle,
    Evidence,
    GoalAlignment,
    Invitation,
    JobRole,
    Membership,
    Objective,
    OrganisationRecord,
    PrivateNote,
    Role,
)

TEAM = "ALICE-TEAM"  # Alice and Mike, her manager, only
SLUG = "walk"

# Who reads a route of the organisation (GET answers 200); every other signed-in actor gets 404.
ORG = "org-member"  # any active member: the organisation, people, teams, model, roles, cycles
ORG_ADMIN = "org-admin"  # its administrators: invitations, imports, a member's settings, counts
ORG_MANAGER = "org-manager"  # managers and administrators: my team, proposing a manager
LINK = "org-link"  # Alice's manager link with Mike: both of them, and the administrators
TALK = "org-talk"  # what Alice shares with Mike: their 1:1s, her shared self-assessment
READERS = {
    ORG: {"alice", "dana", "mike", "tess"},
    ORG_ADMIN: {"dana"},
    ORG_MANAGER: {"dana", "mike"},
    LINK: {"alice", "dana", "mike"},
    TALK: {"alice", "mike"},
}
NEW_ACTORS = ("dana", "mike", "tess", "eve")

# What each may legitimately change among Alice's rows (Alice's own private notes are checked
# apart): Mike takes part in the 1:1s and may end the link (Alice's history records it); Dana,
# as administrator, may change Alice's role and team, remove her, end or propose her links.
MAY_CHANGE = {
    "mike": {
        "core.sharingevent",
        "organisations.managerlink",
        "organisations.goalshare",
        "organisations.conversation",
        "organisations.topic",
        "organisations.actionitem",
        "organisations.privatenote",
    },
    "dana": {
        "core.sharingevent",
        "organisations.membership",
        "organisations.managerlink",
        "organisations.goalshare",
        "organisations.conversation",
    },
}


def secret(what):
    return f"ALICE-SECRET-{what}"


def build(alice, skill, objects):
    """Add the organisation, its people and Alice's part in it; return the new people."""
    now = timezone.now()
    dana = User.objects.create(email="dana@example.org", display_name="Dana", language="en")
    mike = User.objects.create(email="mike@example.org", display_name="Mike", language="en")
    tess = User.objects.create(email="tess@example.org", display_name="Tess", language="en")
    eve = User.objects.create(email="eve@example.org", display_name="Eve", language="en")

    org = people.create_organisation(dana, "Walk organisation", SLUG)
    admin = Membership.objects.get(organisation=org, user=dana)
    team = people.create_team(admin, "Walk team")
    model = CompetencyModel.objects.create(
        organisation=org, code="walk-model", name_en="Walk model", name_fr="Modèle"
    )
    model.levels.create(level=1, name_en="One", name_fr="Un")
    model.levels.create(level=2, name_en="Two", name_fr="Deux")
    competency = model.competencies.create(code="c", name_en="Care", name_fr="Soin")
    competency.mappings.create(skill=skill, confirmed=True)
    competency.indicators.create(level=2, text_en="Cares", text_fr="Soigne")
    role = JobRole.objects.create(
        model=model,
        code="r1",
        name_en="Aide I",
        name_fr="Aide I",
        track_en="Aide",
        track_fr="Aide",
        level=1,
    )
    nxt = JobRole.objects.create(
        model=model,
        code="r2",
        name_en="Aide II",
        name_fr="Aide II",
        track_en="Aide",
        track_fr="Aide",
        level=2,
    )
    role.expectations.create(competency=competency, level=1)
    nxt.expectations.create(competency=competency, level=2)
    alice_member = Membership.objects.create(organisation=org, user=alice, team=team, job_role=role)
    Membership.objects.create(organisation=org, user=mike, role=Role.MANAGER, team=team)
    Membership.objects.create(organisation=org, user=tess, team=team)
    eve_member = Membership.objects.create(organisation=org, user=eve, role=Role.MANAGER)

    # Eve managed Alice, held a 1:1 and assessed her, then left.
    old = people.accept_link(people.propose_link(admin, eve, alice), alice)
    old_talk = conversations.schedule(old, eve, now - datetime.timedelta(days=40))
    conversations.save_shared_notes(old_talk, eve, secret("old-notes"))
    conversations.mark_held(old_talk, eve)
    eve_review = assessments.start_manager_assessment(
        Membership.objects.get(pk=eve_member.pk), alice, role
    )
    eve_review.ratings.update(level=1, comment=secret("eve-review"))
    assessments.submit(eve_review, eve)
    people.leave(eve_member, eve)

    link = people.accept_link(people.propose_link(admin, mike, alice), alice)
    team_goal = Goal.objects.create(
        owner=alice, statement=f"{TEAM}-goal", baseline=Decimal(0), target_value=Decimal(5)
    )
    people.share_goals(link, alice, [team_goal])
    objective = Objective.objects.create(organisation=org, team=team, title="Walk objective")
    GoalAlignment.objects.create(
        goal=team_goal, objective=objective, why_me=f"{TEAM}-why-me", why_team=f"{TEAM}-why-team"
    )
    GoalAlignment.objects.create(
        goal=objects["goal"], objective=objective, why_me=secret("why-private-goal")
    )
    talk = conversations.schedule(link, mike, now + datetime.timedelta(days=3))
    topic = conversations.add_topic(talk, alice, f"{TEAM}-topic")
    conversations.save_shared_notes(talk, mike, f"{TEAM}-notes")
    conversations.save_private_note(talk, alice, secret("org-private-note"))
    conversations.save_private_note(talk, mike, "Mike's own note")
    action = conversations.add_action(talk, mike, f"{TEAM}-action", alice)

    shown = assessments.start_self_assessment(alice_member, role)
    shown.ratings.update(level=1, comment=f"{TEAM}-rating")
    Assessment.objects.filter(pk=shown.pk).update(summary=f"{TEAM}-self-review")
    Evidence.objects.create(
        rating=shown.ratings.get(), text=f"{TEAM}-evidence", checkin=objects["checkin"]
    )
    assessments.submit(shown, alice, share=True)
    kept = assessments.start_self_assessment(alice_member, role)
    kept.ratings.update(level=2, comment=secret("kept-rating"))
    assessments.submit(kept, alice)  # submitted, not shared
    draft = assessments.start_self_assessment(alice_member, nxt)
    Assessment.objects.filter(pk=draft.pk).update(summary=secret("draft-review"))
    review = assessments.start_manager_assessment(Membership.objects.get(user=mike), alice)
    review.ratings.update(level=1, comment=f"{TEAM}-manager-review")
    assessments.submit(review, mike)

    today = timezone.localdate()
    cycle = Cycle.objects.create(
        organisation=org,
        name="Walk cycle",
        starts_on=today,
        self_review_due=today + datetime.timedelta(days=5),
        manager_review_due=today + datetime.timedelta(days=10),
        ends_on=today + datetime.timedelta(days=20),
    )
    invitation, invitation_token = people.invite(admin, "invitee@example.org", send=False)

    # An organisation Alice left: only she reads what she keeps of it.
    other_admin = User.objects.create(email="oscar@example.org", display_name="Oscar")
    other = people.create_organisation(other_admin, "Old organisation", "walk-old")
    other_model = CompetencyModel.objects.create(
        organisation=other, code="m", name_en="M", name_fr="M"
    )
    other_model.levels.create(level=1, name_en="One", name_fr="Un")
    other_competency = other_model.competencies.create(code="c", name_en="C", name_fr="C")
    other_role = JobRole.objects.create(model=other_model, code="r", name_en="R", name_fr="R")
    other_role.expectations.create(competency=other_competency, level=1)
    left = Membership.objects.create(organisation=other, user=alice)
    old_assessment = assessments.start_self_assessment(left, other_role)
    old_assessment.ratings.update(level=1, comment=secret("left-org-rating"))
    people.leave(left, alice)
    record = OrganisationRecord.objects.create(
        owner=alice,
        organisation_name=secret("imported-organisation"),
        joined_at=now - datetime.timedelta(days=900),
        details={"private_notes": [{"text": secret("imported-note")}]},
    )

    objects.update(
        {
            "org": org,
            "team": team,
            "model": model,
            "competency": competency,
            "role": role,
            "next_role": nxt,
            "membership": alice_member,
            "link": link,
            "talk": talk,
            "old_talk": old_talk,
            "topic": topic,
            "org_action": action,
            "shown_assessment": shown,
            "kept_assessment": kept,
            "cycle": cycle,
            "objective": objective,
            "invitation": invitation,
            "former": left,
            "org_record": record,
            "team_goal": team_goal,
            "eve_review": eve_review,
        }
    )
    assert Invitation.objects.filter(pk=invitation.pk).exists()
    return {"dana": dana, "mike": mike, "tess": tess, "eve": eve}, invitation_token


def alice_private_notes(world):
    """Alice's private notes of 1:1s: nobody else's write may touch them."""
    return list(PrivateNote.objects.filter(author=world.alice).order_by("pk").values())


# Routes ---------------------------------------------------------------------------------------


def _org(kind=None, key="pk", extra=None):
    def fill(world):
        values = {"slug": SLUG, **(extra or {})}
        if kind:
            values[key] = world.objects[kind].pk
        return values

    return fill


ASSESSMENT_PARTS = ("save", "submit", "evidence", "evidence-remove", "share")
CONVERSATION_PARTS = ("topic", "notes", "private", "action", "held", "cancel")
EXPORT_FORMATS = ("json", "csv")


def routes(owned, public_token):
    """ROUTES entries of the organisation's pages (see test_permission_walk.ROUTES)."""
    return {
        "organisations:join": (public_token, lambda w: {"token": w.org_invitation}),
        "organisations:former": (owned, lambda w: {"pk": w.objects["former"].pk}),
        "organisations:history": (owned, lambda w: {"pk": w.objects["org_record"].pk}),
        "organisations:history_delete": (owned, lambda w: {"pk": w.objects["org_record"].pk}),
        **{
            f"organisations:{name}": (ORG, _org())
            for name in (
                "home",
                "people",
                "teams",
                "leave",
                "models",
                "assessments",
                "assessment_start",
                "conversations",
                "cycles",
                "objectives",
            )
        },
        **{f"organisations:{name}": (ORG_ADMIN, _org()) for name in ("invite", "model_import")},
        **{f"organisations:{name}": (ORG_MANAGER, _org()) for name in ("my_team", "propose")},
        "organisations:member": (ORG_ADMIN, _org("membership")),
        "organisations:revoke": (ORG_ADMIN, _org("invitation")),
        "organisations:team": (ORG, _org("team")),
        "organisations:link": (LINK, _org("link")),
        **{
            f"organisations:{name}": (LINK, _org("link"))
            for name in (
                "link_accept",
                "link_decline",
                "link_end",
            )
        },
        **{
            f"organisations:{name}": (TALK, _org("link"))
            for name in (
                "link_cadence",
                "link_goals",
                "conversation_new",
            )
        },
        "organisations:objective_archive": (ORG, _org("objective")),
        "organisations:goal_align": (owned, _org("goal", "goal_id")),
        "organisations:model": (ORG, _org("model")),
        "organisations:model_export": (
            ORG_ADMIN,
            [_org("model", extra={"fmt": fmt}) for fmt in EXPORT_FORMATS],
        ),
        "organisations:competency_esco": (ORG_ADMIN, _org("competency")),
        "organisations:role": (ORG, _org("role")),
        "organisations:role_gap": (ORG, _org("role")),
        "organisations:role_gap_action": (ORG, _org("role")),
        "organisations:assessment": (TALK, _org("shown_assessment")),
        "organisations:assessment_update": (
            TALK,
            [_org("shown_assessment", extra={"part": part}) for part in ASSESSMENT_PARTS],
        ),
        "organisations:conversation": (TALK, _org("talk")),
        "organisations:conversation_update": (
            TALK,
            [_org("talk", extra={"part": part}) for part in CONVERSATION_PARTS],
        ),
        "organisations:topic": (TALK, _org("topic")),
        "organisations:action_toggle": (TALK, _org("org_action")),
        "organisations:action_step": (TALK, _org("org_action")),
        "organisations:cycle": (ORG, _org("cycle")),
        "organisations:cycle_close": (ORG_ADMIN, _org("cycle")),
    }


def api_routes():
    """API_ROUTES entries of /api/orgs/… (see test_permission_walk.API_ROUTES)."""
    base = "/api/orgs/{slug}"
    table = {
        base: (ORG, _org()),
        **{
            f"{base}/{tail}": (ORG, _org())
            for tail in (
                "leave",
                "members",
                "teams",
                "links",
                "objectives",
                "models",
                "roles",
                "assessments",
                "conversations",
                "cycles",
            )
        },
        f"{base}/invitations": (ORG_ADMIN, _org()),
        f"{base}/models/import": (ORG_ADMIN, _org()),
        f"{base}/members/{{member_id}}": (ORG_ADMIN, _org("membership", "member_id")),
        f"{base}/invitations/{{invitation_id}}": (ORG_ADMIN, _org("invitation", "invitation_id")),
        f"{base}/teams/{{team_id}}": (ORG, _org("team", "team_id")),
        f"{base}/models/{{model_id}}": (ORG, _org("model", "model_id")),
        f"{base}/roles/{{role_id}}": (ORG, _org("role", "role_id")),
        f"{base}/roles/{{role_id}}/gap": (ORG, _org("role", "role_id")),
        f"{base}/cycles/{{cycle_id}}": (ORG, _org("cycle", "cycle_id")),
        f"{base}/cycles/{{cycle_id}}/completion": (ORG_ADMIN, _org("cycle", "cycle_id")),
        **{
            f"{base}/links/{{link_id}}/{tail}": (LINK, _org("link", "link_id"))
            for tail in (
                "accept",
                "decline",
                "end",
            )
        },
        f"{base}/links/{{link_id}}/goals": (TALK, _org("link", "link_id")),
        f"{base}/links/{{link_id}}/conversations": (TALK, _org("link", "link_id")),
        f"{base}/conversations/{{conversation_id}}": (TALK, _org("talk", "conversation_id")),
        **{
            f"{base}/conversations/{{conversation_id}}/{tail}": (
                TALK,
                _org("talk", "conversation_id"),
            )
            for tail in ("topics", "actions", "held")
        },
        f"{base}/actions/{{action_id}}/step": (TALK, _org("org_action", "action_id")),
        f"{base}/assessments/{{assessment_id}}": (TALK, _org("shown_assessment", "assessment_id")),
        **{
            f"{base}/assessments/{{assessment_id}}/{tail}": (
                TALK,
                _org("shown_assessment", "assessment_id"),
            )
            for tail in ("evidence", "submit", "sharing")
        },
    }
    return table
