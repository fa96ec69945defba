"""What the jobs app puts in a person's export (core.portability): job applications with their
history and detected skills, interviews and reflections, prepared answers and practice."""

from core.portability import Collection

SECTIONS = [
    Collection("applications", "jobs.Application"),
    Collection("status_changes", "jobs.StatusChange"),
    Collection("detected_skills", "jobs.DetectedSkill"),
    Collection("interviews", "jobs.Interview"),
    Collection("interview_reflections", "jobs.InterviewReflection"),
    Collection("techniques", "jobs.Technique"),
    Collection("prepared_answers", "jobs.PreparedAnswer"),
    Collection("practice_attempts", "jobs.PracticeAttempt"),
]
