"""What the growth app puts in the agenda."""

import datetime

from django.utils import timezone, translation

from accounts.testing import BaseTestCase
from growth import agenda
from growth.models import Association, Contact, Interaction, LearningItem, Membership


class AgendaTests(BaseTestCase):
    def setUp(self):
        self.today = timezone.localdate()

    def days(self, n):
        return self.today + datetime.timedelta(days=n)

    def test_it_shows_follow_ups_due_from_the_last_interaction(self):
        overdue = Contact.objects.create(user=self.alice, name="Overdue", follow_up_days=30)
        Interaction.objects.create(contact=overdue, date=self.days(-40))
        soon = Contact.objects.create(user=self.alice, name="Soon", follow_up_days=30)
        Interaction.objects.create(contact=soon, date=self.days(-20))
        Contact.objects.create(user=self.alice, name="No cadence")
        far = Contact.objects.create(user=self.alice, name="Far", follow_up_days=365)
        Interaction.objects.create(contact=far, date=self.today)
        Contact.objects.create(user=self.bob, name="Bob's", follow_up_days=1, met_on=self.days(-9))
        with translation.override("en"):
            items = agenda.items(self.alice, self.today, self.days(30))
        self.assertEqual(
            [(i.title, i.date, i.overdue, i.kind) for i in items],
            [
                ("Follow up with Overdue", self.days(-10), True, "follow-up"),
                ("Follow up with Soon", self.days(10), False, "follow-up"),
            ],
        )
        self.assertEqual(items[0].url, overdue.get_absolute_url())

    def test_it_shows_the_renewal_of_the_latest_membership_only(self):
        association = Association.objects.create(user=self.alice, name="Ordre des ingénieurs")
        Membership.objects.create(
            association=association, started_on=self.days(-400), renews_on=self.days(-35)
        )
        Membership.objects.create(
            association=association, started_on=self.days(-35), renews_on=self.days(330)
        )
        self.assertEqual(agenda.items(self.alice, self.today, self.days(30)), [])
        with translation.override("fr"):
            [item] = agenda.items(self.alice, self.today, self.days(365))
        self.assertEqual(item.kind, "renewal")
        self.assertIn("Ordre des ingénieurs", item.title)

    def test_it_shows_the_end_of_open_learning_items(self):
        LearningItem.objects.create(user=self.alice, title="Open", end_date=self.days(5))
        LearningItem.objects.create(
            user=self.alice, title="Done", end_date=self.days(5), status="completed"
        )
        [item] = agenda.items(self.alice, self.today, self.days(30))
        self.assertEqual(item.kind, "learning")
        self.assertIn("Open", item.title)

    def test_it_leaves_out_what_falls_before_a_future_window(self):
        contact = Contact.objects.create(user=self.alice, name="Soon", follow_up_days=30)
        Interaction.objects.create(contact=contact, date=self.days(-20))
        self.assertEqual(agenda.items(self.alice, self.days(20), self.days(40)), [])
