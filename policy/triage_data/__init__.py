"""Training data for the triage model: a seeded generator (grammar.py) and hand-written messages."""
