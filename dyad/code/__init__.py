"""Coding: events (CAMEO, PLOVER) and facts (trade figures, memberships, stances)."""
