import datetime

from django.tasks import task
from django.test import TestCase, override_settings
from django.utils import timezone

from core import scheduling
from core.models import ScheduledRun

calls = []


@task()
def remember():
    calls.append("ran")


IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@override_settings(TASKS=IMMEDIATE)
class EnqueueDueTestCase(TestCase):
    def setUp(self):
        calls.clear()
        self.saved = dict(scheduling._registry)
        scheduling._registry.clear()
        scheduling.every(hours=1)(remember)

    def tearDown(self):
        scheduling._registry.clear()
        scheduling._registry.update(self.saved)

    def test_it_enqueues_a_task_never_run(self):
        now = timezone.now()
        assert scheduling.enqueue_due(now) == [remember.module_path]
        assert calls == ["ran"]
        assert ScheduledRun.objects.get().last_enqueued_at == now

    def test_it_waits_for_the_interval(self):
        now = timezone.now()
        scheduling.enqueue_due(now)
        assert scheduling.enqueue_due(now + datetime.timedelta(minutes=59)) == []
        assert scheduling.enqueue_due(now + datetime.timedelta(minutes=60)) != []
        assert calls == ["ran", "ran"]

    def test_it_enqueues_once_when_another_worker_claimed_the_run(self):
        now = timezone.now()
        run = ScheduledRun.objects.create(name=remember.module_path)
        # Another worker claims the run between our read and our update.
        ScheduledRun.objects.filter(pk=run.pk).update(last_enqueued_at=now)
        original_get_or_create = ScheduledRun.objects.get_or_create

        def stale_get_or_create(**kwargs):
            obj, created = original_get_or_create(**kwargs)
            obj.last_enqueued_at = None
            return obj, created

        ScheduledRun.objects.get_or_create = stale_get_or_create
        try:
            assert scheduling.enqueue_due(now + datetime.timedelta(hours=2)) == []
        finally:
            del ScheduledRun.objects.get_or_create
        assert calls == []

    def test_it_refuses_a_non_positive_interval(self):
        with self.assertRaises(ValueError):
            scheduling.every(seconds=0)
