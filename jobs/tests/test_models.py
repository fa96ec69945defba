"""Behaviour carried by the jobs models: the status history, techniques kept across edits."""

from accounts.testing import BaseTestCase
from jobs.models import Status, Technique
from jobs.tests.factories import make_application, make_interview, make_reflection


class ModelTests(BaseTestCase):
    def test_it_keeps_each_status_change_with_its_date(self):
        application = make_application(self.alice)
        application.move_to(Status.APPLIED)
        application.move_to(Status.INTERVIEW)
        history = list(application.history.values_list("from_status", "to_status"))
        self.assertEqual(history, [("", "saved"), ("saved", "applied"), ("applied", "interview")])
        self.assertTrue(all(change.changed_at for change in application.history.all()))

    def test_it_ignores_a_move_to_the_same_status(self):
        application = make_application(self.alice, status=Status.APPLIED)
        self.assertIsNone(application.move_to(Status.APPLIED))
        self.assertEqual(application.history.count(), 1)

    def test_it_refuses_an_unknown_status(self):
        application = make_application(self.alice)
        with self.assertRaises(ValueError):
            application.move_to("hired")
        application.refresh_from_db()
        self.assertEqual(application.status, Status.SAVED)

    def test_it_keeps_the_tried_mark_of_techniques_that_stay(self):
        reflection = make_reflection(
            make_interview(make_application(self.alice)), techniques=["STAR", "Breathe"]
        )
        reflection.techniques.get(text="STAR").mark_tried()
        reflection.set_techniques(["STAR", "Ask two questions"])
        self.assertEqual(
            sorted(reflection.techniques.values_list("text", "tried")),
            [("Ask two questions", False), ("STAR", True)],
        )

    def test_it_lists_a_person_techniques_most_recent_first(self):
        application = make_application(self.alice)
        make_reflection(make_interview(application, days_from_now=-10), techniques=["Older"])
        make_reflection(make_interview(application, days_from_now=-1), techniques=["Newer"])
        make_reflection(make_interview(make_application(self.bob)), techniques=["Bob's"])
        texts = [t.text for t in Technique.objects.to_show(self.alice)]
        self.assertEqual(texts, ["Newer", "Older"])
