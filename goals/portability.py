"""What the goals app puts in a person's export (core.portability): reflections, goals with
their action plans, check-ins, reviews, revisions and career goal statements."""

from core.portability import Collection

SECTIONS = [
    Collection("review_settings", "goals.ReviewSettings"),
    Collection("reflections", "goals.Reflection"),
    Collection("goals", "goals.Goal"),
    Collection("stages", "goals.Stage"),
    Collection("steps", "goals.Step"),
    Collection("step_completions", "goals.StepCompletion"),
    Collection("requirements", "goals.Requirement"),
    Collection("obstacles", "goals.Obstacle"),
    Collection("checkins", "goals.CheckIn"),
    Collection("reviews", "goals.Review"),
    Collection("review_decisions", "goals.ReviewDecision"),
    Collection("goal_revisions", "goals.GoalRevision"),
    Collection("statements", "goals.Statement"),
    Collection("statement_versions", "goals.StatementVersion"),
]
