"""Learning plan, networking and industry watch."""
