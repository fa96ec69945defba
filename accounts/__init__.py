"""People: sign-up, log-in, profile and preferences, personal API tokens."""
