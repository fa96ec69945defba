"""The ESCO taxonomy: occupations, skills, search, skills profile and gap analysis."""
