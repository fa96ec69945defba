"""Models of the taxonomy app."""
