"""Pages of the taxonomy app: the skills profile, targets and gap (profile.py); occupation and
skill search, and skill extraction (search.py)."""
