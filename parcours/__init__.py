"""Parcours: a bilingual career-development platform."""
