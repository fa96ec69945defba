"""Organisations and their people: creating, inviting, accepting, roles, teams, manager links
that the report accepts, sharing goals with one's manager, leaving."""

import datetime

from django.core import mail
from django.http import Http404
from django.test import TestCase
from django.utils import timezone

from core.models import SharingEvent
from goals.models import Goal
from organisations import access, people
from organisations.models import GoalShare, Invitation, ManagerLink, Membership, Role
from organisations.people import OrgError
from organisations.tests import factories


class Organisations(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.ada = factories.person("ada@example.org", "Ada")

    def test_the_creator_becomes_its_administrator_and_her_history_says_so(self):
        org = people.create_organisation(self.ada, "Les Érables", "")
        self.assertEqual(org.slug, "les-erables")
        self.assertTrue(access.membership_for(self.ada, "les-erables").is_admin)
        event = SharingEvent.objects.get(owner=self.ada)
        self.assertEqual(event.action, SharingEvent.Action.ORG_JOINED)
        self.assertEqual(event.object_description, "Les Érables")

    def test_it_refuses_a_taken_or_reserved_short_name(self):
        people.create_organisation(self.ada, "Acme", "acme")
        for slug in ("acme", "new", "join", "!!!"):
            with self.assertRaises(OrgError):
                people.create_organisation(self.ada, "Other", slug)


class Invitations(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.ada = factories.person("ada@example.org", "Ada")
        cls.org, cls.admin = factories.organisation(cls.ada)
        cls.sam = factories.person("sam@example.org", "Sam", language="fr")

    def test_an_invitation_is_emailed_and_its_link_joins_with_role_and_team(self):
        team = people.create_team(self.admin, "Soins")
        invitation, raw = people.invite(self.admin, "Sam@Example.org", Role.MANAGER, team)
        [message] = mail.outbox
        self.assertEqual(message.to, [invitation.email])
        self.assertIn(raw, message.body)
        self.assertIn("Acme", message.subject)
        # Sam has an account in French: the email is in French only.
        self.assertIn("vous invite", message.body)
        self.assertNotIn(raw, invitation.digest)  # only the digest is stored
        membership = people.accept_invitation(people.invitation_for(raw), self.sam)
        self.assertEqual((membership.role, membership.team), (Role.MANAGER, team))
        with self.assertRaises(OrgError):  # a link works once
            people.accept_invitation(people.invitation_for(raw), self.sam)

    def test_someone_without_an_account_gets_it_in_both_languages(self):
        people.invite(self.admin, "new@example.org")
        body = mail.outbox[0].body
        self.assertIn("invites you", body)
        self.assertIn("vous invite", body)

    def test_an_expired_revoked_or_replaced_invitation_does_not_work(self):
        old, old_raw = people.invite(self.admin, "sam@example.org")
        _new, new_raw = people.invite(self.admin, "sam@example.org")
        with self.assertRaises(OrgError):
            people.accept_invitation(people.invitation_for(old_raw), self.sam)
        invitation = people.invitation_for(new_raw)
        Invitation.objects.filter(pk=invitation.pk).update(
            expires_at=timezone.now() - datetime.timedelta(seconds=1)
        )
        with self.assertRaises(OrgError):
            people.accept_invitation(people.invitation_for(new_raw), self.sam)
        _third, raw = people.invite(self.admin, "sam@example.org")
        people.revoke_invitation(self.admin, people.invitation_for(raw))
        with self.assertRaises(OrgError):
            people.accept_invitation(people.invitation_for(raw), self.sam)
        self.assertIsNone(people.invitation_for("x" * 5000))
        self.assertFalse(Membership.objects.filter(user=self.sam).exists())

    def test_only_an_administrator_invites(self):
        member = factories.member(self.org, factories.person("m@example.org", "M"))
        with self.assertRaises(OrgError):
            people.invite(member, "x@example.org")
        with self.assertRaises(OrgError):
            people.invite(self.admin, "not an email")


class Roles(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.ada = factories.person("ada@example.org", "Ada")
        cls.org, cls.admin = factories.organisation(cls.ada)
        cls.sam = factories.person("sam@example.org", "Sam")
        cls.sam_member = factories.member(cls.org, cls.sam)

    def test_the_organisation_always_keeps_an_administrator(self):
        with self.assertRaisesMessage(OrgError, "appoint another first"):
            people.update_member(self.admin, self.admin, role=Role.MEMBER)
        with self.assertRaisesMessage(OrgError, "appoint another first"):
            people.leave(self.admin, self.ada)
        people.update_member(self.admin, self.sam_member, role=Role.ADMIN)
        people.update_member(self.admin, self.admin, role=Role.MEMBER)
        self.admin.refresh_from_db()
        self.assertEqual(self.admin.role, Role.MEMBER)

    def test_a_team_name_is_unique_in_the_organisation(self):
        people.create_team(self.admin, "Soins")
        with self.assertRaises(OrgError):
            people.create_team(self.admin, "Soins")


class ManagerLinks(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.ada = factories.person("ada@example.org", "Ada")
        cls.org, cls.admin = factories.organisation(cls.ada)
        cls.li = factories.person("li@example.org", "Li")
        cls.lee = factories.person("lee@example.org", "Lee")
        cls.sam = factories.person("sam@example.org", "Sam")
        factories.member(cls.org, cls.li, Role.MANAGER)
        factories.member(cls.org, cls.lee, Role.MANAGER)
        cls.sam_member = factories.member(cls.org, cls.sam)

    def test_a_link_starts_only_when_the_report_accepts(self):
        link = people.propose_link(self.admin, self.li, self.sam)
        self.assertEqual(link.status, ManagerLink.Status.PROPOSED)
        self.assertFalse(access.manages(access.membership_for(self.li, "acme"), self.sam))
        with self.assertRaises(OrgError):
            people.accept_link(link, self.li)  # the manager cannot accept for her report
        people.accept_link(link, self.sam)
        self.assertTrue(access.manages(access.membership_for(self.li, "acme"), self.sam))
        self.assertEqual(
            SharingEvent.objects.filter(owner=self.sam).latest("id").action,
            SharingEvent.Action.MANAGER_ACCEPTED,
        )

    def test_accepting_a_new_manager_ends_the_previous_link_and_its_sharing(self):
        first = people.propose_link(self.admin, self.li, self.sam)
        people.accept_link(first, self.sam)
        goal = Goal.objects.create(owner=self.sam, statement="Lead the evening shift")
        people.share_goals(first, self.sam, [goal])
        second = people.propose_link(self.admin, self.lee, self.sam)
        people.accept_link(second, self.sam)
        first.refresh_from_db()
        self.assertEqual(first.status, ManagerLink.Status.ENDED)
        self.assertFalse(GoalShare.objects.filter(link=first).exists())
        ended = SharingEvent.objects.get(owner=self.sam, action=SharingEvent.Action.MANAGER_ENDED)
        self.assertEqual((ended.effect, ended.counterpart), (SharingEvent.Effect.REMOVED, self.li))

    def test_only_a_manager_may_be_proposed_and_only_by_an_administrator_or_herself(self):
        with self.assertRaises(OrgError):
            people.propose_link(self.admin, self.sam, self.li)  # Sam is a member
        li_member = access.membership_for(self.li, "acme")
        with self.assertRaises(OrgError):
            people.propose_link(li_member, self.lee, self.sam)  # Li proposes Lee
        people.propose_link(li_member, self.li, self.sam)  # Li proposes herself
        with self.assertRaises(OrgError):
            people.propose_link(li_member, self.li, self.sam)  # already waiting
        with self.assertRaises(OrgError):
            people.propose_link(self.admin, self.li, self.li)

    def test_goals_are_shared_one_by_one_by_their_owner_and_logged(self):
        link = factories.link(self.org, self.li, self.sam)
        mine = Goal.objects.create(owner=self.sam, statement="Become care aide II")
        other = Goal.objects.create(owner=self.li, statement="Li's own")
        with self.assertRaises(OrgError):
            people.share_goals(link, self.sam, [other])
        with self.assertRaises(OrgError):
            people.share_goals(link, self.li, [mine])
        people.share_goals(link, self.sam, [mine])
        self.assertEqual([s.goal for s in access.shares(link, self.li)], [mine])
        people.share_goals(link, self.sam, [])
        self.assertEqual(list(access.shares(link, self.li)), [])
        actions = list(
            SharingEvent.objects.filter(owner=self.sam)
            .order_by("id")
            .values_list("action", "effect")
        )
        self.assertEqual(
            actions,
            [("goal_shared", "granted"), ("goal_unshared", "removed")],
        )


class Leaving(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.ada = factories.person("ada@example.org", "Ada")
        cls.org, cls.admin = factories.organisation(cls.ada)
        cls.li = factories.person("li@example.org", "Li")
        cls.sam = factories.person("sam@example.org", "Sam")
        factories.member(cls.org, cls.li, Role.MANAGER)
        cls.sam_member = factories.member(cls.org, cls.sam)

    def test_leaving_ends_every_access_and_keeps_the_persons_own_data(self):
        link = factories.link(self.org, self.li, self.sam)
        goal = Goal.objects.create(owner=self.sam, statement="Lead the evening shift")
        people.share_goals(link, self.sam, [goal])
        people.leave(self.sam_member, self.sam)
        link.refresh_from_db()
        self.assertEqual(link.status, ManagerLink.Status.ENDED)
        self.assertFalse(GoalShare.objects.exists())
        self.assertTrue(Goal.objects.filter(pk=goal.pk).exists())
        with self.assertRaises(Http404):
            access.membership_for(self.sam, "acme")
        li_member = access.membership_for(self.li, "acme")
        self.assertNotIn(self.sam.pk, [m.user_id for m in access.members(li_member)])
        self.assertEqual(
            SharingEvent.objects.filter(owner=self.sam).latest("id").action,
            SharingEvent.Action.ORG_LEFT,
        )

    def test_an_administrator_removes_someone_and_an_invitation_brings_her_back(self):
        people.leave(self.sam_member, self.ada, self.admin)
        _invitation, raw = people.invite(self.admin, "sam@example.org", send=False)
        membership = people.accept_invitation(people.invitation_for(raw), self.sam)
        self.assertEqual(membership.pk, self.sam_member.pk)
        self.assertTrue(membership.is_active)

    def test_a_member_cannot_remove_someone_else(self):
        li_member = access.membership_for(self.li, "acme")
        with self.assertRaises(OrgError):
            people.leave(self.sam_member, self.li, li_member)
