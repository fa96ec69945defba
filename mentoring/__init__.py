"""Mentor profiles, matching, mentorships, sessions, feedback and gratitude."""
