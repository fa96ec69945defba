"""Pages of the goals app: goals and their action plans (goals.py), the live SMART check
(check.py), reflection, reviews and the career goal statement writer."""
