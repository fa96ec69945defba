"""Pages of the organisations app: thin doors onto its domain modules (people, framework,
assessments, conversations, cycles, alignment), always through organisations.access."""
