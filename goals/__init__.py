"""Reflection, SMART goals, action plans, check-ins, reviews and revisions."""
