"""Models of the growth app."""
