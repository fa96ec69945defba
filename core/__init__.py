"""Shared pieces: layout, home page, error pages, the API's error shape, background work."""
