"""Views of the mentoring app."""
