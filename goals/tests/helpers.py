"""Builders for goals tests."""

import datetime
import json

from goals.models import CheckIn, Goal, Stage, Step

TODAY = datetime.date(2026, 11, 22)


def make_goal(owner, **fields):
    values = {
        "statement": "Obtain a position as data analyst by sending 20 applications by 2027-06-30",
        "indicator_name": "applications sent",
        "indicator_unit": "applications",
        "baseline": 0,
        "target_value": 20,
        "start_date": datetime.date(2026, 1, 1),
        "deadline": datetime.date(2027, 6, 30),
    }
    values.update(fields)
    return Goal.objects.create(owner=owner, **values)


def make_plan(goal, size):
    """`size` stages, steps and check-ins on `goal`."""
    for index in range(size):
        stage = Stage.objects.create(
            goal=goal, title=f"Stage {index}", deadline=datetime.date(2027, 1, 1 + index)
        )
        Step.objects.create(
            goal=goal, stage=stage, title=f"Step {index}", due_date=datetime.date(2026, 12, 1)
        )
        Step.objects.create(
            goal=goal,
            title=f"Weekly {index}",
            due_date=datetime.date(2026, 11, 2),
            recurrence="weekly",
        )
        CheckIn.objects.create(
            goal=goal, note=f"Win {index}", indicator_value=index, date=datetime.date(2026, 3, 1)
        )


def api(test, method, url, body=None, user=None):
    """`test`'s client calling the API (`url` after /api) as `user` (Alice) with a JSON body."""
    kwargs = {"headers": test.api_headers(user)}
    if body is not None:
        kwargs |= {"data": json.dumps(body), "content_type": "application/json"}
    return getattr(test.client, method)("/api" + url, **kwargs)
