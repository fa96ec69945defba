"""Views of the goals app."""
