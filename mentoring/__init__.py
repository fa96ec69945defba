"""Mentor profiles, matching, mentorships, sessions, feedback and gratitude."""


def feedback_for_goal(goal, viewer):
    """Constructive feedback on `goal` that `viewer` may read (see mentoring.access)."""
    from mentoring.access import feedback_for_goal as _feedback_for_goal

    return _feedback_for_goal(goal, viewer)
