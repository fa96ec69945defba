"""Pages of the jobs app: the board and applications (applications.py), interviews and
reflections (interviews.py), the interview coach (coach.py). Each view is scoped to the
signed-in person: another person's things are a 404."""
