"""The demo data: Sam (French-speaking) sees a loan-paid training, due follow-ups, and more."""

from django.utils import translation

from accounts.testing import BaseTestCase
from core.demo import load_demo
from growth import roi
from growth.models import Association, Contact, Feed, LearningItem


class DemoTests(BaseTestCase):
    def test_it_loads_idempotently_with_what_the_seeker_needs(self):
        people = load_demo()
        load_demo()
        seeker = people["seeker"]
        loan = LearningItem.objects.get(user=seeker, payer="loan")
        result = roi.for_item(loan)
        self.assertEqual(result.outcome, roi.PAYS_BACK)
        self.assertGreater(result.interest, 0)
        with translation.override("fr"):
            self.assertIn("environ", result.verdict)
        due = [
            c
            for c in Contact.objects.with_last_interaction().filter(user=seeker)
            if c.follow_up_due()
        ]
        self.assertEqual(len(due), 2)
        self.assertEqual(Association.objects.filter(user=seeker).count(), 1)
        self.assertEqual(Association.objects.get(user=seeker).memberships.count(), 1)
        self.assertEqual(Feed.objects.filter(user=seeker).count(), 1)
        self.assertEqual(LearningItem.objects.filter(user=seeker).count(), 3)
