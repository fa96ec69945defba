"""Views of the growth app."""
