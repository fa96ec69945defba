"""Views of the taxonomy app."""
