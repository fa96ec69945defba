"""Views of the agenda app."""
