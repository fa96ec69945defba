"""Pages of the mentoring app, thin doors onto mentoring.selectors, lifecycle and access:
finding a mentor (profiles.py), a mentorship's life (mentorships.py), its sessions
(sessions.py) and imported history (history.py)."""
