"""The growth API: learning items with their ROI, contacts, interactions, feeds, articles."""

import json

from django.test import override_settings

from accounts.testing import BaseTestCase, run_queued_tasks
from growth.models import Contact, Entry, Feed, LearningItem
from growth.tests.feedserver import RSS, serve


class ApiTests(BaseTestCase):
    def setUp(self):
        self.headers = self.api_headers()

    def call(self, method, path, body=None, headers=None):
        return getattr(self.client, method)(
            "/api" + path,
            data=json.dumps(body) if body is not None else None,
            content_type="application/json",
            headers=headers or self.headers,
        )

    def test_it_creates_a_learning_item_and_answers_its_roi(self):
        response = self.call(
            "post",
            "/learning",
            {
                "title": "Data certificate",
                "cost": "10000",
                "payer": "loan",
                "loan_rate": 5,
                "loan_term_months": 60,
                "salary_change": 6000,
                "salary_assumption": "One step up",
            },
        )
        self.assertEqual(response.status_code, 201, response.content)
        item = response.json()
        self.assertTrue(item["accreditation_warning"])
        response = self.call("get", f"/learning/{item['id']}/roi")
        self.assertEqual(
            response.json(),
            {
                "currency": "CAD",
                "principal": 10000.0,
                "interest": 1322.74,
                "total_cost": 11322.74,
                "monthly_payment": 188.71,
                "salary_change": 6000.0,
                "salary_assumption": "One step up",
                "payback_months": 23,
                "outcome": "pays_back",
                "verdict": "Pays for itself in about 1 year 11 months.",
            },
        )

    def test_it_updates_lists_and_deletes_learning_items(self):
        item = LearningItem.objects.create(user=self.alice, title="Old", cost=100)
        response = self.call("patch", f"/learning/{item.pk}", {"title": "New", "payer": "employer"})
        self.assertEqual(response.status_code, 200, response.content)
        self.assertEqual(response.json()["title"], "New")
        self.assertEqual(response.json()["cost"], 100.0)
        response = self.call("put", f"/learning/{item.pk}", {"title": "Replaced"})
        self.assertEqual(response.json()["cost"], 0.0)
        self.assertEqual([i["title"] for i in self.call("get", "/learning").json()], ["Replaced"])
        self.assertEqual(self.call("delete", f"/learning/{item.pk}").status_code, 204)
        self.assertFalse(LearningItem.objects.exists())

    def test_it_answers_422_with_the_problems_on_bad_input(self):
        cases = [
            {"title": "x", "payer": "loan"},
            {"title": "x", "kind": "nonsense"},
            {"title": "x", "cost": -1},
            {"title": "x", "start_date": "not a date"},
            {"title": "x", "skills": [999999]},
            {},
        ]
        for body in cases:
            with self.subTest(body=body):
                response = self.call("post", "/learning", body)
                self.assertEqual(response.status_code, 422, response.content)
                self.assertIsInstance(response.json()["detail"], list)
        response = self.call("post", "/learning", {"title": "x", "payer": "loan"})
        fields = {problem["loc"][-1] for problem in response.json()["detail"]}
        self.assertEqual(fields, {"loan_rate", "loan_term_months"})
        response = self.client.post(
            "/api/learning", "{not json", content_type="application/json", headers=self.headers
        )
        self.assertEqual(response.status_code, 400)
        self.assertFalse(LearningItem.objects.exists())

    def test_it_manages_contacts_and_their_interactions(self):
        response = self.call(
            "post",
            "/contacts",
            {"name": "Léa", "follow_up_days": 30, "met_on": "2020-01-01", "tags": "a, b"},
        )
        self.assertEqual(response.status_code, 201, response.content)
        contact = response.json()
        self.assertTrue(contact["follow_up_due"])
        self.assertEqual(contact["tags"], ["a", "b"])
        response = self.call(
            "post", f"/contacts/{contact['id']}/interactions", {"kind": "call", "summary": "Hi"}
        )
        self.assertEqual(response.status_code, 201, response.content)
        interaction = response.json()
        contact = self.call("get", f"/contacts/{contact['id']}").json()
        self.assertFalse(contact["follow_up_due"])
        self.assertEqual(contact["last_interaction_on"], interaction["date"])
        self.assertEqual(len(self.call("get", f"/contacts/{contact['id']}/interactions").json()), 1)
        response = self.call("post", f"/contacts/{contact['id']}/interactions", {"kind": "x"})
        self.assertEqual(response.status_code, 422)
        self.assertEqual(self.call("delete", f"/interactions/{interaction['id']}").status_code, 204)
        response = self.call("patch", f"/contacts/{contact['id']}", {"email": "nope"})
        self.assertEqual(response.status_code, 422)
        self.assertEqual(self.call("delete", f"/contacts/{contact['id']}").status_code, 204)

    @override_settings(PARCOURS_FETCH_PRIVATE_ADDRESSES=True)
    def test_it_follows_fetches_and_reads_feeds(self):
        with serve({"/rss": (200, {}, RSS), "/bad": (500, {}, b"")}) as base:
            response = self.call("post", "/feeds", {"url": base + "/rss", "industry": "Finance"})
            self.assertEqual(response.status_code, 201, response.content)
            feed = response.json()
            self.assertEqual(feed["fetch_state"], "")
            # "Fetch now" queues the fetch for the worker: 202, nothing fetched yet.
            with self.captureOnCommitCallbacks(execute=True):
                response = self.call("post", f"/feeds/{feed['id']}/fetch")
            self.assertEqual(response.status_code, 202)
            self.assertEqual(response.json()["queued"], True)
            self.assertEqual(response.json()["feed"]["fetch_state"], "queued")
            again = self.call("post", f"/feeds/{feed['id']}/fetch")
            self.assertEqual(again.json()["queued"], False)  # already on its way
            self.assertEqual(Entry.objects.count(), 0)
            bad = self.call("post", "/feeds", {"url": base + "/bad"}).json()
            with self.captureOnCommitCallbacks(execute=True):
                self.call("post", f"/feeds/{bad['id']}/fetch")
            run_queued_tasks()
            polled = self.call("get", f"/feeds/{feed['id']}").json()
            self.assertEqual(polled["fetch_state"], "")
            self.assertEqual(polled["last_new_entries"], 2)
            bad = self.call("get", f"/feeds/{bad['id']}").json()
            self.assertIsNone(bad["last_new_entries"])
            self.assertIn("HTTP 500", bad["last_error"])
        entries = self.call("get", f"/entries?feed_id={feed['id']}").json()
        self.assertEqual(len(entries), 2)
        response = self.call("post", f"/entries/{entries[0]['id']}/read", {"read": True})
        self.assertTrue(response.json()["read"])
        self.assertEqual(len(self.call("get", "/entries?unread=true").json()), 1)
        self.assertEqual(
            self.call("post", "/feeds", {"url": "file:///etc/passwd"}).status_code, 422
        )
        self.assertEqual(self.call("get", "/entries?limit=0").status_code, 422)
        self.assertEqual(self.call("delete", f"/feeds/{feed['id']}").status_code, 204)

    def test_it_answers_401_without_credentials(self):
        response = self.client.get("/api/learning")
        self.assertEqual(response.status_code, 401)
        self.assertIn("detail", response.json())

    def test_bob_gets_404(self):
        item = LearningItem.objects.create(user=self.alice, title="Mine")
        contact = Contact.objects.create(user=self.alice, name="Mine")
        feed = Feed.objects.create(user=self.alice, url="https://example.org/f")
        entry = Entry.objects.create(feed=feed, guid="1")
        bob = self.api_headers(self.bob)
        for method, path, body in [
            ("get", f"/learning/{item.pk}", None),
            ("get", f"/learning/{item.pk}/roi", None),
            ("patch", f"/learning/{item.pk}", {"title": "Stolen"}),
            ("put", f"/learning/{item.pk}", {"title": "Stolen"}),
            ("delete", f"/learning/{item.pk}", None),
            ("get", f"/contacts/{contact.pk}", None),
            ("patch", f"/contacts/{contact.pk}", {"name": "Stolen"}),
            ("get", f"/contacts/{contact.pk}/interactions", None),
            ("post", f"/contacts/{contact.pk}/interactions", {"summary": "x"}),
            ("delete", f"/contacts/{contact.pk}", None),
            ("get", f"/feeds/{feed.pk}", None),
            ("post", f"/feeds/{feed.pk}/fetch", None),
            ("delete", f"/feeds/{feed.pk}", None),
            ("post", f"/entries/{entry.pk}/read", None),
        ]:
            with self.subTest(method=method, path=path):
                response = self.call(method, path, body, headers=bob)
                self.assertEqual(response.status_code, 404)
                self.assertEqual(response.json(), {"detail": "Not found."})
        self.assertEqual(self.call("get", "/learning", headers=bob).json(), [])
        self.assertEqual(self.call("get", f"/entries?feed_id={feed.pk}", headers=bob).json(), [])
        item.refresh_from_db()
        self.assertEqual(item.title, "Mine")
